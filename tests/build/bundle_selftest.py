"""Run inside the PyInstaller bundle (a second executable, ``readiness-wizard-selftest``, that
``build.spec -- --selftest`` adds to test builds only; release builds do not carry it).

It reports, as JSON, what only the frozen program can tell: where ``wizard.paths`` finds the
data, whether the gettext catalogs come from compiled ``.mo`` files, where Qt looks for its own
translations, which fonts were registered, and the wizard's button texts after the language is
switched to Korean through the product's own code (``wizard.ui.app`` and ``wizard.ui.lang``).

    readiness-wizard-selftest MSGIDS.json CONFIG_DIR OUT.json
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    msgids_file, config_dir, out_file = argv[1:4]
    report: dict = {"frozen": bool(getattr(sys, "frozen", False)),
                    "meipass": getattr(sys, "_MEIPASS", None)}

    from wizard import i18n, paths

    report["paths"] = {name: str(getattr(paths, f"{name}_dir")())
                       for name in ("questionnaires", "translations", "templates", "fonts",
                                    "examples")}
    report["catalogs"] = {lang: type(i18n.translations(lang)).__name__ for lang in ("ko", "en")}
    msgids = json.loads(Path(msgids_file).read_text(encoding="utf-8"))
    report["ko"] = {msgid: i18n.translate(msgid, "ko") for msgid in msgids}

    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QWizard

    from wizard import fonts
    from wizard.ui import app as ui_app
    from wizard.ui import lang

    ui_app.application()
    report["fonts"] = fonts.register_fonts()
    report["qt_translations"] = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    window = ui_app.create_window(config_dir)
    report["startup"] = bool(window.startup(None, None))
    lang.set_mode("ko")
    buttons = ("BackButton", "NextButton", "FinishButton")
    report["buttons_ko"] = {name: window.wizard.buttonText(getattr(QWizard.WizardButton, name))
                            for name in buttons}
    report["title_ko"] = window.file_menu.title() if hasattr(window, "file_menu") else None
    lang.set_mode("en")
    report["buttons_en"] = {name: window.wizard.buttonText(getattr(QWizard.WizardButton, name))
                            for name in buttons}
    window.closed_cleanly = True
    window.deleteLater()
    report["network_modules"] = sorted(m for m in ("ssl", "_ssl", "http.client", "urllib.request",
                                                   "PySide6.QtNetwork") if m in sys.modules)
    Path(out_file).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
