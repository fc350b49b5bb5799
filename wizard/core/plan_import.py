"""Reading an action tracker back: the owner, due date, status and comment of each action, as
the client filled them in, checked by the rules the wizard's plan edits go through
(:func:`wizard.core.assessment.edit_plan`).

``plan_changes(assessment, content, tracker)`` gives the changes (action, field, before, after)
and the refusals, each at its cell: a tracker from another assessment, unknown action ids,
actions listed twice, dates that are not dates, statuses not in the list, texts too long,
formulas. Nothing is applied here: ``apply_plan`` applies the changes the user accepted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from wizard.core.answers import short
from wizard.core.assessment import MAX_COMMENT, MAX_NAME, PLAN_STATUSES, PlanEdit, edit_plan
from wizard.core.cells import Cell, Refusal, as_date, folded, formula_refusal, refusal, text_of
from wizard.core.errors import AssessmentError
from wizard.core.labels import PLAN_STATUS
from wizard.i18n import LANGUAGES, N_, Note, translate

OTHER_ASSESSMENT = N_("this tracker was exported from another assessment (id {theirs}, "
                      "{company}); the assessment given is {ours}. Import it into the "
                      "assessment it came from")
NO_ID = N_("the tracker does not say which assessment it came from; export a new tracker "
           "from the assessment")
UNKNOWN_ACTION = N_("unknown action {action}: it is not an action of the questionnaires (was "
                    "the row copied from elsewhere?)")
TWICE = N_("action {action} is listed twice (first at {first})")
NOT_A_DATE = N_("{value} is not a date; enter a date (YYYY-MM-DD)")
NOT_A_STATUS = N_("{value} is not a status in the list ({valid})")
TOO_LONG = N_("the text is {length} characters; at most {limit}")
LIMITS = {"owner": MAX_NAME, "comment": MAX_COMMENT}

FIELDS = ("owner", "due", "status", "comment")


@dataclass(frozen=True)
class TrackerRow:
    """One action row: the cell of its id and the four cells the client edits."""

    action: Cell
    owner: Cell
    due: Cell
    status: Cell
    comment: Cell


@dataclass(frozen=True)
class Tracker:
    """What a tracker holds: the assessment it was exported from, and its action rows."""

    assessment_id: Cell
    company: str = ""
    rows: list[TrackerRow] = field(default_factory=list)


@dataclass(frozen=True)
class FieldChange:
    place: str          # the cell
    field: str          # owner, due, status or comment
    before: str
    after: str


@dataclass(frozen=True)
class PlanChange:
    action: str
    before: PlanEdit
    after: PlanEdit
    fields: list[FieldChange]


@dataclass
class PlanImport:
    """The changes a tracker makes and the cells refused. ``wrong_tracker`` is set (and
    nothing else) when the tracker is another assessment's: none of it can be imported."""

    changes: list[PlanChange] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    unchanged: int = 0
    wrong_tracker: Optional[Refusal] = None


def status_key(text: str) -> Optional[str]:
    """The plan status a cell names: its key (``in_progress``), its label in Korean or
    English, or both as the bilingual tracker writes them ("ko / en"); None otherwise."""
    wanted = folded(text)
    for key, msgid in PLAN_STATUS.items():
        names = {key, *(translate(msgid, lang) for lang in LANGUAGES)}
        names.add(f"{translate(msgid, 'ko')} / {translate(msgid, 'en')}")
        if wanted in {folded(n) for n in names}:
            return key
    return None


def status_names(lang: str) -> list[str]:
    """The statuses as the tracker's list shows them in ``lang`` (``both``: ko / en)."""
    out = []
    for key in PLAN_STATUSES:
        msgid = PLAN_STATUS[key]
        if lang == "both":
            out.append(f"{translate(msgid, 'ko')} / {translate(msgid, 'en')}")
        else:
            out.append(translate(msgid, lang))
    return out


def check_tracker(assessment, tracker: Tracker) -> Optional[Refusal]:
    """A refusal when the tracker names another assessment (or none)."""
    cell = tracker.assessment_id
    theirs = text_of(cell)
    if not theirs:
        return Refusal(cell.place, _note(NO_ID))
    if theirs != assessment.id:
        return Refusal(cell.place, _note(OTHER_ASSESSMENT, theirs=theirs,
                                         company=tracker.company or "-", ours=assessment.id))
    return None


def _note(msgid: str, **params):
    return Note(msgid, params)


def plan_changes(assessment, content, tracker: Tracker) -> PlanImport:
    """What importing ``tracker`` into ``assessment`` would change, and what is refused."""
    result = PlanImport()
    result.wrong_tracker = check_tracker(assessment, tracker)
    if result.wrong_tracker is not None:
        result.refusals.append(result.wrong_tracker)
        return result
    seen: dict[str, str] = {}
    for row in tracker.rows:
        if row.action.empty:
            continue
        if row.action.formula:
            result.refusals.append(formula_refusal(row.action))
            continue
        aid = text_of(row.action)
        if aid not in content.actions:
            result.refusals.append(refusal(row.action, UNKNOWN_ACTION, action=short(aid)))
            continue
        if aid in seen:
            result.refusals.append(refusal(row.action, TWICE, action=aid, first=seen[aid]))
            continue
        seen[aid] = row.action.place
        before = assessment.plan.get(aid) or PlanEdit()
        fields, refused = _read_row(row)
        if refused:
            result.refusals.extend(refused)
            continue
        try:
            after = edit_plan(before, **{name: value for name, (value, _) in fields.items()})
        except AssessmentError as exc:  # the checks above leave nothing; never a traceback
            result.refusals.append(Refusal(row.action.place, exc.note or _note(str(exc))))
            continue
        changed = [FieldChange(cell.place, name, getattr(before, name), getattr(after, name))
                   for name, (_, cell) in fields.items()
                   if getattr(before, name) != getattr(after, name)]
        if changed:
            result.changes.append(PlanChange(aid, before, after, changed))
        else:
            result.unchanged += 1
    return result


def _read_row(row: TrackerRow) -> tuple[dict, list[Refusal]]:
    """The four values of a row as plan fields ({name: (value, cell)}), or its refusals."""
    refused: list[Refusal] = []
    fields: dict = {}
    for name in FIELDS:
        cell = getattr(row, name)
        if cell.formula:
            refused.append(formula_refusal(cell))
            continue
        if name == "due":
            try:
                fields[name] = (as_date(cell), cell)
            except ValueError:
                refused.append(refusal(cell, NOT_A_DATE, value=short(text_of(cell))))
        elif name == "status":
            key = status_key(text_of(cell)) if not cell.empty else "open"
            if key is None:
                valid = ", ".join(status_names("ko") + status_names("en"))
                refused.append(refusal(cell, NOT_A_STATUS, value=short(text_of(cell)),
                                       valid=valid))
            else:
                fields[name] = (key, cell)
        else:
            text = text_of(cell)
            if len(text) > LIMITS[name]:
                refused.append(refusal(cell, TOO_LONG, length=len(text), limit=LIMITS[name]))
            else:
                fields[name] = (text, cell)
    return fields, refused


def apply_plan(assessment, changes: list[PlanChange]) -> None:
    """Put accepted changes into ``assessment``'s plan (an edit back to the defaults removes
    the entry, as the wizard does)."""
    plan = dict(assessment.plan)
    for change in changes:
        if change.after == PlanEdit():
            plan.pop(change.action, None)
        else:
            plan[change.action] = change.after
    assessment.plan = plan
