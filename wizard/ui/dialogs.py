"""Every dialog the wizard opens goes through these few functions. Message boxes show their
text as plain text, always: messages quote file names and values from files, and a file must
never be able to put a link, an image or a heading into a dialog. File dialogs are Qt's static
QFileDialog methods. Tests replace ``_box`` (message boxes) and the QFileDialog methods."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMessageBox, QTableWidget, QWidget

from wizard.i18n import N_
from wizard.ui import lang

APP = N_("AI Trade Readiness")
UNSAVED_TITLE = N_("Unsaved changes")
UNSAVED = N_("The assessment \"{name}\" has changes that are not saved. Save them first?")
ASSESSMENT_FILTER = N_("Assessments (*.aitr.json *.json)")
ALL_FILTER = N_("All files (*)")
WORKBOOK_FILTER = N_("Excel workbooks (*.xlsx)")
SUFFIX = ".aitr.json"

SB = QMessageBox.StandardButton
_ICONS = {"question": QMessageBox.Icon.Question, "warning": QMessageBox.Icon.Warning,
          "critical": QMessageBox.Icon.Critical, "information": QMessageBox.Icon.Information}


def make_box(kind: str, parent: Optional[QWidget], title: str, text: str,
             buttons=SB.Ok, default=SB.NoButton) -> QMessageBox:
    """A message box whose title and text are shown exactly as given (plain text)."""
    box = QMessageBox(_ICONS[kind], title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if default != SB.NoButton:
        box.setDefaultButton(default)
    return box


def _box(kind: str, parent: Optional[QWidget], title: str, text: str,
         buttons=SB.Ok, default=SB.NoButton):
    """Show a plain-text message box and return the standard button chosen."""
    box = make_box(kind, parent, title, text, buttons, default)
    try:
        box.exec()
        clicked = box.clickedButton()
        return box.standardButton(clicked) if clicked is not None else SB.Cancel
    finally:
        box.deleteLater()


def row_table(parent: QWidget, columns: int) -> QTableWidget:
    """A read-only table whose rows are chosen one at a time (the dialogs' lists: content
    versions, clients, evidence)."""
    table = QTableWidget(0, columns, parent)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    return table


def ask_save_changes(parent: Optional[QWidget], name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    answer = _box("question", parent, lang.tr(UNSAVED_TITLE), lang.tr(UNSAVED, name=name),
                  SB.Save | SB.Discard | SB.Cancel, SB.Save)
    if answer == SB.Save:
        return "save"
    if answer == SB.Discard:
        return "discard"
    return "cancel"


def ask_yes_no(parent: Optional[QWidget], title: str, text: str) -> bool:
    return _box("question", parent, title, text, SB.Yes | SB.No, SB.Yes) == SB.Yes


def ask_yes_no_cancel(parent: Optional[QWidget], title: str, text: str) -> str:
    """'yes', 'no' or 'cancel' (also when the box is closed)."""
    answer = _box("question", parent, title, text, SB.Yes | SB.No | SB.Cancel, SB.Yes)
    return {SB.Yes: "yes", SB.No: "no"}.get(answer, "cancel")


def error(parent: Optional[QWidget], title: str, text: str) -> None:
    _box("warning", parent, title, text)


def fatal(parent: Optional[QWidget], title: str, text: str) -> None:
    _box("critical", parent, title, text)


def inform(parent: Optional[QWidget], title: str, text: str) -> None:
    _box("information", parent, title, text)


def _filters() -> str:
    return f"{lang.tr(ASSESSMENT_FILTER)};;{lang.tr(ALL_FILTER)}"


def open_path(parent: Optional[QWidget], title: str, folder: str) -> Optional[Path]:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, _filters())
    return Path(path) if path else None


def save_path(parent: Optional[QWidget], title: str, suggested: str) -> Optional[Path]:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, _filters())
    if not path:
        return None
    result = Path(path)
    if not result.name.endswith(".json"):
        result = result.with_name(result.name + SUFFIX)
    return result


def export_path(parent: Optional[QWidget], title: str, suggested: str,
                file_filter: str) -> Optional[Path]:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(path) if path else None


def open_workbook(parent: Optional[QWidget], title: str, folder: str) -> Optional[Path]:
    filters = f"{lang.tr(WORKBOOK_FILTER)};;{lang.tr(ALL_FILTER)}"
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return Path(path) if path else None


def open_any(parent: Optional[QWidget], title: str, folder: str) -> Optional[Path]:
    """Any file (evidence to attach)."""
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, lang.tr(ALL_FILTER))
    return Path(path) if path else None
