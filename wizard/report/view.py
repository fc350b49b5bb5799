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

from wizard.core.errors import InputError
from wizard.core.evidence import STATUS_WORDS, STATUSES, size_text
from wizard.core.labels import KINDS
from wizard.core.localize import date_text, number_text
from wizard.core.model import SEVERITIES
from wizard.i18n import N_, bilingual
from wizard.report.common import DETAILS, content_name, lab, marking_text
from wizard.report.templating import bi, make_gettext

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
BY_AREA = "area"
OUTSIDE_TITLE = N_("Outside this framework")
OUTSIDE_NOTE = N_("Controls this framework has no element for (for example duties under the "
                  "AI Basic Act or the Personal Information Protection Act).")
NOT_COVERED = N_("No control of the questionnaire covers this element.")
# The approval block (gyeoljaeran) on the cover: who prepared, reviewed and approved the report
APPROVAL = N_("Approval")
APPROVAL_ROLES = (("assessor", "date", N_("Prepared by")),
                  ("reviewer", "review_date", N_("Reviewed by")),
                  ("approver", "approval_date", N_("Approved by")))


# The evidence appendix (every format writes it from ``evidence_groups``)
EVIDENCE_TITLE = N_("Appendix {letter}: Evidence")
EVIDENCE_NOTE = N_("Files attached as evidence are kept in a folder beside the assessment named "
                   "after it (for acme.json: acme.evidence), each named by its SHA-256. The "
                   "state of each file was checked when this report was made: present (the file "
                   "is there and its SHA-256 matches), missing, or altered (its content is no "
                   "longer what was attached). Anyone can check a file by computing its "
                   "SHA-256 (sha256sum FILE; on Windows: certutil -hashfile FILE SHA256).")
EVIDENCE_QUESTION = N_("Question")
EVIDENCE_ACTION = N_("Action")
EVIDENCE_ITEMS = N_("Evidence items")
EVIDENCE_BAD = N_("Evidence files missing or altered")
EVIDENCE_GONE = N_("no longer in the current questionnaires")
EVIDENCE_COUNTS = N_("Evidence: {present} file(s) present, {missing} missing, {altered} altered; "
                     "{references} reference(s).")


@dataclass(frozen=True)
class EvidenceGroup:
    """The evidence on one question or plan action: ``target`` (``question``/``action``),
    ``id``, ``title`` ({ko, en}, or the words for "no longer in the questionnaires"),
    ``priority`` (an action's number in the plan, else None) and its items."""

    target: str
    id: str
    title: dict
    priority: Optional[int]
    items: list


def evidence_groups(report) -> list[EvidenceGroup]:
    """The report's evidence by question and action, in the order the report data has it."""
    priority = {a.id: a.priority for a in report.actions}
    groups: list[EvidenceGroup] = []
    for entry in report.evidence:
        if not groups or (groups[-1].target, groups[-1].id) != (entry.target, entry.id):
            groups.append(EvidenceGroup(entry.target, entry.id,
                                        entry.title or bilingual(EVIDENCE_GONE),
                                        priority.get(entry.id) if entry.target == "action"
                                        else None, []))
        groups[-1].items.append(entry)
    return groups


def evidence_counts(report) -> dict[str, int]:
    """How many evidence items are in each state: present, missing, altered, reference."""
    counts = dict.fromkeys(STATUSES, 0)
    for entry in report.evidence:
        counts[entry.status] += 1
    return counts


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
        """The status of the rule behind a finding, worded by the core for the evaluation date,
        e.g. "In force since January 15, 2025"."""
        return self.label(finding.status_label)

    def label(self, label: dict) -> Markup:
        """A ``{ko, en}`` label made by the core (a rule's status), in the report's language."""
        return bi(label, self.mode, inline=True)

    @staticmethod
    def size(size: int) -> str:
        return size_text(size)

    def evidence_status(self, status: str) -> Markup:
        """An evidence item's state; a missing or altered file stands out."""
        words = self._(STATUS_WORDS[status])
        if status in ("missing", "altered"):
            return Markup('<b class="alert">{}</b>').format(words)
        return Markup("{}").format(words)

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


@dataclass(frozen=True)
class ChecklistGroup:
    """One group of the readiness checklist: an area, or an element of a programme
    framework (``element`` is its ElementResult; None for an area)."""

    title: dict
    readiness: Optional[int]
    in_place: int
    total: int
    items: list
    element: Any = None
    note: Optional[dict] = None   # {ko, en}: why the group is apart, or why it is empty


def groupings(report) -> tuple[str, ...]:
    """How the checklist can be grouped: by area, or by each framework of the content."""
    return (BY_AREA,) + tuple(f.id for f in report.programme)


def checklist_groups(report, group: str = BY_AREA) -> list[ChecklistGroup]:
    """The readiness checklist grouped by area (the default) or by the elements of the
    programme framework ``group`` (each element with its readiness as the core computed it;
    elements no control covers are kept, with a note; controls outside the framework last)."""
    if group == BY_AREA or not group:
        return [ChecklistGroup(b.area.title, b.area.readiness, b.area.controls_in_place,
                               b.area.controls_total, b.items)
                for b in _by_area(report, report.checklist)]
    framework = report.framework(group)
    by_id = {item.question: item for item in report.checklist}
    groups = []
    for element in framework.elements:
        items = [by_id[q] for q in element.questions if q in by_id]
        groups.append(ChecklistGroup(element.title, element.readiness, element.controls_in_place,
                                     element.controls_total, items, element,
                                     None if items else bilingual(NOT_COVERED)))
    if framework.outside is not None:
        outside = framework.outside
        groups.append(ChecklistGroup(bilingual(OUTSIDE_TITLE), outside.readiness,
                                     outside.controls_in_place, outside.controls_total,
                                     [by_id[q] for q in outside.questions if q in by_id],
                                     outside, bilingual(OUTSIDE_NOTE)))
    return groups


def check_grouping(report, group: str) -> str:
    """``group`` if the report can be grouped so, else an InputError listing the ways."""
    if group in groupings(report):
        return group

    raise InputError(f"the checklist cannot be grouped by {group!r}; use one of "
                     f"{', '.join(groupings(report))}")


@dataclass(frozen=True)
class Signer:
    role: str      # a gettext id (Prepared by, Reviewed by, Approved by)
    name: str      # as typed
    date: str      # ISO or empty


def approval(meta: dict) -> list[Signer]:
    """The approval block (gyeoljaeran): assessor, reviewer and approver with their dates."""
    meta = meta or {}
    return [Signer(role, meta.get(name) or "", meta.get(date) or "")
            for name, date, role in APPROVAL_ROLES]


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
                   chart: Any = None, group: str = BY_AREA,
                   detail: str = "full") -> dict[str, Any]:
    """Everything ``report.html`` needs. ``target`` is ``web`` (browser) or ``qt`` (PDF);
    ``group`` is how the checklist is grouped (``area`` or a framework id); ``detail`` is
    ``full`` (the whole report) or ``summary`` (the short form)."""

    if detail not in DETAILS:
        raise ValueError(f"unknown detail {detail!r}; use one of {', '.join(DETAILS)}")
    group = check_grouping(report, group or BY_AREA)
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
        "checklist": checklist_groups(report, group),
        "framework": report.framework(group) if group != BY_AREA else None,
        "marking": marking_text(report.meta, mode),
        "signers": approval(report.meta),
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
        "content_name": content_name(report.content),
        "evidence": evidence_groups(report),
        "evidence_counts": evidence_counts(report),
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
