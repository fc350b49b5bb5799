"""Help > Content updates: the content versions on this computer, installing a bundle from a
file, choosing the version in use and trusting a publisher key. The content store
(``wizard.content_store``) does the work; this only shows it and asks."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QTableWidgetItem, QVBoxLayout)

from wizard import content_store
from wizard.core import bundle, signing
from wizard.core.errors import BundleError, WizardError
from wizard.i18n import N_
from wizard.ui import dialogs, lang

TITLE = N_("Content updates")
INTRO = N_("Content updates come from the publisher as one file (*.aitr-content), for example "
           "on a USB stick; nothing is downloaded. A bundle installs only when it is signed "
           "with a publisher key the program ships or one you trust.")
LOADED = N_("Loaded now: {content} {version}")
NEXT_START = N_("In use from the next start: {content} {version}. Close and reopen the program "
                "to work with it.")
COLUMNS = (N_("In use"), N_("Version"), N_("As of"), N_("Publisher"), N_("Signature"))
VERIFIED = N_("verified")
UNVERIFIED = N_("unverified")
BUILTIN_WORD = N_("built-in")
IN_USE_MARK = "\u2714"
INSTALL = N_("&Install from file...")
USE = N_("&Use this version")
TRUST = N_("&Trust a publisher key...")
BUNDLE_FILTER = N_("Content bundles (*.aitr-content)")
KEY_FILTER = N_("Public keys (*.pub *.pem)")
ALL_FILTER = dialogs.ALL_FILTER
NOT_INSTALLED = N_("The bundle was not installed")
UNSIGNED_TITLE = N_("Unsigned bundle")
UNSIGNED_ASK = N_("{file} is not signed: the program cannot check that it comes from the "
                  "publisher and was not changed. Install it anyway? Every report made with it "
                  "will say 'unverified content'.")
INSTALLED_TITLE = N_("Content installed")
INSTALLED = N_("Content {content} {version} (as of {as_of}) is installed.")
ALREADY = N_("Content {content} {version} was already installed; nothing changed.")
WHAT_CHANGED = N_("What changed:")
MORE = N_("... and {count} more")
SWITCHED_TITLE = N_("Content chosen")
SWITCHED = N_("The program uses content {content} {version} from its next start. Close and "
              "reopen it to work with the new content; assessments keep their answers.")
TRUSTED_TITLE = N_("Publisher key trusted")
TRUSTED = N_("Bundles signed with key {key} now install.\n\nCompare this fingerprint with the "
             "one the publisher gave you by another way (phone, letter) before you rely on it.")
NOT_TRUSTED = N_("The key was not trusted")
MAX_CHANGES = 12


class ContentDialog(QDialog):
    """The installed content, in a table, with the three things a user does to it."""

    def __init__(self, loaded=None, parent=None) -> None:
        super().__init__(parent)
        self.loaded = loaded          # the Content the wizard has loaded now (or None)
        self.rows: list = []
        self.setWindowTitle(lang.plain(lang.ui(TITLE)))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.table = dialogs.row_table(self, len(COLUMNS))
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.install_button = QPushButton(self)
        self.install_button.clicked.connect(self.install_from_file)
        self.use_button = QPushButton(self)
        self.use_button.clicked.connect(self.use_selected)
        self.trust_button = QPushButton(self)
        self.trust_button.clicked.connect(self.trust_key)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.install_button, self.use_button, self.trust_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.retranslate()
        self.refresh()
        self.resize(720, 420)

    # -- showing ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.intro.setText(lang.tr(INTRO))
        self.table.setHorizontalHeaderLabels([lang.tr(c) for c in COLUMNS])
        self.install_button.setText(lang.ui(INSTALL))
        self.use_button.setText(lang.ui(USE))
        self.trust_button.setText(lang.ui(TRUST))

    def refresh(self) -> None:
        """Read the store again and show it; the row in use is selected."""
        self.rows = content_store.installed()
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            signature = lang.tr(VERIFIED) if row.verified else lang.tr(UNVERIFIED)
            if row.builtin:
                signature = f"{signature} ({lang.tr(BUILTIN_WORD)})"
            cells = (IN_USE_MARK if row.active else "", row.version, row.as_of, row.publisher,
                     signature)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 4 and not row.verified:
                    item.setForeground(Qt.GlobalColor.darkRed)
                item.setToolTip(str(row.folder))
                self.table.setItem(number, column, item)
            if row.active:
                self.table.selectRow(number)
        self._show_state()
        self._selection_changed()

    def _show_state(self) -> None:
        active = next((row for row in self.rows if row.active), None)
        parts = []
        if self.loaded is not None:
            parts.append(lang.tr(LOADED, content=self.loaded.content_id,
                                 version=self.loaded.content_version))
        if active is not None and self.loaded is not None and (
                active.content_id, active.version) != (self.loaded.content_id,
                                                       self.loaded.content_version):
            parts.append(lang.tr(NEXT_START, content=active.content_id, version=active.version))
        self.state.setText("\n".join(parts))

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        row = self.selected()
        self.use_button.setEnabled(row is not None and not row.active)

    # -- doing ----------------------------------------------------------------------------
    def install_from_file(self) -> None:
        filters = f"{lang.tr(BUNDLE_FILTER)};;{lang.tr(ALL_FILTER)}"
        path, _ = QFileDialog.getOpenFileName(self, lang.plain(lang.tr(INSTALL)), "",
                                              filters)
        if path:
            self.install(Path(path))

    def install(self, path: Path) -> Optional[content_store.InstallResult]:
        """Install the bundle at ``path`` (asking before an unsigned one); None when it was
        not installed (the user was told why)."""
        try:
            try:
                result = content_store.install(path)
            except BundleError as exc:
                if exc.code != bundle.UNSIGNED:
                    raise
                if not dialogs.ask_yes_no(self, lang.tr(UNSIGNED_TITLE),
                                          lang.tr(UNSIGNED_ASK, file=path.name)):
                    return None
                result = content_store.install(path, allow_unsigned=True)
        except WizardError as exc:
            dialogs.error(self, lang.tr(NOT_INSTALLED), lang.error_text(exc))
            return None
        self.refresh()
        row = result.row
        message = [lang.tr(ALREADY if result.already else INSTALLED, content=row.content_id,
                           version=row.version, as_of=row.as_of)]
        entries = (result.changelog.get("entries") or []) if not result.already else []
        if entries:
            code = lang.chrome()
            message += ["", lang.tr(WHAT_CHANGED)]
            message += [f"\u2022 {entry.get(code) or entry.get('en', '')}"
                        for entry in entries[:MAX_CHANGES]]
            if len(entries) > MAX_CHANGES:
                message.append(lang.tr(MORE, count=len(entries) - MAX_CHANGES))
        if result.activated:
            message += ["", lang.tr(SWITCHED, content=row.content_id, version=row.version)]
        dialogs.inform(self, lang.tr(INSTALLED_TITLE), "\n".join(message))
        return result

    def use_selected(self) -> None:
        row = self.selected()
        if row is None or row.active:
            return
        try:
            chosen = content_store.use(content_store.BUILTIN if row.builtin else row.version,
                                       row.content_id)
        except WizardError as exc:
            dialogs.error(self, lang.tr(SWITCHED_TITLE), lang.error_text(exc))
            return
        self.refresh()
        dialogs.inform(self, lang.tr(SWITCHED_TITLE),
                       lang.tr(SWITCHED, content=chosen.content_id, version=chosen.version))

    def trust_key(self) -> None:
        filters = f"{lang.tr(KEY_FILTER)};;{lang.tr(ALL_FILTER)}"
        path, _ = QFileDialog.getOpenFileName(self, lang.plain(lang.tr(TRUST)), "",
                                              filters)
        if not path:
            return
        try:
            key = content_store.trust(Path(path))
        except WizardError as exc:
            dialogs.error(self, lang.tr(NOT_TRUSTED), lang.error_text(exc))
            return
        dialogs.inform(self, lang.tr(TRUSTED_TITLE), lang.tr(TRUSTED, key=signing.spaced(key)))
