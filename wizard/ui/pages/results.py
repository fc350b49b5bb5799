"""Results: per-area readiness and exposure (a chart), the readiness checklist, the findings
(watch items apart) and the editable action plan, all from the core's report data.

The overview scrolls like the other pages, so every area's row is reachable at any window
size; the plan table keeps a readable action column and scrolls sideways when it must."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QTabBar, QTabWidget,
                               QTextBrowser, QVBoxLayout, QWidget)

from wizard.core.localize import date_text
from wizard.i18n import N_, NP_, translate
from wizard.ui import lang, style
from wizard.ui.pages.base import BasePage
from wizard.ui.results.chart import AreaChart, Bar
from wizard.ui.results.checklist import ChecklistView
from wizard.ui.results.findings import findings_html
from wizard.ui.results.plan import PlanModel, PlanTable

TITLE = N_("Results")
TABS = (N_("&Overview"), N_("Chec&klist"), N_("F&indings"), N_("Action &plan"))
FOR_COMPANY = N_("Readiness of {company}, assessed by {assessor} on {date}.")
CONTENT = N_("Content as of {as_of}, to be reviewed by {review_by}. This is not legal advice.")
UNANSWERED = NP_("{count} question shown is not answered yet: the results may be incomplete.",
                 "{count} questions shown are not answered yet: the results may be incomplete.")
UNSURE = NP_("{count} answer is Unsure: take it to counsel (it is listed in the report).",
             "{count} answers are Unsure: take them to counsel (they are listed in the report).")
DROPPED = NP_("{count} answer from an older version of the questionnaires no longer fits and "
              "was set aside; the report lists it.",
              "{count} answers from an older version of the questionnaires no longer fit and "
              "were set aside; the report lists them.")
COUNTS = (NP_("{count} finding that is an obligation", "{count} findings that are obligations"),
          NP_("{count} information item (not a duty)", "{count} information items (not a duty)"),
          NP_("{count} watch item", "{count} watch items"),
          NP_("{count} action", "{count} actions"))
PLAN_HINT = N_("Set an owner, a due date and a status for each action; double-click Evidence to "
               "attach files or references. Your entries are saved with the assessment.")
PLAN_EVIDENCE = N_("&Evidence for the selected action...")
SCORING = N_("How the scores are computed")
FINDINGS_NAME = N_("Findings and watch items")
GROUP_BY = N_("&Group the checklist by")
BY_AREA = N_("Area")
NOT_GIVEN = N_("(not given)")
STATUSES_ON = {
    "assessment": N_("Rule statuses as of {date}, the assessment's date."),
    "today": N_("Rule statuses as of today, {date} (the assessment has no date)."),
    "option": N_("Rule statuses as of {date}, chosen here."),
}
AS_OF_TODAY = N_("Check as of &today")
AS_OF_ASSESSMENT = N_("Back to the &assessment's date")


class TabBar(QTabBar):
    """Tabs sized for their text on as many lines as it has (bilingual mode: Korean over
    English), never elided."""

    def tabSizeHint(self, index: int) -> QSize:  # noqa: N802 - Qt naming
        hint = super().tabSizeHint(index)        # as wide as the widest line, one line high
        fm = self.fontMetrics()
        text = fm.size(Qt.TextFlag.TextShowMnemonic, self.tabText(index))
        return QSize(hint.width(), hint.height() + max(text.height() - fm.height(), 0))


class ResultsPage(BasePage):
    scrolling = False

    def __init__(self, wizard, parent=None) -> None:
        super().__init__(wizard, parent)
        self.report = None
        self.finding_ids: list[str] = []
        self.tabs = QTabWidget(self.body)
        self.tabs.setTabBar(TabBar(self.tabs))
        self.tabs.setDocumentMode(True)
        # the content's age: said prominently, above everything else, when it is stale
        self.age = QLabel(self.body)
        self.age.setWordWrap(True)
        self.age.setTextFormat(Qt.TextFormat.PlainText)
        style.look(self.age, "staleBanner")
        self.age.hide()
        overview = QWidget()
        # the day rule statuses are evaluated on, and the way to re-check them as of today
        self.day_line = QLabel(overview)
        self.day_line.setWordWrap(True)
        self.day_button = QPushButton(overview)
        self.day_button.clicked.connect(self._toggle_day)
        day_row = QHBoxLayout()
        day_row.addWidget(self.day_line, 1)
        day_row.addWidget(self.day_button, 0, Qt.AlignmentFlag.AlignTop)
        self.summary = QLabel(overview)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.chart = AreaChart(overview)
        self.scoring = QLabel(overview)
        self.scoring.setWordWrap(True)
        style.look(self.scoring, "scoringNote")
        layout = QVBoxLayout(overview)
        layout.addLayout(day_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart)
        layout.addWidget(self.scoring)
        layout.addStretch(1)
        self.overview = QScrollArea()
        self.overview.setObjectName("resultsOverview")
        self.overview.setWidgetResizable(True)
        self.overview.setFrameShape(QFrame.Shape.NoFrame)
        self.overview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overview.setWidget(overview)

        checklist_tab = QWidget()
        self.group_label = QLabel(checklist_tab)
        self.group_box = QComboBox(checklist_tab)
        self.group_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_label.setBuddy(self.group_box)
        self.group_box.activated.connect(self._group_chosen)
        self.group = "area"
        self.checklist = ChecklistView()
        group_row = QHBoxLayout()
        group_row.addWidget(self.group_label)
        group_row.addWidget(self.group_box)
        group_row.addStretch(1)
        checklist_layout = QVBoxLayout(checklist_tab)
        checklist_layout.setContentsMargins(0, 4, 0, 0)
        checklist_layout.addLayout(group_row)
        checklist_layout.addWidget(self.checklist, 1)
        self.findings = QTextBrowser()
        self.findings.setOpenLinks(False)
        plan_tab = QWidget()
        self.plan_hint = QLabel(plan_tab)
        self.plan_hint.setWordWrap(True)
        self.plan_model = PlanModel(wizard.session, self) if wizard.session else None
        self.plan = PlanTable(self.plan_model, plan_tab)
        self.plan.evidence_requested.connect(self.show_evidence)
        plan_layout = QVBoxLayout(plan_tab)
        plan_layout.addWidget(self.plan_hint)
        plan_layout.addWidget(self.plan, 1)
        # the Evidence column may be scrolled out of sight in a small window: a button too
        self.evidence_button = QPushButton(plan_tab)
        self.evidence_button.clicked.connect(self._evidence_of_current)
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(self.evidence_button)
        evidence_row.addStretch(1)
        plan_layout.addLayout(evidence_row)

        for widget in (self.overview, checklist_tab, self.findings, plan_tab):
            self.tabs.addTab(widget, "")
        self.body_layout.addWidget(self.age)
        self.body_layout.addWidget(self.tabs, 1)
        self.retranslate()

    def _evidence_of_current(self) -> None:
        index = self.plan.currentIndex()
        row = index.row() if index.isValid() else 0
        if self.plan_model is not None and 0 <= row < self.plan_model.rowCount():
            self.show_evidence(self.plan_model.action_id(row))

    def show_evidence(self, action_id: str) -> None:
        """The evidence dialog of one plan action; its count in the table follows."""
        # loaded when first opened: most sessions never open it
        from wizard.core.evidence import key_for
        from wizard.ui.evidence_dialog import ACTION_HEAD, EvidenceDialog

        action = next((a for a in self.plan_model.rows if a.id == action_id), None)
        text = lang.pick(action.title, " / ") if action is not None else action_id
        dialog = EvidenceDialog(self.session, key_for("action", action_id),
                                lang.tr(ACTION_HEAD, text=text), self.window())
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        self.plan_model.retranslate()

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        self.show_report(self.session.report())
        self.update_steps()

    def _toggle_day(self) -> None:
        session = self.session
        session.set_evaluation_day(None if session.evaluation_day else dt.date.today())
        self.show_report(session.report())

    def _show_day(self, report) -> None:
        evaluation = report.evaluation
        self.day_line.setText(lang.each(lambda code: translate(
            STATUSES_ON[evaluation.basis], code, date=date_text(evaluation.date, code)), " / "))
        chosen = self.session.evaluation_day is not None
        self.day_button.setText(lang.ui(AS_OF_ASSESSMENT if chosen else AS_OF_TODAY))
        today = dt.date.today().isoformat()
        self.day_button.setVisible(chosen or evaluation.date != today)
        age = report.content.age
        self.age.setVisible(bool(age and age.stale))
        if age and age.stale:
            self.age.setText(lang.pick(age.message, "\n"))

    def show_report(self, report) -> None:
        self.report = report
        self._show_day(report)
        self.finding_ids = [f.id for f in report.findings]
        meta = report.meta
        counts = list(zip(COUNTS, (len(report.obligations()), len(report.information()),
                                   len(report.watch_items()), len(report.actions))))

        def facts(code: str) -> str:
            missing = translate(NOT_GIVEN, code)
            found = ", ".join(translate(message, code, count=count) for message, count in counts
                              if count or message is not COUNTS[1])
            return "\n".join((
                translate(FOR_COMPANY, code, company=meta.get("company") or missing,
                          assessor=meta.get("assessor") or missing,
                          date=date_text(meta.get("date"), code) or missing),
                translate(CONTENT, code, as_of=date_text(report.content.as_of, code),
                          review_by=date_text(report.content.review_by, code)),
                found + "."))

        warn = [lang.each(lambda code, m=message, n=count: translate(m, code, count=n))
                for message, count in ((UNANSWERED, len(report.unanswered)),
                                       (UNSURE, len(report.unsure)),
                                       (DROPPED, len(report.dropped))) if count]
        text = html.escape(lang.each(facts)).replace("\n", "<br>")
        if warn:
            text += "<p style='color:#a04000'>" + "<br>".join(
                html.escape(w).replace("\n", "<br>") for w in warn) + "</p>"
        self.summary.setText(text)
        self.summary.setAccessibleName(self.summary.text())
        self.chart.set_bars([Bar(lang.pick(a.title, " / "), a.applicable, a.readiness,
                                 a.exposure, lang.label("exposure", a.exposure))
                             for a in report.areas])
        self.scoring.setText(f"{lang.tr(SCORING)}: {lang.pick(report.content.scoring, ' / ')}")
        self._fill_groups(report)
        self.checklist.show_report(report, self.group)
        self.findings.setHtml(findings_html(report))
        self.plan_model.set_report(report)

    def _fill_groups(self, report) -> None:
        """Area, then each programme framework the content maps the controls to."""
        wanted = [("area", lang.tr(BY_AREA), "")] + [
            (f.id, lang.pick(f.short, " / "), lang.pick(f.title, "\n"))
            for f in report.programme]
        if self.group not in {key for key, _, _ in wanted}:
            self.group = "area"
        self.group_box.blockSignals(True)
        self.group_box.clear()
        for key, text, tip in wanted:
            self.group_box.addItem(text, key)
            if tip:
                self.group_box.setItemData(self.group_box.count() - 1, tip,
                                           Qt.ItemDataRole.ToolTipRole)
        self.group_box.setCurrentIndex(max(0, self.group_box.findData(self.group)))
        self.group_box.blockSignals(False)
        self.group_label.setVisible(len(wanted) > 1)
        self.group_box.setVisible(len(wanted) > 1)

    def _group_chosen(self, index: int) -> None:
        self.group = self.group_box.itemData(index) or "area"
        if self.report is not None:
            self.checklist.show_report(self.report, self.group)

    def refresh(self) -> None:
        self.update_steps()

    def retranslate(self) -> None:
        self.set_heading(lang.ui(TITLE))
        for index, text in enumerate(TABS):
            self.tabs.setTabText(index, lang.ui_lines(text))
        self.tabs.setAccessibleName(lang.tr(TITLE))
        self.plan_hint.setText(lang.ui_lines(PLAN_HINT))
        self.evidence_button.setText(lang.ui(PLAN_EVIDENCE))
        self.group_label.setText(lang.ui(GROUP_BY))
        self.group_box.setAccessibleName(lang.plain(lang.tr(GROUP_BY)))
        self.findings.setAccessibleName(lang.tr(FINDINGS_NAME))
        self.checklist.retranslate()
        self.plan.retranslate()
        if self.report is not None:
            self.show_report(self.report)
        self.update_steps()
