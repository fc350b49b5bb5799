"""The evidence of one question or plan action: its files and references with their state,
and Attach file..., Add reference..., Open and Remove. What is stored and checked is the
core's (:mod:`wizard.core.evidence`); a missing or altered file is shown, never an error."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableWidgetItem, QVBoxLayout)

from wizard.core.errors import WizardError
from wizard.core.evidence import (MAX_EVIDENCE_NOTE, MAX_REFERENCE, STATUS_WORDS, folder_for,
                                  size_text)
from wizard.i18n import N_
from wizard.ui import dialogs, lang, style

TITLE = N_("Evidence")
QUESTION_HEAD = N_("Evidence for the question: {text}")
ACTION_HEAD = N_("Evidence for the action: {text}")
HASH_HEADER = "SHA-256"      # an algorithm's name: the same in every language
COLUMNS = (N_("No."), N_("Evidence"), N_("Size"), N_("Added"), HASH_HEADER, N_("State"))
NUMBER, WHAT, SIZE, ADDED, HASH, STATE = range(len(COLUMNS))
ATTACH = N_("&Attach file...")
REFERENCE = N_("Add &reference...")
OPEN = N_("&Open")
REMOVE = N_("Re&move")
NONE_YET = N_("No evidence yet. Attach a file (a copy is kept beside the assessment) or add a "
              "reference to a document kept elsewhere.")
SAVE_FIRST = N_("Save the assessment first to attach files: they are kept in a folder beside it. "
                "References can be added now.")
FOLDER = N_("Files are kept in {folder}")
PROBLEMS = N_("{missing} missing, {altered} altered: the report will say so.")
REFERENCE_ITEM = N_("Reference: {text}")
CHOOSE_FILE = N_("Attach a file as evidence")
NOT_ATTACHED = N_("Not attached")
NOT_ADDED = N_("Not added")
NOT_OPENED = N_("Cannot open")
MISSING_FILE = N_("The file {name} is not in {folder}. It may have been moved or deleted; "
                  "attach it again.")
NO_VIEWER = N_("No program is set to open {path}.")
REMOVE_TITLE = N_("Remove evidence")
REMOVE_ASK = N_("Remove {what} from this answer or action? A stored file is deleted only when "
                "you save the assessment and nothing else uses it.")
REFERENCE_TITLE = N_("Add a reference")
REFERENCE_LABEL = N_("&Document number or location:")
REFERENCE_HINT = N_("e.g. CM-2026-014, compliance binder 3, or a document system link")
NOTE_LABEL = N_("&Note (optional):")
ALTERED_TIP = N_("The file's content is no longer what was attached (its SHA-256 differs).")
MISSING_TIP = N_("The file is not in the evidence folder.")
SHORT_HASH = 12          # characters of the SHA-256 shown in the table (all in the tooltip)
_ALERT = QColor("#b3261e")


def open_file(path: Path) -> bool:
    """Open ``path`` with the system's program for it (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ReferenceDialog(QDialog):
    """A document number or location, and an optional note."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(lang.ui(REFERENCE_TITLE))
        self.reference = QLineEdit(self)
        self.reference.setMaxLength(MAX_REFERENCE)
        self.reference.setPlaceholderText(lang.tr(REFERENCE_HINT))
        self.note = QLineEdit(self)
        self.note.setMaxLength(MAX_EVIDENCE_NOTE)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(lang.ui(REFERENCE_LABEL), self.reference)
        form.addRow(lang.ui(NOTE_LABEL), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())


class EvidenceDialog(QDialog):
    def __init__(self, session, key: str, heading: str, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.key = key
        self.setWindowTitle(lang.ui(TITLE))
        self.heading = QLabel(heading, self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        style.look(self.heading, "questionText")
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = dialogs.row_table(self, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([c if c == HASH_HEADER else lang.ui(c)
                                              for c in COLUMNS])
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setAccessibleName(lang.tr(TITLE))
        header = self.table.horizontalHeader()
        for column in (NUMBER, SIZE, ADDED, HASH, STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemDoubleClicked.connect(lambda *_: self.open_selected())

        self.attach_button = QPushButton(lang.ui(ATTACH), self)
        self.reference_button = QPushButton(lang.ui(REFERENCE), self)
        self.open_button = QPushButton(lang.ui(OPEN), self)
        self.remove_button = QPushButton(lang.ui(REMOVE), self)
        self.attach_button.clicked.connect(self.attach)
        self.reference_button.clicked.connect(self.add_reference)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        for button in (self.attach_button, self.reference_button, self.open_button,
                       self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        # Close on a line of its own: four bilingual buttons and Close fit no 800-pixel screen
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.info)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(760, 440)
        self.refresh()

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        checked = self.session.checked_evidence(self.key)
        self.table.setRowCount(len(checked))
        for row, entry in enumerate(checked):
            item = entry.item
            if item.kind == "file":
                what = item.name
                size = size_text(item.size)
                digest = item.sha256[:SHORT_HASH] + "\u2026"
            else:
                what = lang.tr(REFERENCE_ITEM, text=item.reference)
                size = digest = "-"
            if item.note:
                what += "\n" + item.note
            cells = (str(entry.number), what, size, item.added or "-", digest,
                     lang.tr(STATUS_WORDS[entry.status]))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, entry.number)
                if column == HASH and item.kind == "file":
                    cell.setToolTip(f"SHA-256 {item.sha256}")
                if column == STATE and entry.status in ("missing", "altered"):
                    cell.setForeground(QBrush(_ALERT))
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                    cell.setToolTip(lang.tr(ALTERED_TIP if entry.status == "altered"
                                            else MISSING_TIP))
                self.table.setItem(row, column, cell)
        self.table.setVisible(bool(checked))
        self._show_info(checked)
        saved = self.session.path is not None
        self.attach_button.setEnabled(saved)
        self._selected()

    def _show_info(self, checked: list) -> None:
        lines = []
        if not checked:
            lines.append(lang.tr(NONE_YET))
        if self.session.path is None:
            lines.append(lang.tr(SAVE_FIRST))
        elif any(e.item.kind == "file" for e in checked):
            lines.append(lang.tr(FOLDER, folder=str(folder_for(self.session.path))))
        missing = sum(1 for e in checked if e.status == "missing")
        altered = sum(1 for e in checked if e.status == "altered")
        if missing or altered:
            lines.append(lang.tr(PROBLEMS, missing=missing, altered=altered))
        self.info.setText("\n".join(lines))

    def selected_number(self) -> Optional[int]:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.table.item(rows[0].row(), NUMBER).data(Qt.ItemDataRole.UserRole)

    def _selected(self) -> None:
        number = self.selected_number()
        self.remove_button.setEnabled(number is not None)
        self.open_button.setEnabled(number is not None
                                    and self.session.evidence_file(self.key, number) is not None)

    def select(self, number: int) -> None:
        self.table.selectRow(number - 1)

    # -- actions ---------------------------------------------------------------------------
    def attach(self) -> None:
        folder = str(self.session.path.parent) if self.session.path is not None else ""
        path = dialogs.open_any(self, lang.tr(CHOOSE_FILE), folder)
        if path is None:
            return
        try:
            self.session.attach_evidence(self.key, path)
        except WizardError as exc:
            dialogs.error(self, lang.tr(NOT_ATTACHED), lang.error_text(exc))
            return
        self.refresh()
        self.select(len(self.session.evidence(self.key)))

    def add_reference(self) -> None:
        asked = ReferenceDialog(self)
        try:
            if asked.exec() != QDialog.DialogCode.Accepted:
                return
            reference, note = asked.reference.text(), asked.note.text()
        finally:
            asked.deleteLater()
        try:
            self.session.add_reference(self.key, reference, note)
        except WizardError as exc:
            dialogs.error(self, lang.tr(NOT_ADDED), lang.error_text(exc))
            return
        self.refresh()
        self.select(len(self.session.evidence(self.key)))

    def open_selected(self) -> None:
        number = self.selected_number()
        if number is None:
            return
        path = self.session.evidence_file(self.key, number)
        if path is None:
            return
        if not path.is_file():
            item = self.session.evidence(self.key)[number - 1]
            dialogs.error(self, lang.tr(NOT_OPENED),
                          lang.tr(MISSING_FILE, name=item.name, folder=str(path.parent)))
            return
        if not open_file(path):
            dialogs.error(self, lang.tr(NOT_OPENED), lang.tr(NO_VIEWER, path=str(path)))

    def remove_selected(self) -> None:
        number = self.selected_number()
        if number is None:
            return
        item = self.session.evidence(self.key)[number - 1]
        what = item.name if item.kind == "file" else item.reference
        if not dialogs.ask_yes_no(self, lang.tr(REMOVE_TITLE), lang.tr(REMOVE_ASK, what=what)):
            return
        self.session.remove_evidence(self.key, number)
        self.refresh()
