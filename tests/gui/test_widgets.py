"""The question editors: every kind from the registry, validation shown inline, groups of
countries, the live calculator, notes, help and glossary tooltips."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox,
                               QComboBox, QLineEdit, QTextEdit)

from tests.gui.conftest import answer_all
from wizard.core.model import QuestionKind
from wizard.ui import questions


def _page(window, pack, section):
    window.wizard.go_to(window.wizard.sections[(pack, section)])
    return window.wizard.currentPage()


def test_registry_covers_every_question_kind():
    assert set(QuestionKind.__args__) == set(questions.EDITORS)
    with pytest.raises(ValueError, match="known kinds: calculator, countries"):
        questions.create(type("Info", (), {"question": type("Q", (), {"kind": "slider"})()})(),
                         None)


def test_number_is_checked_as_typed(make_window, qtbot):
    window = make_window()
    page = _page(window, "profile", "business")
    block = page.blocks["profile.staff"]
    edit = block.editor.edit
    assert block.editor.unit.text() == "people"
    qtbot.keyClicks(edit, "12a")
    assert block.message.isVisibleTo(block) and "number" in block.message.text()
    assert window.session.answer("profile.staff") is None
    edit.clear()
    qtbot.keyClicks(edit, "2.5")
    assert "whole number" in block.message.text()
    edit.clear()
    qtbot.keyClicks(edit, "200000")
    assert "100000" in block.message.text()
    edit.clear()
    qtbot.keyClicks(edit, "1,250")
    assert not block.message.isVisibleTo(block)
    assert window.session.answer("profile.staff") == 1250


def test_multi_honours_exclusive_options(make_window):
    window = make_window()
    editor = _page(window, "profile", "business").blocks["profile.activities"].editor
    editor.buttons["chips"].button.click()
    editor.buttons["data"].button.click()
    assert window.session.answer("profile.activities") == ["chips", "data"]
    editor.buttons["none_of_these"].button.click()
    assert window.session.answer("profile.activities") == ["none_of_these"]
    assert not editor.buttons["chips"].isChecked()
    editor.buttons["chips"].label.mousePressEvent(
        type("E", (), {"button": lambda self: Qt.MouseButton.LeftButton})())
    assert window.session.answer("profile.activities") == ["chips"]


def test_countries_search_groups_and_clear(make_window, qtbot):
    window = make_window()
    editor = _page(window, "profile", "business").blocks["profile.customer_hq"].editor
    qtbot.keyClicks(editor.search, "Singap")
    assert editor.proxy.rowCount() == 1
    qtbot.keyClick(editor.search, Qt.Key.Key_Return)
    assert window.session.answer("profile.customer_hq") == ["SG"]
    assert window.wizard.currentId() == window.wizard.sections[("profile", "business")]
    names = [a.text() for a in editor.groups_menu.actions()]
    assert names[0].startswith("Country Group D:5 (5 countries)")
    editor.groups_menu.actions()[0].trigger()
    assert window.session.answer("profile.customer_hq") == ["CN", "IR", "KP", "MO", "RU", "SG"]
    assert "China (CN)" in editor.summary.text()
    editor.clear_button.click()
    assert window.session.answer("profile.customer_hq") is None
    window.set_language("ko")
    qtbot.keyClicks(editor.search, "China")        # English names still find it in Korean
    assert editor.proxy.rowCount() >= 1


def test_calculator_shows_value_and_working_live(make_window, qtbot):
    window = make_window()
    answer_all(window, {"profile.activities": ["chips"], "chips.sells": "yes"})
    page = _page(window, "chips", "products")
    calc = page.blocks["chips.chip_class"].editor
    assert "TOPS" in calc.view.text() or "performance" in calc.view.text().lower()
    qtbot.keyClicks(page.blocks["chips.tops"].editor.edit, "312")
    qtbot.keyClicks(page.blocks["chips.bits"].editor.edit, "16")
    assert "TPP = 2 x MacTOPS x bit length" in calc.view.text()
    qtbot.keyClicks(page.blocks["chips.die_area"].editor.edit, "826")
    assert "Result: 3A090.a" in calc.view.text()
    assert "4,992" in calc.view.text()


def test_notes_help_and_clear(make_window, qtbot):
    window = make_window()
    page = _page(window, "profile", "programme")
    block = page.blocks["profile.screening"]
    qtbot.keyClicks(block.note, "CSL weekly")
    assert window.session.note("profile.screening") == "CSL weekly"
    assert not block.help.isVisibleTo(block)
    block.editor.buttons["yes"].button.setFocus()
    qtbot.keyClick(block.editor.buttons["yes"].button, Qt.Key.Key_F1)
    assert block.help.isVisibleTo(block)
    assert "Why we ask" in block.help.text() and "15 CFR 744 Supp. 4" in block.help.text()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert not block.help.isVisibleTo(block)
    assert window.isVisible()
    block.help_button.click()
    assert block.help.isVisibleTo(block)
    block.editor.buttons["no"].button.click()
    block.clear_button.click()
    assert window.session.answer("profile.screening") is None
    assert not any(b.isChecked() for b in block.editor.buttons.values())


def test_glossary_terms_become_tooltips(make_window, monkeypatch):
    from wizard.core.model import Glossary, from_plain

    window = make_window()
    glossary = from_plain(Glossary, {"terms": [{
        "id": "csl", "term": {"ko": "통합 심사 명단(CSL)", "en": "Consolidated Screening List (CSL)"},
        "definition": {"ko": "미국 정부 명단", "en": "US government lists in one search"}}]})
    monkeypatch.setattr(window.session.content, "glossary", glossary)
    page = _page(window, "profile", "programme")
    block = page.blocks["profile.screening"]
    block.retranslate()
    assert block.text.toolTip() == ""              # "Do you screen parties?" has no term
    block = page.blocks["profile.training"]
    block.retranslate()
    assert block.text.toolTip() == ""
    from wizard.ui.glossary import terms_in

    assert terms_in(glossary, ["We check the CSL weekly"]) == list(glossary.terms)
    assert terms_in(glossary, ["CSLX"]) == []
    assert terms_in(glossary, ["통합 심사 명단 확인"]) == list(glossary.terms)


def test_every_control_has_an_accessible_name(make_window):
    window = make_window()
    answer_all(window, {"profile.activities": ["chips"], "chips.sells": "yes"})
    wizard = window.wizard
    missing = []
    wizard.restart()
    while True:
        page = wizard.currentPage()
        controls = page.findChildren(QLineEdit) + page.findChildren(QAbstractButton) \
            + page.findChildren(QAbstractItemView) + page.findChildren(QComboBox) \
            + page.findChildren(QAbstractSpinBox) + page.findChildren(QTextEdit)
        for widget in controls:
            inner = isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox))
            focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            if widget.isVisibleTo(page) and focusable and not inner \
                    and not widget.accessibleName():
                missing.append((type(page).__name__, type(widget).__name__,
                                getattr(widget, "text", lambda: "")()))
        if wizard.nextId() == -1:
            break
        wizard.next()
    assert missing == []


def test_editors_follow_answers_changed_elsewhere(make_window):
    window = make_window()
    page = _page(window, "profile", "business")
    answer_all(window, {"profile.activities": ["chips", "data"], "profile.staff": 42})
    editor = page.blocks["profile.activities"].editor
    assert editor.buttons["chips"].isChecked() and editor.buttons["data"].isChecked()
    assert page.blocks["profile.staff"].editor.edit.text() == "42"
