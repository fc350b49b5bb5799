"""Qt's own strings in Korean: the real main window built through wizard.ui.app, the language
switched through wizard.ui.lang (the product's QTranslator loading qtbase_ko.qm), and the
wizard's Back/Next/Finish buttons and a standard dialog's buttons read in Korean."""

from __future__ import annotations

import pytest

from tests.conftest import MINI
from tests.i18n.catalogs import HANGUL

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QLibraryInfo, QTranslator  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox, QWizard  # noqa: E402

BUTTONS = {"Back": QWizard.WizardButton.BackButton, "Next": QWizard.WizardButton.NextButton,
           "Finish": QWizard.WizardButton.FinishButton}


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    from wizard.ui import app as ui_app
    from wizard.ui import lang

    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("READINESS_CONFIG_DIR", str(config))
    monkeypatch.setattr(lang, "system_mode", lambda: "en")
    ui_app.application()
    main = ui_app.create_window(config)
    qtbot.addWidget(main)
    assert main.startup(None, str(MINI))
    yield main
    lang.set_mode("en")
    main.closed_cleanly = True


def _texts(wizard) -> dict[str, str]:
    return {name: wizard.buttonText(button) for name, button in BUTTONS.items()}


def _qt_korean(context: str, text: str) -> str:
    """What Qt's shipped catalog says, read independently of the product's code."""
    translator = QTranslator()
    assert translator.load("qtbase_ko",
                           QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return translator.translate(context, text)


def test_wizard_buttons_read_in_korean(window):
    from wizard.i18n import translate
    from wizard.ui import lang

    english = _texts(window.wizard)
    assert english["Back"] == "< &Back" and english["Next"] == "&Next >"

    lang.set_mode("ko")
    korean = _texts(window.wizard)
    for name, text in korean.items():
        assert HANGUL.search(text), f"{name} button reads {text!r} in Korean mode"
    # Back and Next are Qt's own strings (qtbase_ko.qm); Finish is the program's (gettext).
    assert korean["Back"] == _qt_korean("QWizard", english["Back"])
    assert korean["Next"] == _qt_korean("QWizard", english["Next"])
    assert korean["Finish"] == translate(english["Finish"], "ko")

    lang.set_mode("both")  # bilingual display: each button in both languages, one mnemonic
    both = _texts(window.wizard)
    for name, text in both.items():
        assert lang.plain(korean[name]).strip(" <>") in text, (name, text)
        assert lang.plain(english[name]).strip(" <>") in text, (name, text)
        assert text.count("&") == 1 and english[name][english[name].index("&") + 1].upper() \
            == text[text.index("&") + 1], (name, text)

    lang.set_mode("en")
    assert _texts(window.wizard) == english


def test_standard_dialog_buttons_read_in_korean(window):
    from wizard.ui import lang

    lang.set_mode("ko")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes
                           | QDialogButtonBox.StandardButton.Cancel)
    yes = box.button(QDialogButtonBox.StandardButton.Yes).text()
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel).text()
    assert HANGUL.search(yes) and HANGUL.search(cancel), (yes, cancel)
    box.deleteLater()
