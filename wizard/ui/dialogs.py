"""Every dialog the wizard opens goes through these few functions, which call Qt's static
QMessageBox and QFileDialog methods (tests replace those with ``monkeypatch.setattr``)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from wizard.i18n import N_
from wizard.ui import lang

APP = N_("AI Trade Readiness")
UNSAVED_TITLE = N_("Unsaved changes")
UNSAVED = N_("The assessment \"{name}\" has changes that are not saved. Save them first?")
ASSESSMENT_FILTER = N_("Assessments (*.aitr.json *.json)")
ALL_FILTER = N_("All files (*)")
WORKBOOK_FILTER = N_("Excel workbooks (*.xlsx)")
SUFFIX = ".aitr.json"


def ask_save_changes(parent: Optional[QWidget], name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
               | QMessageBox.StandardButton.Cancel)
    answer = QMessageBox.question(parent, lang.tr(UNSAVED_TITLE), lang.tr(UNSAVED, name=name),
                                  buttons, QMessageBox.StandardButton.Save)
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def ask_yes_no(parent: Optional[QWidget], title: str, text: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def error(parent: Optional[QWidget], title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def fatal(parent: Optional[QWidget], title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def inform(parent: Optional[QWidget], title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


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
