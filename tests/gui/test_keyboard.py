"""The wizard works with the keyboard alone: Enter and mnemonics move between pages, Tab
reaches every answer, Space answers, F1 opens help, Ctrl+S saves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from wizard.ui.readiness_wizard import PageId


def _focus(window):
    return QApplication.focusWidget()


def _press(qtbot, window, key, modifier, expected):
    """A mnemonic (Alt+letter) clicks its button with a short animation: wait for it."""
    qtbot.keyClick(_focus(window) or window, key, modifier)
    qtbot.waitUntil(lambda: window.wizard.currentId() == expected, timeout=2000)


def test_walk_answer_and_save_with_the_keyboard(make_window, qtbot, dialogs, tmp_path):
    window = make_window()
    wizard = window.wizard
    assert wizard.currentId() == PageId.WELCOME
    alt = Qt.KeyboardModifier.AltModifier
    _press(qtbot, window, Qt.Key.Key_N, alt, PageId.DETAILS)

    details = wizard.currentPage()
    details.company.setFocus()
    qtbot.keyClicks(details.company, "Acme Korea")
    qtbot.keyClick(details.company, Qt.Key.Key_Tab)
    assert _focus(window) is details.assessor
    qtbot.keyClicks(details.assessor, "Park")
    assert window.session.assessment.meta.company == "Acme Korea"
    assert window.session.assessment.meta.assessor == "Park"
    qtbot.keyClick(details.assessor, Qt.Key.Key_Return)         # Enter = Next
    assert wizard.currentId() == wizard.sections[("profile", "business")]

    page = wizard.currentPage()
    first = page.blocks["profile.activities"].editor.buttons["chips"].button
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert window.session.answer("profile.activities") == ["chips"]
    # Tab goes on to the next control of the same question, then help and the note
    seen = []
    widget = first
    for _ in range(8):
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = _focus(window)
        seen.append(widget)
    block = page.blocks["profile.activities"]
    assert block.editor.buttons["data"].button in seen
    assert block.note in seen

    _press(qtbot, window, Qt.Key.Key_B, alt, PageId.DETAILS)
    _press(qtbot, window, Qt.Key.Key_N, alt, wizard.sections[("profile", "business")])
    _press(qtbot, window, Qt.Key.Key_N, alt, wizard.sections[("profile", "programme")])
    radio = wizard.currentPage().blocks["profile.screening"].editor.buttons["yes"].button
    radio.setFocus()
    qtbot.keyClick(radio, Qt.Key.Key_Space)
    assert window.session.answer("profile.screening") == "yes"
    qtbot.keyClick(radio, Qt.Key.Key_Right)          # arrow keys move within the radios
    assert window.session.answer("profile.screening") == "no"

    dialogs.save_paths.append(str(tmp_path / "keys.aitr.json"))
    qtbot.keyClick(_focus(window), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "keys.aitr.json").is_file()


def test_escape_never_closes_the_wizard(make_window, qtbot):
    window = make_window()
    window.wizard.next()
    qtbot.keyClick(_focus(window) or window.wizard, Qt.Key.Key_Escape)
    assert window.isVisible() and window.wizard.isVisible()
    assert window.wizard.currentId() == PageId.DETAILS


def test_language_shortcut(make_window, qtbot):
    from wizard.ui import lang

    window = make_window()
    qtbot.keyClick(_focus(window) or window, Qt.Key.Key_K,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert lang.mode() == "ko"
