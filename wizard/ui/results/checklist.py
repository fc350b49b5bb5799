"""The readiness checklist: every control of each applicable area with its state (in place,
partly, missing, unsure, unanswered, not applicable) as the core decided it, grouped by area or
by the elements of a compliance-programme framework (with each group's readiness)."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from wizard.i18n import N_
from wizard.ui import lang

COLUMNS = (N_("Control"), N_("State"), N_("Answer"), N_("Weight"))
NAME = N_("Readiness checklist")
EMPTY = N_("No checklist items apply to your answers yet.")
GROUP_READINESS = N_("Readiness {readiness}: {group}")
NO_SCORE = N_("no control applies")
STATE_COLOURS = {"in_place": "#2e7d32", "partial": "#b7791f", "missing": "#b00020",
                 "unsure": "#1f4fa0", "unanswered": "#a04000", "not_applicable": "#8a8f98"}
STATE_MARKS = {"in_place": "\u2611", "partial": "\u25d0", "missing": "\u2612",
               "unsure": "?", "unanswered": "\u2610", "not_applicable": "\u2013"}


class ChecklistView(QTreeWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(COLUMNS))
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 170)
        header.resizeSection(2, 220)
        header.resizeSection(3, 70)
        self.states: list[tuple[str, str]] = []

    def show_report(self, report, group: str = "area") -> None:
        """Show the checklist of ``report`` grouped by area or by the elements of the
        framework ``group`` (``wizard.report.view.checklist_groups``, as every report)."""
        from wizard.report.view import checklist_groups

        self.clear()
        self.states = []
        self.groups: list[str] = []
        titles = {area.id: area.title for area in report.areas}
        bold = QFont(self.font())
        bold.setBold(True)
        if not report.checklist:
            self.addTopLevelItem(QTreeWidgetItem([lang.ui(EMPTY)]))
            return
        for block in checklist_groups(report, group):
            readiness = f"{block.readiness}/100" if block.readiness is not None \
                else lang.tr(NO_SCORE)
            title = lang.tr(GROUP_READINESS, group=lang.pick(block.title, " / "),
                            readiness=readiness)
            parent = QTreeWidgetItem([title])
            parent.setFont(0, bold)
            parent.setFirstColumnSpanned(True)
            if block.note:
                parent.setToolTip(0, lang.pick(block.note, "\n"))
            self.addTopLevelItem(parent)
            parent.setExpanded(True)
            self.groups.append(title)
            for item in block.items:
                state = f"{STATE_MARKS.get(item.state, '')} {lang.label('state', item.state)}"
                answer = lang.pick(item.answer, " / ") if item.answer else ""
                row = QTreeWidgetItem([lang.pick(item.text, " / "), state, answer,
                                       str(item.weight)])
                row.setForeground(1, QBrush(QColor(STATE_COLOURS.get(item.state, "#333"))))
                tip = row.text(0)
                if group != "area":
                    tip += "\n\n" + lang.pick(titles.get(item.area, {}), " / ")
                row.setToolTip(0, tip)
                parent.addChild(row)
                self.states.append((item.question, item.state))

    def retranslate(self) -> None:
        self.setHeaderLabels([lang.ui(c) for c in COLUMNS])
        self.setAccessibleName(lang.ui(NAME))
