"""The main window: the wizard in the middle, the steps panel beside it, menus, a toolbar
(files and language) and a status bar. It owns the session, the settings and the autosave."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QLabel, QMainWindow, QMenu, QMessageBox, QToolBar,
                               QToolButton, QVBoxLayout, QWidget)

from wizard import __version__
from wizard import settings as settings_mod
from wizard.core.errors import WizardError
from wizard.i18n import N_, translate
from wizard.ui import dialogs, lang
from wizard.ui.autosave import Autosave
from wizard.ui.changes_dialog import QuestionStepper
from wizard.ui.files import FileController
from wizard.ui.readiness_wizard import ReadinessWizard
from wizard.ui.steps_panel import STEPS, StepsPanel

MENU_FILE = N_("&File")
MENU_VIEW = N_("&View")
MENU_HELP = N_("&Help")
MENU_RECENT = N_("Open &Recent")
NEW = N_("&New")
OPEN = N_("&Open...")
SAVE = N_("&Save")
SAVE_AS = N_("Save &As...")
IMPORT = N_("&Import from Excel...")
CLIENTS = N_("&Client library...")
QUIT = N_("&Quit")
NO_RECENT = N_("(no recent files)")
LANGUAGE_NAMES = {"ko": N_("&Korean"), "en": N_("&English"),
                  "both": N_("&Bilingual (Korean and English)")}
KOREAN = N_("Korean")
ENGLISH = N_("English")
QUESTION_HELP = N_("Help on this &question")
GLOSSARY = N_("&Glossary")
CONTENT_UPDATES = N_("Content &updates...")
ABOUT = N_("&About")
ABOUT_TITLE = N_("About AI Trade Readiness")
ABOUT_TEXT = N_("AI Trade Readiness {version}\n\nAn offline readiness check on how US AI trade "
                "rules reach a company. It makes no network connection and sends no data. It is "
                "not legal advice.\n\nQuestionnaires: {content}")
TOOLBAR = N_("Main toolbar")
LANGUAGE_BAR = N_("Language")
AUTOSAVED = N_("Autosaved {time}")
STARTING = N_("The questionnaires could not be loaded")
APP = dialogs.APP


def endonym(code: str, catalogs: bool = True) -> str:
    """A display language in its own words ("English", the Korean word for Korean, both).
    Without ``catalogs`` (before the first page is painted) the Korean catalog is not read
    just for this: the chrome language's word is used until ``startup`` has run."""

    source = "ko" if catalogs or lang.chrome() == "ko" else "en"
    korean, english = translate(KOREAN, source), translate(ENGLISH, "en")
    return {"ko": korean, "en": english}.get(code, f"{korean}+{english}")


class MainWindow(QMainWindow):
    def __init__(self, config_dir: Path, prefs: Optional[settings_mod.Settings] = None) -> None:
        super().__init__()
        self.config_dir = Path(config_dir)
        self.settings = prefs if prefs is not None else settings_mod.load(self.config_dir)
        self.session = None
        self.closed_cleanly = False
        self.files = FileController(self)
        self.autosave = Autosave(self.config_dir, self)
        self.wizard = ReadinessWizard(self)
        self.wizard.host = self
        self.wizard.finish_requested.connect(self.close)
        self.stepper = QuestionStepper(self)     # steps through new questions (what changed)
        self.changes_dialog = None
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.stepper)
        column.addWidget(self.wizard, 1)
        self.setCentralWidget(central)
        self.steps = StepsPanel(self.wizard)
        self.dock = QDockWidget(self)
        self.dock.setObjectName("stepsDock")
        self.dock.setWidget(self.steps)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.setVisible(self.settings.show_steps)
        self.autosave_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.autosave_label)
        self.autosave.saved.connect(
            lambda time: self.autosave_label.setText(lang.tr(AUTOSAVED, time=time)))
        self._build_actions()
        self._build_menus()
        lang.notifier().changed.connect(self.retranslate)
        self._restore_geometry()
        self.retranslate()

    # -- start-up --------------------------------------------------------------------------
    def startup(self, file: Optional[str] = None, packs_dir: Optional[str] = None) -> bool:
        """Load the questionnaires, then recover unsaved work or open ``file``. False (after
        telling the user why) when the program cannot work at all."""
        from wizard.content_store import active_folder
        from wizard.core.content import load_content
        from wizard.ui.session import Session

        try:
            content = load_content(Path(packs_dir) if packs_dir else active_folder())
        except WizardError as exc:
            dialogs.fatal(self, lang.tr(STARTING), lang.error_text(exc))
            return False
        self.session = Session(content, self.assessment_language(), self)
        self.session.modified_changed.connect(self.setWindowModified)
        self.session.reset.connect(self.update_title)
        self.session.reset.connect(self.stepper.finish)   # new questions of another file
        self.session.changed.connect(self.steps.refresh)
        self.wizard.attach(self.session)
        self.autosave.attach(self.session)
        self.steps.refresh()
        for action in self.file_actions:
            action.setEnabled(True)
        self._name_languages()             # now with every language named in itself
        recovered = self.files.offer_recovery()
        if file and not recovered:
            self.files.open_path(Path(file))
        self.update_title()
        return True

    def assessment_language(self) -> str:
        return lang.mode()

    # -- actions and menus -----------------------------------------------------------------
    def _action(self, shortcut=None, slot=None, checkable: bool = False,
                fallback: str = "") -> QAction:
        action = QAction(self)
        if shortcut is not None:
            keys = QKeySequence(shortcut)
            # some platforms have no standard key for Quit or Save As (Windows): use ours
            action.setShortcut(keys if not keys.isEmpty() else QKeySequence(fallback))
        if slot is not None:
            action.triggered.connect(slot)
        action.setCheckable(checkable)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action(keys.New, self.files.new)
        self.open_action = self._action(keys.Open, self.files.open)
        self.save_action = self._action(keys.Save, self.files.save)
        self.save_as_action = self._action(keys.SaveAs, self.files.save_as,
                                           fallback="Ctrl+Shift+S")
        self.quit_action = self._action(keys.Quit, self.close, fallback="Ctrl+Q")
        self.import_action = self._action(None, self.import_excel)
        self.clients_action = self._action(None, lambda: self.show_clients())
        self.file_actions = (self.new_action, self.open_action, self.save_action,
                             self.save_as_action, self.import_action, self.clients_action)
        for action in self.file_actions:
            action.setEnabled(False)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in lang.MODES:
            action = self._action(checkable=True)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.language_actions["ko"].setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.language_actions["en"].setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.language_actions["both"].setShortcut(QKeySequence("Ctrl+Shift+B"))
        # F1 is the action's own shortcut, so the menu shows it in its shortcut column
        self.help_action = self._action(keys.HelpContents, self.question_help, fallback="F1")
        self.glossary_action = self._action(None, self.show_glossary)
        self.content_action = self._action(None, self.show_content_updates)
        self.about_action = self._action(None, self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_action)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.clients_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.save_action)
        self.file_menu.addAction(self.save_as_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.import_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        for action in self.language_actions.values():
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.steps_action = self.dock.toggleViewAction()
        self.view_menu.addAction(self.steps_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.glossary_action)
        self.help_menu.addAction(self.content_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.open_action, self.save_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.language_label = QLabel(self.toolbar)
        self.language_label.setContentsMargins(6, 0, 4, 0)
        self.toolbar.addWidget(self.language_label)
        for action in self.language_actions.values():
            self.toolbar.addAction(action)
        self.addToolBar(self.toolbar)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = list(self.settings.recent_files)
        if not recent:
            empty = self.recent_menu.addAction(lang.ui(NO_RECENT))
            empty.setEnabled(False)
            return
        for number, path in enumerate(recent, start=1):
            label = f"&{number} {Path(path).name}" if number < 10 else Path(path).name
            action = self.recent_menu.addAction(label)
            action.setToolTip(path)
            action.setEnabled(self.session is not None)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))

    def open_recent(self, path: str) -> None:
        if self.session is not None and self.files.maybe_save():
            self.files.open_path(Path(path))

    def import_excel(self) -> None:
        """File > Import from Excel: a returned tracker or client questionnaire."""
        from wizard.ui.importing import import_workbook

        import_workbook(self)

    def show_clients(self, folder: Optional[Path] = None) -> None:
        """File > Client library: a folder of assessments as a client list."""
        from wizard.ui.clients_dialog import CHOOSE_TITLE, ClientLibraryDialog, choose_folder

        if self.session is None:
            return
        if folder is None:
            start = str(self.session.path.parent) if self.session.path else str(Path.home())
            folder = choose_folder(self, lang.tr(CHOOSE_TITLE), start)
            if folder is None:
                return
        self.clients_dialog = ClientLibraryDialog(self, folder)
        self.clients_dialog.resize(min(self.width(), 1100), min(self.height(), 700))
        self.clients_dialog.open()

    # -- language --------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        if code != lang.mode():
            lang.set_mode(code)
        self.settings.language = code
        self.save_settings()

    def retranslate(self, *_args) -> None:
        for action, text in ((self.new_action, NEW), (self.open_action, OPEN),
                             (self.save_action, SAVE), (self.save_as_action, SAVE_AS),
                             (self.import_action, IMPORT), (self.clients_action, CLIENTS),
                             (self.quit_action, QUIT), (self.help_action, QUESTION_HELP),
                             (self.glossary_action, GLOSSARY),
                             (self.content_action, CONTENT_UPDATES), (self.about_action, ABOUT)):
            action.setText(lang.ui(text))
            # toolbar: English under the Korean, no mnemonic (Alt+N is the wizard's Next)
            action.setIconText(lang.plain(lang.ui_lines(text)))
            action.setToolTip(lang.plain(lang.ui(text)))
        self._name_languages()
        self.file_menu.setTitle(lang.ui(MENU_FILE))
        self.view_menu.setTitle(lang.ui(MENU_VIEW))
        self.help_menu.setTitle(lang.ui(MENU_HELP))
        self.recent_menu.setTitle(lang.ui(MENU_RECENT))
        self.toolbar.setWindowTitle(lang.tr(TOOLBAR))
        self.toolbar.setAccessibleName(lang.tr(TOOLBAR))
        self.language_label.setText(lang.ui(LANGUAGE_BAR) + ":")
        self.dock.setWindowTitle(lang.ui(STEPS))
        self.steps_action.setText(lang.ui(STEPS))
        self.dock.setAccessibleName(lang.tr(STEPS))
        for button in self.toolbar.findChildren(QToolButton):
            if button.defaultAction() is not None:
                button.setAccessibleName(lang.plain(button.defaultAction().iconText()))
        self.wizard.retranslate()
        self.steps.retranslate()
        self.stepper.retranslate()
        self.update_title()

    def _name_languages(self) -> None:
        for code, action in self.language_actions.items():
            # each language is also named in itself, so it can be found from any language
            own = endonym(code, catalogs=self.session is not None)
            text = lang.ui(LANGUAGE_NAMES[code])
            action.setText(text if own in text else f"{text} \u2014 {own}")
            action.setIconText(own)
            action.setToolTip(lang.plain(action.text()))
            action.setChecked(code == lang.mode())
        for button in self.toolbar.findChildren(QToolButton):
            if button.defaultAction() is not None:
                button.setAccessibleName(lang.plain(button.defaultAction().iconText()))

    # -- help ------------------------------------------------------------------------------
    def question_help(self) -> None:
        block = self.wizard.current_block()
        if block is not None:
            block.toggle_help()

    def show_glossary(self) -> None:
        from wizard.ui.glossary_dialog import GlossaryDialog

        content = self.session.content if self.session is not None else None
        GlossaryDialog(content, self).exec()

    def show_content_updates(self) -> None:
        """Help > Content updates: install, choose and trust (the choice applies from the
        next start; the assessment open now keeps the content it was loaded with)."""
        from wizard.ui.content_dialog import ContentDialog

        content = self.session.content if self.session is not None else None
        ContentDialog(content, self).exec()

    def show_about(self) -> None:
        content = self.session.content if self.session is not None else None
        versions = ", ".join(f"{p.id} {p.version}" for p in content.packs) if content else "-"
        QMessageBox.about(self, lang.tr(ABOUT_TITLE),
                          lang.tr(ABOUT_TEXT, version=__version__, content=versions))

    # -- title, settings, closing ----------------------------------------------------------
    def update_title(self) -> None:
        self.setWindowTitle(f"{self.files.display_name()}[*] \u2014 {lang.tr(APP)}")
        if self.session is not None:
            self.setWindowModified(self.session.modified)

    def save_settings(self) -> None:
        self.settings.show_steps = self.dock.isVisibleTo(self) if self.isVisible() \
            else self.settings.show_steps
        settings_mod.save(self.settings, self.config_dir)

    def _restore_geometry(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1200, 760
        if screen is not None:
            width = min(width, screen.width() - 20)
            height = min(height, screen.height() - 40)
        self.resize(max(width, 480), max(height, 360))
        if self.settings.geometry:
            try:
                self.restoreGeometry(QByteArray.fromBase64(self.settings.geometry.encode()))
            except (ValueError, TypeError):
                pass

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if not getattr(self, "_docked", False):
            # the steps panel takes a fifth of the width, between 180 and 280 pixels
            self._docked = True
            share = min(max(int(self.width() * 0.2), 180), 280)
            self.resizeDocks([self.dock], [share], Qt.Orientation.Horizontal)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if not self.files.maybe_save():
            event.ignore()
            return
        self.settings.geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        self.save_settings()
        self.autosave.close()
        self.closed_cleanly = True
        try:
            lang.notifier().changed.disconnect(self.retranslate)
        except (RuntimeError, TypeError):
            pass
        event.accept()
