"""What the HTML and PDF templates are given: the report data arranged for reading, and small
helpers that write labels, dates and check boxes in the report's language.

Nothing here decides anything about the company: the engine did that. This only groups,
orders and words what is in :class:`~wizard.core.report_data.ReportData`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Optional

from markupsafe import Markup, escape

from wizard.core.labels import KINDS, STATUS, STATUS_WITH_DATE
from wizard.core.model import SEVERITIES
from wizard.report.common import DETAILS
from wizard.report.localize import date_text, number_text
from wizard.report.templating import make_gettext

BOX = {"in_place": "\u2611", "partial": "\u25d0", "missing": "\u2610", "unsure": "?",
       "unanswered": "?", "not_applicable": "\u2013"}
EMPTY_BOX = "\u2610"
URGENT = 5
TOP_FINDINGS = 8                   # the short form's findings: at most this many ...
MIN_TOP_FINDINGS = 5               # ... and at least this many when there are
SERIOUS = ("critical", "high")
SEVERITY_COLOURS = {"critical": "#b3261e", "high": "#d0662b", "medium": "#d39b1e",
                    "low": "#4f8a3c", "info": "#4f8a3c"}
OPEN_STATUSES = ("open", "in_progress")


class Helpers:
    """Formatting for one report language (``ko``, ``en`` or ``both``), used by templates as
    ``h``. Every method returns escaped markup or plain text, never raw user input."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self._ = make_gettext(mode)[0]

    def lab(self, kind: str, key: str) -> Markup:
        msgid = KINDS[kind].get(key)
        return self._(msgid) if msgid else escape(key)

    def plain(self, kind: str, key: str) -> str:
        """A label as plain text (``both``: "ko / en" in one colour), e.g. inside a tag."""
        from wizard.report.common import lab

        return lab(kind, key, self.mode)

    def date(self, value: Any) -> str:
        return date_text(value, self.mode) or "-"

    @staticmethod
    def dates(value: Any) -> dict[str, str]:
        """A date written for each language, for ``_()`` parameters in bilingual reports."""
        return {lang: date_text(value, lang) or "-" for lang in ("ko", "en")}

    def sdate(self, value: Any) -> str:
        return date_text(value, self.mode, short=True) or "-"

    def num(self, value: Any) -> str:
        return number_text(value, self.mode)

    def status(self, finding) -> Markup:
        """The rule's status with its date written for the reader, e.g. "In force since
        January 15, 2025"."""
        if finding.status_date and finding.status in STATUS_WITH_DATE:
            msgid = STATUS_WITH_DATE[finding.status]
            if self.mode == "both":
                ko = make_gettext("ko")[0](msgid, date=date_text(finding.status_date, "ko"))
                en = make_gettext("en")[0](msgid, date=date_text(finding.status_date, "en"))
                return Markup('{}<span class="en" lang="en"> / {}</span>').format(ko, en)
            return self._(msgid, date=date_text(finding.status_date, self.mode))
        if finding.status in STATUS:
            return self._(STATUS[finding.status])
        return escape(finding.status)

    @staticmethod
    def box(state: str) -> Markup:
        return Markup('<span class="box">{}</span>').format(BOX.get(state, "?"))

    @staticmethod
    def empty_box() -> Markup:
        return Markup('<span class="box">{}</span>').format(EMPTY_BOX)

    @staticmethod
    def value(value: Any) -> str:
        """A stored value (answer, plan entry) as plain text, for appendices."""
        if isinstance(value, str):
            return value
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    @staticmethod
    def readiness(value: Optional[int]) -> str:
        return "-" if value is None else f"{value}/100"

    def owner(self, action) -> Markup:
        """The named owner if the plan has one, else the role the content suggests."""
        if action.plan.owner:
            return Markup('{}<br><span class="small">{}</span>').format(
                action.plan.owner, self.lab("owner_role", action.owner_role))
        return self.lab("owner_role", action.owner_role)


@dataclass(frozen=True)
class AreaBlock:
    area: Any
    items: list


def _by_area(report, items) -> list[AreaBlock]:
    blocks = []
    for area in report.areas:
        own = [i for i in items if i.area == area.id]
        if own:
            blocks.append(AreaBlock(area, own))
    return blocks


def urgent_actions(report, limit: int = URGENT) -> list:
    """The most urgent open actions: obligations first, in plan priority order."""
    open_ = [a for a in report.actions if a.plan.status in OPEN_STATUSES and not a.watch_only]
    return open_[:limit]


def severity_counts(report) -> list[tuple[str, int]]:
    """The obligations (information items and watch items aside) by severity."""
    obligations = report.obligations()
    return [(s, sum(1 for f in obligations if f.severity == s)) for s in SEVERITIES
            if any(f.severity == s for f in obligations)]


def top_findings(report) -> list:
    """The short form's findings: every critical and high obligation (at most
    ``TOP_FINDINGS``), filled up with the next most serious to ``MIN_TOP_FINDINGS``; the
    engine already put the findings in order of seriousness."""
    obligations = report.obligations()
    serious = [f for f in obligations if f.severity in SERIOUS][:TOP_FINDINGS]
    return serious if len(serious) >= MIN_TOP_FINDINGS else obligations[:MIN_TOP_FINDINGS]


def action_numbers(finding, action_by_id: dict) -> list[int]:
    """The plan priorities of a finding's actions, in order (#9, #11, never #11, #9)."""
    return sorted(action_by_id[a].priority for a in finding.actions if a in action_by_id)


def glossary_terms(content) -> list:
    glossary = getattr(content, "glossary", None) if content is not None else None
    if glossary is None:
        return []
    return sorted(glossary.terms, key=lambda term: term.term.en.lower())


def report_context(report, mode: str, *, target: str, content=None,
                   chart: Any = None, detail: str = "full") -> dict[str, Any]:
    """Everything ``report.html`` needs. ``target`` is ``web`` (browser) or ``qt`` (PDF);
    ``detail`` is ``full`` (the whole report) or ``summary`` (the short form)."""
    if detail not in DETAILS:
        raise ValueError(f"unknown detail {detail!r}; use one of {', '.join(DETAILS)}")
    obligations = [f for f in report.findings if not f.watch]
    watch = report.watch_items()
    top = top_findings(report)
    return {
        "detail": detail,
        "top_findings": top,
        "information": report.information(),
        "more_findings": len(report.obligations()) - len(top),
        "report": report,
        "meta": report.meta,
        "target": target,
        "h": Helpers(mode),
        "html_lang": "en" if mode == "en" else "ko",
        "areas": report.areas,
        "area_by_id": {a.id: a for a in report.areas},
        "checklist": _by_area(report, report.checklist),
        "obligations": _by_area(report, obligations),
        "n_obligations": len(report.obligations()),
        "watch": watch,
        "actions": report.actions,
        "action_by_id": {a.id: a for a in report.actions},
        "action_numbers": action_numbers,
        "finding_by_id": {f.id: f for f in report.findings},
        "urgent": urgent_actions(report),
        "severity_counts": severity_counts(report),
        "glossary": glossary_terms(content),
        "chart": chart,
        "answers": _by_area(report, report.answers),
        "colours": SEVERITY_COLOURS,
        "question_texts": question_texts(content, report),
        "program_version": report.content.program_version,
    }


def question_texts(content, report) -> dict[str, dict]:
    """Texts of the calculator questions (the report data names them by id only)."""
    if content is None:
        return {}
    texts = {}
    for calc in report.calculations:
        info = content.questions.get(calc.question)
        if info is not None:
            texts[calc.question] = info.question.text.as_dict()
    return texts
