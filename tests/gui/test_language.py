"""Korean, English and bilingual display, switched at run time and remembered."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.gui.conftest import A100, answer_all
from wizard import settings
from wizard.ui import lang
from wizard.ui.readiness_wizard import PageId

HANGUL = re.compile("[\uac00-\ud7a3]")


def test_switching_language_keeps_answers_and_translates(make_window, config_dir):
    window = make_window()
    answer_all(window, A100)
    window.session.set_note("chips.sells", "per price list")
    wizard = window.wizard
    wizard.go_to(wizard.sections[("chips", "products")])
    page = wizard.currentPage()
    before = dict(window.session.assessment.answers)
    assert page.blocks["chips.sells"].text.text() == "<b>Do you sell advanced chips?</b>"

    window.language_actions["ko"].trigger()
    assert lang.mode() == "ko"
    assert window.session.assessment.answers == before
    assert window.session.note("chips.sells") == "per price list"
    assert HANGUL.search(page.blocks["chips.sells"].text.text())
    assert HANGUL.search(page.heading.text())
    assert HANGUL.search(window.file_menu.title())
    assert page.blocks["chips.sells"].editor.buttons["yes"].isChecked()
    assert page.blocks["chips.tops"].editor.edit.text() == "312"
    # Qt's own button texts come from qtbase_ko.qm
    assert HANGUL.search(wizard.buttonText(QWizard.WizardButton.BackButton))
    assert settings.load(config_dir).language == "ko"

    window.language_actions["both"].trigger()
    text = page.blocks["chips.sells"].text.text()
    assert HANGUL.search(text) and "Do you sell advanced chips?" in text
    label = page.blocks["chips.sells"].editor.buttons["yes"].label.text()
    assert HANGUL.search(label) and "Yes" in label
    assert window.session.assessment.answers == before

    window.language_actions["en"].trigger()
    assert wizard.buttonText(QWizard.WizardButton.BackButton) == "< &Back"
    assert not HANGUL.search(page.blocks["chips.sells"].text.text())
    assert window.session.assessment.answers == before


def test_results_and_review_follow_the_language(make_window):
    window = make_window()
    answer_all(window, A100)
    window.wizard.go_to(PageId.RESULTS)
    page = window.wizard.currentPage()
    window.set_language("ko")
    text = page.findings.toPlainText()
    assert HANGUL.search(text) and "15 CFR 744.23(a)(3)" in text
    assert HANGUL.search(page.chart.bars[0].title)
    assert HANGUL.search(page.plan_model.headerData(1, Qt.Orientation.Horizontal))


def test_language_is_remembered_and_defaults_to_the_system(make_window, config_dir,
                                                           monkeypatch):
    window = make_window()
    assert lang.mode() == "en"                     # the (patched) system locale
    window.set_language("both")
    window.close()
    monkeypatch.setattr(lang, "system_mode", lambda: "ko")
    again = make_window()
    assert lang.mode() == "both"
    assert again.language_actions["both"].isChecked()


def test_system_locale_decides_when_nothing_is_saved(make_window, monkeypatch):
    monkeypatch.setattr(lang, "system_mode", lambda: "ko")
    window = make_window()
    assert lang.mode() == "ko"
    assert HANGUL.search(window.windowTitle())
