"""Message boxes show text from files as plain text: a hostile file's values can put no link,
image or heading into a dialog. These tests show the real QMessageBox (not the recorded one of
the other GUI tests) and look at it while it is open."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from tests.conftest import MINI

HOSTILE = ('<a href="https://example.com/steal">click here</a><img src="x.png">'
           '<h1>BIG</h1>')


def _inspect_next_box(qtbot, seen: list, shot=None) -> None:
    """When the next modal message box opens, record how it shows its text, then close it."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, look)
            return
        label = box.findChild(QLabel, "qt_msgbox_label")
        seen.append({"format": box.textFormat(), "label_format": label.textFormat(),
                     "text": box.text(), "label_text": label.text(),
                     "links": label.openExternalLinks()})
        if shot is not None:
            box.grab().save(str(shot))
        box.reject()
        box.done(0)

    QTimer.singleShot(50, look)


def _window(config_dir, qtbot):
    from wizard.ui import app as ui_app

    window = ui_app.create_window(config_dir)
    qtbot.addWidget(window)
    window.show()
    assert window.startup(None, str(MINI))
    return window


def test_an_error_about_a_hostile_file_shows_its_text_literally(config_dir, qtbot, tmp_path):
    path = tmp_path / "hostile.aitr.json"
    path.write_text(json.dumps({"format": HOSTILE, "schema_version": 1}), encoding="utf-8")
    window = _window(config_dir, qtbot)
    seen: list = []
    _inspect_next_box(qtbot, seen, tmp_path / "hostile-dialog.png")
    assert window.files.open_path(path) is False
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    box = seen[0]
    assert box["format"] == Qt.TextFormat.PlainText
    assert box["label_format"] == Qt.TextFormat.PlainText
    assert '<a href="https://example.co' in box["label_text"]
    assert "<h1>BIG</h1>" in box["label_text"]
    window.close()


def test_every_message_box_of_the_wizard_is_plain_text(config_dir, qtbot):
    from wizard.ui import dialogs

    window = _window(config_dir, qtbot)
    for call in (lambda: dialogs.error(window, "t", HOSTILE),
                 lambda: dialogs.fatal(window, "t", HOSTILE),
                 lambda: dialogs.inform(window, "t", HOSTILE),
                 lambda: dialogs.ask_yes_no(window, "t", HOSTILE),
                 lambda: dialogs.ask_yes_no_cancel(window, "t", HOSTILE),
                 lambda: dialogs.ask_save_changes(window, HOSTILE)):
        seen: list = []
        _inspect_next_box(qtbot, seen)
        call()
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
        assert seen[0]["label_format"] == Qt.TextFormat.PlainText
        assert "<h1>BIG</h1>" in seen[0]["label_text"]
    window.close()
