"""Starting the desktop wizard: ``run(file=None, packs_dir=None) -> exit code``.

Start-up order, fastest first page: the application, the bundled fonts, the language and
Qt's translator, then the window with its Welcome page is shown; only after that first paint
are the questionnaires loaded (pydantic, YAML, the engine) and the other pages built, so the
Welcome page is never waiting for them. ``launch`` does everything but the event loop (the
benchmark and the tests use it).

Environment: ``READINESS_PACKS`` (a folder of packs instead of the built-in ones) and
``READINESS_CONFIG_DIR`` (the settings and recovery folder) are for tests and special set-ups;
``READINESS_DEBUG=1`` shows Python tracebacks instead of a short message.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QEvent, QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QStyleFactory

from wizard import fonts, settings
from wizard.qtfix import guard_none_refcount
from wizard.ui import lang, style
from wizard.ui.window import MainWindow

PACKS_ENV = "READINESS_PACKS"
APP_ID = "ai-trade-readiness"


def _config_dir():
    location = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppConfigLocation)
    return settings.config_dir(location or None)


def application():
    """The QApplication (created once), with the bundled fonts as its font."""

    guard_none_refcount()
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName(APP_ID)
        app.setApplicationDisplayName("AI Trade Readiness")
    if not isinstance(app.style(), style.MenuStyle):
        app.setStyle(style.MenuStyle(QStyleFactory.create(app.style().name())))
    fonts.register_fonts()
    app.setFont(fonts.ui_font())  # no application style sheet: see wizard/ui/style.py
    return app


def create_window(config_dir=None):
    """A main window with the remembered (or the system's) language; not shown, no content."""

    folder = Path(config_dir) if config_dir else _config_dir()
    prefs = settings.load(folder)
    lang.set_mode(prefs.language or lang.system_mode())
    return MainWindow(folder, prefs)


def launch(file: Optional[str] = None, packs_dir: Optional[str] = None):
    """Application and window, shown; the questionnaires load once the first page has been
    painted (or after a short while if it never is). Returns (app, window)."""

    app = application()
    window = create_window()
    packs = packs_dir or os.environ.get(PACKS_ENV) or None
    started = []

    def start() -> None:
        if started:
            return
        started.append(True)
        first_page.removeEventFilter(watcher)
        if not window.startup(file, packs):
            app.exit(2)

    class _AfterFirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
            if event.type() == QEvent.Type.Paint and not started:
                QTimer.singleShot(0, start)
            return False

    watcher = _AfterFirstPaint(window)
    first_page = window.wizard.page(window.wizard.startId())
    first_page.installEventFilter(watcher)
    window.show()
    QTimer.singleShot(400, start)
    return app, window


def _excepthook(exc_type, exc, tb) -> None:
    """An unexpected error in a slot: say so in a dialog, keep the program (and the autosave)
    running; the traceback only with READINESS_DEBUG=1."""
    if os.environ.get("READINESS_DEBUG"):
        sys.__excepthook__(exc_type, exc, tb)
    else:
        print(f"readiness-wizard: internal error: {exc_type.__name__}: {exc}", file=sys.stderr)
    try:
        from wizard.i18n import N_  # a crash report must not need what failed to import
        from wizard.ui import dialogs, lang  # a crash report must not need what failed

        title = N_("Unexpected error")
        text = N_("Something went wrong: {error}. Your answers are kept; save your work and "
                  "restart the program if it misbehaves.")
        dialogs.error(None, lang.tr(title), lang.tr(text, error=f"{exc_type.__name__}: {exc}"))
    except Exception:  # noqa: BLE001 - the error dialog itself must never raise
        pass


def run(file: Optional[str] = None, packs_dir: Optional[str] = None) -> int:
    """Open the wizard (on ``file`` if given) and return the exit code: 0, or 2 when it
    cannot start (no usable questionnaires, no Qt, no display), with a message and no
    traceback."""
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as exc:
        print(f"readiness-wizard: the desktop wizard cannot start: Qt is not available ({exc}). "
              "Install PySide6-Essentials, or use the command-line commands "
              "('readiness-wizard --help').", file=sys.stderr)
        return 2
    from wizard.ui import display

    reason = display.problem()    # before Qt, which would abort the process without one
    if reason is not None:
        from wizard.i18n import default_language  # before Qt: the no-display message

        print(f"readiness-wizard: {reason.render(default_language())}", file=sys.stderr)
        return 2
    previous = sys.excepthook
    sys.excepthook = _excepthook
    try:
        app, _window = launch(file, packs_dir)
        code = app.exec()
    finally:
        sys.excepthook = previous
    return int(code)
