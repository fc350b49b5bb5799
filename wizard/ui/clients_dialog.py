"""File > Client library: a folder of assessments as a sortable client list.

The list is the core's (:func:`wizard.core.clients.read_library`, evaluated today); this view
only lays it out. Opening a client goes through the main window's normal open path, with its
unsaved-work question. Nothing in the folder is written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFileDialog, QFrame,
                               QHBoxLayout, QHeaderView, QLabel, QListWidget, QPlainTextEdit,
                               QPushButton, QSplitter, QTableWidgetItem, QVBoxLayout, QWidget)

from wizard.core.clients import UNKNOWN, Library
from wizard.core.errors import WizardError
from wizard.core.labels import label
from wizard.core.localize import date_text
from wizard.core.model import EXPOSURE_LEVELS
from wizard.i18n import N_
from wizard.ui import dialogs, lang

TITLE = N_("Client library")
CHOOSE = N_("&Choose folder...")
CHOOSE_TITLE = N_("Choose the folder that holds the client assessments")
OPEN = N_("&Open client")
FOLDER = N_("Folder: {folder} \u00b7 evaluated on {day}")
NO_FOLDER = N_("No folder chosen yet.")
EMPTY = N_("No assessment files (*.json) in this folder.")
UNREADABLE = N_("Files that could not be read ({count})")
NOT_RECORDED = N_("not recorded")
FAILED = N_("The folder could not be read")
COLUMNS = (N_("Company"), N_("Assessor"), N_("Date"), N_("Content"), N_("Exposure"),
           N_("Readiness"), N_("Open critical actions"), N_("Overdue actions"))
AREA_LINE = N_("{area}: exposure {exposure}, readiness {readiness}")
OVERDUE_LINE = N_("Overdue: {action} (due {due})")
HINT = N_("Click a column heading to sort. Double-click a client (or Open client) to open it "
          "in the wizard.")

_SORT = Qt.ItemDataRole.UserRole + 1
_PATH = Qt.ItemDataRole.UserRole + 2


class _Item(QTableWidgetItem):
    """A cell that sorts by its own key (numbers as numbers, no score last)."""

    def __lt__(self, other) -> bool:  # noqa: D105 - Qt's sort hook
        mine, theirs = self.data(_SORT), other.data(_SORT)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return mine < theirs


def choose_folder(parent: Optional[QWidget], title: str, folder: str) -> Optional[Path]:
    path = QFileDialog.getExistingDirectory(parent, title, folder)
    return Path(path) if path else None


class ClientLibraryDialog(QDialog):
    def __init__(self, window, folder: Optional[Path] = None,
                 on: Optional[dt.date] = None) -> None:
        super().__init__(window)
        self.window = window
        self.on = on or dt.date.today()
        self.library: Optional[Library] = None
        self.folder_label = QLabel(self)
        self.folder_label.setWordWrap(True)
        self.choose_button = QPushButton(self)
        self.choose_button.clicked.connect(self.choose)
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.choose_button)
        self.table = dialogs.row_table(self, len(COLUMNS))
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.open_row(row))
        self.table.itemSelectionChanged.connect(self._show_details)
        self.details = QPlainTextEdit(self)      # scrolls when a client has much to show
        self.details.setReadOnly(True)
        self.details.setFrameShape(QFrame.Shape.NoFrame)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.unreadable_label = QLabel(self)
        self.unreadable = QListWidget(self)
        self.unreadable.setWordWrap(True)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details, 1)
        lower_layout.addWidget(self.unreadable_label)
        lower_layout.addWidget(self.unreadable, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setEnabled(False)
        self.open_button.clicked.disconnect()
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.retranslate()
        lang.notifier().changed.connect(self.retranslate)
        if folder is not None:
            self.load(Path(folder))

    # -- words -----------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self.library is not None and (event.oldSize().width() >= 1200) != (
                self.width() >= 1200):
            self._fill()

    def retranslate(self, *_args) -> None:
        self.setWindowTitle(lang.ui(TITLE))
        self.choose_button.setText(lang.ui(CHOOSE))
        self.open_button.setText(lang.ui(OPEN))
        self.hint.setText(lang.tr(HINT))
        self.table.setHorizontalHeaderLabels([lang.ui(c) for c in COLUMNS])
        self.table.setAccessibleName(lang.tr(TITLE))
        self._fill()

    # -- reading ---------------------------------------------------------------------------
    def choose(self) -> None:
        start = str(self.library.folder) if self.library else str(Path.home())
        folder = choose_folder(self, lang.tr(CHOOSE_TITLE), start)
        if folder is not None:
            self.load(folder)

    def load(self, folder: Path) -> None:
        from wizard.core.clients import read_library

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.library = read_library(folder, self.window.session.content, self.on)
        except (WizardError, OSError) as exc:
            self.library = None
            dialogs.error(self, lang.tr(FAILED), lang.error_text(exc)
                          if isinstance(exc, WizardError) else str(exc))
        finally:
            QApplication.restoreOverrideCursor()
        self._fill()

    def _fill(self) -> None:
        library = self.library
        self.table.setSortingEnabled(False)
        self.table.setRowCount(0)
        self.unreadable.clear()
        self.details.clear()
        if library is None:
            self.folder_label.setText(lang.tr(NO_FOLDER))
            self.unreadable_label.hide()
            self.unreadable.hide()
            self.open_button.setEnabled(False)
            return

        self.folder_label.setText(lang.tr(FOLDER, folder=str(library.folder),
                                          day=date_text(library.on, lang.chrome())))
        self.table.setRowCount(len(library.standings))
        for row, standing in enumerate(library.standings):
            self._fill_row(row, standing)
        self.table.resizeColumnsToContents()
        wide = self.width() >= 1200
        for column, limit in ((0, 300 if wide else 220), (1, 240 if wide else 140),
                              (3, 200 if wide else 120)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), limit))
        self.table.setSortingEnabled(True)
        if not library.standings:
            self.details.setPlainText(lang.tr(EMPTY))
        count = len(library.unreadable)
        self.unreadable_label.setText(lang.tr(UNREADABLE, count=count))
        self.unreadable_label.setVisible(bool(count))
        self.unreadable.setVisible(bool(count))
        chrome = lang.chrome()
        for item in library.unreadable:
            self.unreadable.addItem(item.reason[chrome])
        if library.standings:
            self.table.selectRow(0)
        self.open_button.setEnabled(bool(library.standings))

    def _fill_row(self, row: int, standing) -> None:
        client = standing.client
        chrome = lang.chrome()
        content = (lang.tr(NOT_RECORDED) if client.content_id == UNKNOWN
                   else f"{client.content_id} {client.content_version}")
        readiness = standing.readiness
        cells = [
            (client.company or client.path.name, client.company.casefold()),
            (client.assessor, client.assessor.casefold()),
            (client.date or "-", client.date),
            (content, content),
            (label("exposure", standing.exposure, chrome),
             EXPOSURE_LEVELS.index(standing.exposure)),
            ("-" if readiness is None else f"{readiness}%",
             1000 if readiness is None else readiness),
            (str(standing.open_critical), standing.open_critical),
            (str(len(standing.overdue)), len(standing.overdue)),
        ]
        for column, (text, key) in enumerate(cells):
            item = _Item(text)
            item.setData(_SORT, key)
            item.setData(_PATH, str(client.path))
            item.setToolTip(f"{client.path.name}\n{text}")
            if column >= 5:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def _standing_at(self, row: int):
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None or self.library is None:
            return None
        path = item.data(_PATH)
        return next((s for s in self.library.standings if str(s.client.path) == path), None)

    def _show_details(self) -> None:
        standing = self._standing_at(self.table.currentRow())
        if standing is None:
            return
        chrome = lang.chrome()
        lines = [lang.tr(AREA_LINE, area=lang.pick(a.title, " / "),
                         exposure=label("exposure", a.exposure, chrome),
                         readiness="-" if a.readiness is None else f"{a.readiness}%")
                 for a in standing.areas if a.applicable]
        lines += [lang.tr(OVERDUE_LINE, action=lang.pick(o.title, " / "), due=o.due)
                  for o in standing.overdue]
        self.details.setPlainText("\n".join(lines))

    # -- opening ---------------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        standing = self._standing_at(row)
        if standing is None:
            return
        files = self.window.files
        if files.maybe_save() and files.open_path(standing.client.path):
            self.accept()
