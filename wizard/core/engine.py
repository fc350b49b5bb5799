"""The engine: content + answers -> visibility, findings, checklist, scores and action plan.

Pure and deterministic: a function of its inputs, keeping nothing between calls. ``evaluate(content, assessment)`` gives :class:`ReportData`;
``Session`` answers the wizard's questions ("which questions show now?") from the same rules.

Scoring (also printed in every report, see ``scoring.FORMULA``):

* readiness of an area = round(100 x sum(weight x credit) / sum(weight)) over the area's
  control questions that are shown; credit is 1 for Yes, 0 for No, Unsure or no answer, and
  the option's credit for single-choice controls. No shown control: no score.
* exposure of an area = the highest severity among the area's triggered findings that are not
  watch items or information; none when there is none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Optional

from wizard import __version__
from wizard.core import evidence, expr, frameworks
from wizard.core.age import content_age
from wizard.core.calculators import CALCULATORS
from wizard.core.calculators.compute import with_statuses
from wizard.core.errors import CalculatorError, ExpressionError
from wizard.core.model import EXPOSURE_LEVELS, SEVERITIES, TIMEFRAMES
from wizard.core.presenting import answer_words
from wizard.core.report_data import (SCHEMA_VERSION, ActionResult, AreaResult, Because,
                                     Calculation, ChecklistItem, ContentInfo, DroppedItem,
                                     Evaluation, EvidenceEntry, FindingResult, PackInfo,
                                     PlanInfo, QuestionItem, ReportData, RuleRef)
from wizard.core.status_words import status_label
from wizard.core.timeline import state_on
from wizard.core.scoring import FORMULA, exposure_from, readiness_from
from wizard.i18n import LANGUAGES, bilingual


class _Env:
    __slots__ = ("values", "groups")

    def __init__(self, values: dict, groups: dict) -> None:
        self.values = values
        self.groups = groups

    def value(self, ref: str) -> Any:
        return self.values.get(ref)

    def group(self, name: str) -> frozenset:
        try:
            return self.groups[name]
        except KeyError:
            raise ExpressionError(f"unknown country group @{name}") from None


@dataclass(frozen=True)
class State:
    """What the answers make visible and what they mean, before any report is built.

    ``asked`` holds the QuestionInfo of the shown questions a person answers (calculators left
    out), ``counts`` the (answered, shown) of each pack over them: both made in the same pass
    as ``visible``."""

    values: dict[str, Any]
    visible: tuple[str, ...]
    applicable: dict[str, bool]
    calc_errors: dict[str, dict]
    visible_set: frozenset = frozenset()
    asked: tuple = ()
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)

    def is_visible(self, qid: str) -> bool:
        return qid in self.visible_set


def calculator_inputs(content, qid: str, values: dict[str, Any]) -> dict[str, Any]:
    """The inputs a calculator question sees: its slots filled from the shown answers."""
    info = content.questions[qid]
    pid = info.pack.id
    return {slot: values.get(f"{pid}.{src}") for slot, src in info.question.inputs.items()}


def progress(content, state: "State", pack_id: str) -> tuple[int, int]:
    """(answered, shown) over a pack's questions shown now; calculators, which nobody answers,
    are left out. Areas, the wizard's progress and reports all use it."""
    return state.counts.get(pack_id, (0, 0))


def compute_state(content, answers: dict[str, Any], questions=None) -> State:
    """One pass in question order: a question shows when its pack applies and its (and its
    section's) conditions hold on the answers of questions shown before it.

    ``questions`` (default: all) limits the pass to some questions, in content order, for a
    caller that needs only their values (:func:`questions_for` gives the ones a set of findings
    needs); the values it gives for them are the full pass's."""
    values: dict[str, Any] = {}
    visible: list[str] = []
    asked: list = []
    applicable: dict[str, bool] = {}
    calc_errors: dict[str, dict] = {}
    counts = {pack.id: [0, 0] for pack in content.packs}
    env = _Env(values, content.groups)
    truthy = expr.truthy
    for info in content.questions.values() if questions is None else questions:
        pid = info.pack_id
        ok = applicable.get(pid)
        if ok is None:
            cond = content.applies.get(pid)
            ok = applicable[pid] = cond is None or truthy(cond.evaluate(env))
        if not ok:
            continue
        shown = True
        for cond in info.conditions:
            if not truthy(cond.evaluate(env)):
                shown = False
                break
        if not shown:
            continue
        qid = info.qid
        visible.append(qid)
        if info.kind == "calculator":
            calc = CALCULATORS[info.question.calculator]
            inputs = calculator_inputs(content, qid, values)
            try:
                value = calc.value(inputs)
            except CalculatorError as exc:
                calc_errors[qid] = {lang: exc.render(lang) for lang in LANGUAGES}
                value = None
            if value is not None:
                values[qid] = value
        else:
            asked.append(info)
            count = counts[pid]
            count[1] += 1
            value = answers.get(qid)
            if value is not None:
                values[qid] = value
                count[0] += 1
    for pack in content.packs:
        applicable.setdefault(pack.id, False if content.applies.get(pack.id) else True)
    return State(values, tuple(visible), applicable, calc_errors, frozenset(visible),
                 tuple(asked), {pid: (a, t) for pid, (a, t) in counts.items()})


def _because(reads, values: dict) -> list[Because]:
    result = []
    for info in reads:
        value = values.get(info.qid)
        if value is not None:
            result.append(Because(info.qid, value, info.text, answer_words(info, value)))
    return result


class Rules:
    """The registry's rules as they stand on one day, each worked out once per evaluation."""

    def __init__(self, content, day: dt.date) -> None:
        self.content, self.day = content, day
        self.refs: dict[str, RuleRef] = {}

    def ref(self, rule_id: str) -> RuleRef:
        ref = self.refs.get(rule_id)
        if ref is None:
            rule = self.content.rules[rule_id]
            state = state_on(rule, self.content.rules, self.day)
            ref = self.refs[rule_id] = RuleRef(
                id=rule.id, kind=rule.kind, title=rule.title.as_dict(),
                citations=list(rule.citations), source=rule.source, status=state.status,
                since=_iso(state.since), until=_iso(state.until),
                effective=_iso(state.effective), next=state.next, next_on=_iso(state.next_on),
                confirm=state.confirm, watch=state.watch, label=status_label(state))
        return ref


def _iso(day: Optional[dt.date]) -> Optional[str]:
    return day.isoformat() if day else None


def questions_for(content, findings) -> tuple:
    """The questions whose values decide whether ``findings`` (FindingInfo) fire, in content
    order: those their conditions read and, in turn, those deciding whether these show (their
    and their section's conditions, their pack's condition, a calculator's inputs), and the
    first question of each pack, where the pass decides whether the pack applies."""
    questions = content.questions
    wanted: set[str] = set()
    todo = [ref for info in findings for ref in info.when.references()]
    todo += [ref for info in findings if (cond := content.applies.get(info.pack.id))
             for ref in cond.references()]
    while todo:
        qid = todo.pop()
        info = questions.get(qid)
        if info is None or qid in wanted:
            continue
        wanted.add(qid)
        for cond in info.conditions:
            todo.extend(cond.references())
        cond = content.applies.get(info.pack_id)
        if cond is not None:
            todo.extend(cond.references())
        if info.kind == "calculator":
            todo.extend(f"{info.pack_id}.{src}" for src in info.question.inputs.values())
    packs = {questions[qid].pack_id for qid in wanted} | {info.pack.id for info in findings}
    for info in questions.values():
        if info.pack_id in packs:
            packs.discard(info.pack_id)
            wanted.add(info.qid)
    return tuple(info for info in questions.values() if info.qid in wanted)


def fired(content, state: State, findings) -> list:
    """The findings of ``findings`` (FindingInfo) whose pack applies and whose condition holds
    on ``state``."""
    env = _Env(state.values, content.groups)
    truthy = expr.truthy
    return [info for info in findings
            if state.applicable.get(info.pack.id) and truthy(info.when.evaluate(env))]


def _findings(content, state: State, rules: Rules) -> list[FindingResult]:
    results = []
    for info in fired(content, state, content.findings):
        finding = info.finding
        refs = [rules.ref(rule_id) for rule_id in finding.rules]
        principal = refs[0]
        results.append(FindingResult(
            id=finding.id, area=info.pack.area, severity=finding.severity,
            title=finding.title.as_dict(), explanation=finding.explanation.as_dict(),
            citations=content.citations(finding.rules), status=principal.status,
            status_date=principal.since, status_label=principal.label,
            confirm=principal.confirm, watch=principal.watch,
            because=_because(info.reads, state.values), actions=list(finding.actions),
            rules=refs))
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    order = {p.id: i for i, p in enumerate(content.packs)}
    area_order = {p.area: order[p.id] for p in content.packs}
    results.sort(key=lambda f: (f.watch, rank[f.severity], area_order.get(f.area, 99), f.id))
    return results


def fired_findings(content, state: State, day: dt.date) -> list[FindingResult]:
    """The findings the answers of ``state`` fire, with their rules' statuses on ``day`` (what
    ``evaluate`` reports, without the rest of the report)."""
    return _findings(content, state, Rules(content, day))


def _checklist(content, state: State, assessment) -> list[ChecklistItem]:
    items = []
    for info in content.controls:
        if not state.applicable.get(info.pack_id):
            continue
        qid, question = info.qid, info.question
        value = state.values.get(qid)
        if not state.is_visible(qid):
            state_name, credit = "not_applicable", 0.0
        elif value is None:
            state_name, credit = "unanswered", 0.0
        elif question.kind == "yes_no_unsure":
            state_name = {"yes": "in_place", "no": "missing", "unsure": "unsure"}[value]
            credit = 1.0 if value == "yes" else 0.0
        else:
            option = question.option(value)
            credit = float(option.credit or 0.0) if option else 0.0
            state_name = "in_place" if credit >= 1 else "missing" if credit <= 0 else "partial"
        items.append(ChecklistItem(
            area=info.area, question=qid, text=info.text,
            state=state_name, weight=question.weight, credit=credit,
            answer=answer_words(info, value) if value is not None else None,
            note=assessment.notes.get(qid, "")))
    return items


def _actions(content, findings: list[FindingResult], exposure: dict[str, str],
             assessment, rules: Rules) -> list[ActionResult]:
    sev_rank = {s: i for i, s in enumerate(SEVERITIES)}
    exp_rank = {e: i for i, e in enumerate(reversed(EXPOSURE_LEVELS))}
    tf_rank = {t: i for i, t in enumerate(TIMEFRAMES)}
    grouped: dict[str, list[FindingResult]] = {}
    for finding in findings:
        for aid in finding.actions:
            grouped.setdefault(aid, []).append(finding)
    rows = []
    for aid, by in grouped.items():
        info = content.actions[aid]
        action = info.action
        obligations = [f for f in by if not f.watch] or by
        severity = min((f.severity for f in obligations), key=sev_rank.__getitem__)
        area_exposure = min((exposure.get(f.area, "none") for f in by), key=exp_rank.__getitem__)
        key = (all(f.watch for f in by), sev_rank[severity], exp_rank[area_exposure],
               tf_rank[action.timeframe], aid)
        rows.append((key, aid, info, severity, by))
    rows.sort(key=lambda row: row[0])
    result = []
    for priority, (key, aid, info, severity, by) in enumerate(rows, start=1):
        action = info.action
        edit = assessment.plan.get(aid)
        plan = PlanInfo(**edit.as_dict()) if edit is not None else PlanInfo()
        result.append(ActionResult(
            id=aid, priority=priority, area=info.pack.area, severity=severity,
            timeframe=action.timeframe, owner_role=action.owner_role,
            title=action.text.as_dict(), findings=[f.id for f in by],
            citations=content.citations(action.rules), watch_only=key[0], plan=plan,
            rules=list(action.rules)))
    return result


def _question_item(info, value, notes: dict) -> QuestionItem:
    """The report line for one question: its answer in words and its note."""
    return QuestionItem(
        question=info.qid, area=info.area, section=info.section_title, text=info.text,
        answer=value, answer_text=answer_words(info, value) if value is not None else None,
        note=notes.get(info.qid, ""))


def _content_info(content, day: dt.date) -> ContentInfo:
    packs = [PackInfo(p.id, p.area, p.version, p.as_of.isoformat(), p.review_by.isoformat(),
                      p.title.as_dict()) for p in content.packs]
    version = " · ".join(f"{p.id} {p.version}" for p in content.packs)
    registry = content.registry
    return ContentInfo(version=version, as_of=content.as_of.isoformat(),
                       review_by=content.review_by.isoformat(), packs=packs,
                       scoring=bilingual(FORMULA), program_version=__version__,
                       registry_as_of=_iso(registry.as_of) if registry else None,
                       registry_review_by=_iso(registry.review_by) if registry else None,
                       age=content_age(content, day), content_id=content.content_id,
                       content_version=content.content_version,
                       unverified=content.unverified)


def evaluation_day(assessment, on: Optional[dt.date] = None) -> Evaluation:
    """The day rule statuses are evaluated on: ``on`` when given (``--on``, the wizard's "as of
    today"), else the assessment's date, else today."""
    if on is not None:
        return Evaluation(on.isoformat(), "option")
    try:
        return Evaluation(dt.date.fromisoformat(assessment.meta.date).isoformat(), "assessment")
    except (TypeError, ValueError):
        return Evaluation(dt.date.today().isoformat(), "today")


def calculator_details(run, lang: str, rules: "Rules") -> dict:
    """A calculator's result as plain data in ``lang``, its thresholds (training compute)
    with their rules' status on the evaluation day."""
    return thresholds_on_day(run.to_dict(lang), lang, rules)


def thresholds_on_day(data: dict, lang: str, rules: "Rules") -> dict:
    """A calculator result's plain data (``to_dict(lang)``) with each threshold's rule as it
    stands on the evaluation day (rules the content does not have are left without one)."""
    def ref(rule_id: str):
        return rules.ref(rule_id) if rule_id in rules.content.rules else None

    return with_statuses(data, lang, ref, rules.day.isoformat())


def _calculations(content, state: State, rules: "Rules") -> list[Calculation]:
    result = []
    for info in content.calculators:
        qid = info.qid
        if not state.is_visible(qid):
            continue
        question = info.question
        inputs = calculator_inputs(content, qid, state.values)
        details: Optional[dict] = None
        if qid not in state.calc_errors and any(v is not None for v in inputs.values()):
            try:
                run = CALCULATORS[question.calculator].run(inputs)
            except CalculatorError:
                run = None  # inputs not complete yet: nothing to show
            if run is not None:
                details = {lang: calculator_details(run, lang, rules) for lang in ("ko", "en")}
        result.append(Calculation(qid, question.calculator, state.values.get(qid), details,
                                  state.calc_errors.get(qid)))
    return result


def _evidence(content, assessment, checked, actions) -> list[EvidenceEntry]:
    """The evidence in the report: questions first (in the content's order), then actions (in
    plan order; evidence on what the content no longer has last), each item with its state."""
    if checked is None:
        checked = evidence.check(assessment, None)   # no folder: nothing is read
    entries = []
    for entry in checked:
        target, ident = entry.key.split(":", 1)
        if target == "question":
            info = content.questions.get(ident)
            title = info.question.text.as_dict() if info is not None else None
        else:
            action = content.actions.get(ident)
            title = action.action.text.as_dict() if action is not None else None
        item = entry.item
        entries.append(EvidenceEntry(target, ident, title, entry.number, item.kind, item.name,
                                     item.size, item.sha256, item.reference, item.note,
                                     item.added, entry.status))
    order = {qid: n for n, qid in enumerate(content.questions)}
    priority = {action.id: action.priority for action in actions}
    entries.sort(key=lambda e: (e.target != "question",
                                (order if e.target == "question" else priority).get(e.id, 10**9),
                                e.id, e.number))
    return entries


def evaluate(content, assessment, dropped=(), on: Optional[dt.date] = None,
             evidence_checked=None) -> ReportData:
    """The full report data for ``assessment`` (answers already checked against content),
    with every rule's status as it stands on ``on`` (default: the assessment's date).
    ``evidence_checked``: the assessment's evidence as :func:`wizard.core.evidence.check`
    found it on disk (None: files are listed as missing, there being no folder to look in)."""
    evaluation = evaluation_day(assessment, on)
    day = dt.date.fromisoformat(evaluation.date)
    rules = Rules(content, day)
    state = compute_state(content, assessment.answers)
    findings = _findings(content, state, rules)
    checklist = _checklist(content, state, assessment)
    areas = []
    exposure: dict[str, str] = {}
    counts = state.counts
    findings_by_area: dict[str, list] = {}
    for finding in findings:
        findings_by_area.setdefault(finding.area, []).append(finding)
    controls_by_area: dict[str, list] = {}
    for item in checklist:
        controls_by_area.setdefault(item.area, []).append(item)
    for pack in content.packs:
        applicable = state.applicable.get(pack.id, False)
        own = findings_by_area.get(pack.area, [])
        level = exposure_from(own) if applicable else "none"
        exposure[pack.area] = level
        controls = controls_by_area.get(pack.area, [])
        answered, total = counts[pack.id]
        areas.append(AreaResult(
            id=pack.area, pack=pack.id, title=pack.title.as_dict(), applicable=applicable,
            exposure=level, readiness=readiness_from(controls) if applicable else None,
            answered=answered, total=total,
            controls_in_place=sum(1 for c in controls if c.state == "in_place"),
            controls_total=sum(1 for c in controls if c.state != "not_applicable")))
    actions = _actions(content, findings, exposure, assessment, rules)
    values, notes = state.values, assessment.notes
    unanswered, unsure, answers = [], [], []
    for info in state.asked:
        value = values.get(info.qid)
        if value is None:
            unanswered.append(_question_item(info, None, notes))
            if notes.get(info.qid):
                answers.append(unanswered[-1])
            continue
        item = _question_item(info, value, notes)
        answers.append(item)
        if value == "unsure":
            unsure.append(item)
    meta = assessment.meta.as_dict()
    for action in actions:
        for rule_id in action.rules:
            rules.ref(rule_id)
    return ReportData(
        schema_version=SCHEMA_VERSION, evaluation=evaluation,
        content=_content_info(content, day), meta=meta, areas=areas, checklist=checklist,
        findings=findings, actions=actions, unanswered=unanswered, unsure=unsure,
        answers=answers, calculations=_calculations(content, state, rules),
        dropped=[DroppedItem(d.key, d.value, d.reason) for d in dropped],
        rules=sorted(rules.refs.values(), key=lambda ref: (ref.citations[:1], ref.id)),
        assessment_id=assessment.id,
        programme=frameworks.results(content.frameworks, checklist),
        evidence=_evidence(content, assessment, evidence_checked, actions))
