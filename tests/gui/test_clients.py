"""File > Client library: the list of a folder's clients, sorting, unreadable files, opening
a client through the normal open path; screenshots in Korean and English."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from wizard import paths

from tests.clients.helpers import client_folder, fingerprint

SIZES = ((800, 600), (1366, 768))


@pytest.fixture
def library(make_window, tmp_path):
    from wizard.ui.clients_dialog import ClientLibraryDialog

    folder = client_folder(tmp_path)
    window = make_window(packs=paths.questionnaires_dir())

    def make(size=(1366, 768)):
        window.resize(*size)
        dialog = ClientLibraryDialog(window, folder, on=dt.date(2026, 12, 13))
        dialog.resize(*size)
        dialog.show()
        return dialog
    return window, folder, make


def _column(dialog, column):
    return [dialog.table.item(row, column).text() for row in range(dialog.table.rowCount())]


def test_the_list_shows_every_client_and_the_files_it_could_not_read(library):
    window, folder, make = library
    dialog = make()
    assert dialog.table.rowCount() == 4
    assert any("Seorin Packaging" in text for text in _column(dialog, 0))
    assert dialog.unreadable.isVisible() and dialog.unreadable.count() == 4
    reasons = [dialog.unreadable.item(i).text() for i in range(dialog.unreadable.count())]
    assert any("from_2030.json" in r and "newer version" in r for r in reasons)
    assert "4" in dialog.unreadable_label.text()
    # the selected client's areas and overdue actions below the table
    assert "readiness" in dialog.details.toPlainText()


def test_columns_sort(library, qtbot):
    _window, _folder, make = library
    dialog = make()
    dialog.table.sortItems(5, Qt.SortOrder.AscendingOrder)          # readiness
    values = [int(t.rstrip("%")) for t in _column(dialog, 5) if t != "-"]
    assert values == sorted(values)
    dialog.table.sortItems(7, Qt.SortOrder.DescendingOrder)         # overdue
    overdue = [int(t) for t in _column(dialog, 7)]
    assert overdue == sorted(overdue, reverse=True) and overdue[0] == 2
    assert "Seorin Packaging" in dialog.table.item(0, 0).text()


def test_double_click_opens_the_client_in_the_wizard(library, qtbot):
    window, folder, make = library
    before = fingerprint(folder)
    dialog = make()
    row = next(r for r in range(dialog.table.rowCount())
               if "Seorin" in dialog.table.item(r, 0).text())
    dialog.table.cellDoubleClicked.emit(row, 0)
    assert window.session.path == folder / "hbm_packager.json"
    assert "Seorin Packaging" in window.session.assessment.meta.company
    assert not dialog.isVisible()
    assert fingerprint(folder) == before


def test_opening_asks_about_unsaved_work_first(library, dialogs):
    window, folder, make = library
    window.session.set_answer("profile.size", "small")
    assert window.session.modified
    dialog = make()
    dialogs.question_answers.append(dialogs_cancel())
    dialog.open_row(0)
    assert window.session.path is None          # cancelled: the unsaved work stays
    assert dialog.isVisible()
    assert any(kind == "question" for kind in dialogs.kinds())


def dialogs_cancel():
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.StandardButton.Cancel


def test_the_menu_item_opens_the_view_for_a_chosen_folder(library, monkeypatch, qtbot):
    from wizard.ui import clients_dialog

    window, folder, _make = library
    monkeypatch.setattr(clients_dialog, "choose_folder", lambda *args: folder)
    assert window.clients_action.isEnabled()
    assert window.clients_action in window.file_menu.actions()
    window.clients_action.trigger()
    dialog = window.clients_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.table.rowCount() == 4
    dialog.reject()


@pytest.mark.parametrize("mode", ["ko", "en"])
def test_screenshots(library, mode, screenshots_dir):
    from wizard.ui import lang

    window, _folder, make = library
    lang.set_mode(mode)
    assert window.clients_action.text().startswith("고객사" if mode == "ko" else "&Client")
    for size in SIZES:
        dialog = make(size)
        dialog.table.selectRow(0)
        image = dialog.grab()
        name = f"clients-{mode}-{size[0]}x{size[1]}.png"
        image.save(str(screenshots_dir / name))
        image.save(f"/tmp/helperC-{name}")
        header = dialog.table.horizontalHeaderItem(0).text()
        assert header == ("회사명" if mode == "ko" else "Company")
        dialog.close()
