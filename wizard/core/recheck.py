"""Re-checking a client library: what the current content and date change for each client.

What a client last saw is their answers evaluated on their assessment's date with the content
they were answered against (``then_content`` finds it by the recorded id and version; without
it, or for files that record none, the current content stands in, so that only the date moves).
What they would see now is the same answers with the current content on ``on`` (default today).
:func:`finding_changes` compares the two: findings new, resolved, or changed in status.

Only what can differ is evaluated. Once per run, the findings whose definition differs between
the two contents (with every question and pack condition they depend on) are set aside; once
per assessment date, the findings whose rule's status differs between that date and ``on``.
For each client only those findings are evaluated, on the questions they need
(:func:`wizard.core.engine.questions_for`, :func:`wizard.core.engine.compute_state`,
:func:`wizard.core.engine.fired`): every other finding gives the same answer twice.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from wizard.core.answers import check_answer
from wizard.core.quick_read import AnswerChecks
from wizard.core.clients import Client, Scan, Unreadable, each_client
from wizard.core.engine import Rules, compute_state, fired, questions_for
from wizard.core.errors import AssessmentError
from wizard.core.model import SEVERITIES
from wizard.core.timeline import state_on, timeline_of

CHANGE_KINDS = ("new", "status", "resolved")

# Finds the content an assessment was answered against by its recorded id and version ("unknown"
# for a file that records none), or None when it is not at hand.
ThenContent = Callable[[str, str], Optional[object]]


@dataclass(frozen=True)
class FindingChange:
    """One finding that reads differently for a client now than when they last saw it."""

    id: str
    kind: str                               # CHANGE_KINDS
    severity: str
    title: dict[str, str]
    before: Optional[str] = None            # the rule's status then (None: did not apply)
    after: Optional[str] = None             # and now
    before_label: Optional[dict] = None
    after_label: Optional[dict] = None


@dataclass(frozen=True)
class ClientChanges:
    client: Client
    changes: tuple[FindingChange, ...]

    @property
    def weight(self) -> tuple:
        """How much the change means (bigger first): critical changes, then all of them."""
        ranks = [SEVERITIES.index(c.severity) for c in self.changes]
        return tuple(sum(1 for r in ranks if r == level) for level in range(len(SEVERITIES)))


@dataclass(frozen=True)
class Recheck:
    folder: Path
    on: dt.date
    content_id: str
    content_version: str
    clients: tuple[ClientChanges, ...]      # most affected first
    unreadable: tuple[Unreadable, ...]

    @property
    def affected(self) -> tuple[ClientChanges, ...]:
        return tuple(c for c in self.clients if c.changes)


@dataclass(frozen=True)
class _Seen:
    """A finding as one evaluation shows it: its severity, title and rule status (the status
    worded only when a change is reported)."""

    severity: str
    title: dict
    status: str
    rule: str
    rules: object = None        # engine.Rules of the evaluation, for the wording

    @property
    def label(self) -> dict:
        return self.rules.ref(self.rule).label


def finding_changes(before: dict[str, _Seen], after: dict[str, _Seen]) -> list[FindingChange]:
    """Findings new (in ``after`` only), resolved (in ``before`` only) and changed in status,
    from two maps of the findings that fire (id -> what it shows), most severe first."""
    changes = []
    for fid, now in after.items():
        then = before.get(fid)
        if then is None:
            changes.append(FindingChange(fid, "new", now.severity, now.title, None, now.status,
                                         None, now.label))
        elif then.status != now.status:
            changes.append(FindingChange(fid, "status", now.severity, now.title, then.status,
                                         now.status, then.label, now.label))
    for fid, then in before.items():
        if fid not in after:
            changes.append(FindingChange(fid, "resolved", then.severity, then.title, then.status,
                                         None, then.label, None))
    changes.sort(key=lambda c: (SEVERITIES.index(c.severity), CHANGE_KINDS.index(c.kind), c.id))
    return changes


class _Statuses:
    """One content's findings over a run. The status of each finding's rule, on any day:
    worked out once for each stretch of days between two dates of the rule's timeline (its
    events, and the day after a suspension's last day), the only days on which
    ``timeline.state_on`` can answer otherwise (a rule without dates, once). And which findings
    fire for the answers read, which does not depend on the day."""

    def __init__(self, content) -> None:
        self.content = content
        rules = content.rules
        self.principal = {info.finding.id: info.finding.rules[0] for info in content.findings}
        self.findings_of: dict[str, list] = {}
        for fid, rule in self.principal.items():
            self.findings_of.setdefault(rule, []).append(fid)
        self._breaks: dict[str, list] = {}
        for rule_id in self.findings_of:
            events = timeline_of(rules[rule_id], rules)
            points = {e.date for e in events if e.date is not None}
            points |= {e.until + dt.timedelta(days=1) for e in events
                       if getattr(e, "until", None) is not None}
            self._breaks[rule_id] = sorted(points)
        # rules whose status is the same on every day, and those whose status can move
        self.dated = tuple(r for r, breaks in self._breaks.items() if breaks)
        day = dt.date.today()
        self._constant = {r: state_on(rules[r], rules, day).status
                          for r, breaks in self._breaks.items() if not breaks}
        self._stretch: dict[tuple, str] = {}
        self._days: dict[dt.date, dict] = {}
        self.by_id = {info.finding.id: info for info in content.findings}
        self.plans: dict[frozenset, tuple] = {}     # what to evaluate, by finding ids
        self.fired: dict[tuple, tuple] = {}         # what fired, by ids and the answers read

    def on(self, day: dt.date) -> dict[str, str]:
        """Rule id -> its status on ``day``, for every rule a finding takes its status from."""
        result = self._days.get(day)
        if result is None:
            rules = self.content.rules
            result = dict(self._constant)
            for rule_id in self.dated:
                key = (rule_id, bisect_right(self._breaks[rule_id], day))
                status = self._stretch.get(key)
                if status is None:
                    status = self._stretch[key] = state_on(rules[rule_id], rules, day).status
                result[rule_id] = status
            self._days[day] = result
        return result


class _Side:
    """One content on one day: what each finding shows, and the findings to re-evaluate."""

    def __init__(self, content, day: dt.date, statuses: _Statuses) -> None:
        self.content, self.day = content, day
        self.statuses = statuses
        self.by_id = statuses.by_id
        self.rule_status = statuses.on(day)
        self._seen: dict[str, _Seen] = {}
        self._rules: Optional[Rules] = None
        self._plans = statuses.plans
        self._fired = statuses.fired

    def seen(self, fid: str) -> _Seen:
        """How finding ``fid`` shows (its status worded on first use)."""
        seen = self._seen.get(fid)
        if seen is None:
            if self._rules is None:
                self._rules = Rules(self.content, self.day)
            finding = self.by_id[fid].finding
            seen = self._seen[fid] = _Seen(finding.severity, finding.title.as_dict(),
                                           self.rule_status[finding.rules[0]],
                                           finding.rules[0], self._rules)
        return seen

    def plan(self, ids: frozenset) -> tuple[tuple, list, tuple]:
        """For the findings ``ids``: the questions to go through, the findings to test and the
        ids of the questions among them that take an answer."""
        if ids not in self._plans:
            findings = [self.by_id[fid] for fid in sorted(ids) if fid in self.by_id]
            questions = questions_for(self.content, findings)
            asked = tuple(q.qid for q in questions if q.kind != "calculator")
            self._plans[ids] = (questions, findings, asked)
        return self._plans[ids]

    def fired_ids(self, answers: dict, ids: frozenset) -> tuple:
        """The ids of the findings of ``ids`` that fire on ``answers``. The pass reads only
        the answers to the plan's questions: clients who gave the same ones share its result."""
        questions, findings, asked = self.plan(ids)
        if not findings:
            return ()
        values = [answers.get(qid) for qid in asked]
        key = (ids, *[tuple(v) if v.__class__ is list else v for v in values])
        result = self._fired.get(key)
        if result is None:
            state = compute_state(self.content, answers, questions)
            result = self._fired[key] = tuple(
                info.finding.id for info in fired(self.content, state, findings))
        return result


class _References:
    """The questions each condition reads, worked out once per condition (sections and packs
    share theirs); kept by identity while the content is in use."""

    def __init__(self) -> None:
        self.seen: dict[int, frozenset] = {}

    def __call__(self, cond) -> frozenset:
        refs = self.seen.get(id(cond))
        if refs is None:
            refs = self.seen[id(cond)] = cond.references()
        return refs


def _depends(content, references: _References) -> dict[str, frozenset]:
    """Each question's direct dependencies: the questions its (and its section's) conditions,
    its pack's condition and, for a calculator, its inputs read."""
    result = {}

    for qid, info in content.questions.items():
        refs = set()
        for cond in info.conditions:
            refs |= references(cond)
        applies = content.applies.get(info.pack_id)
        if applies is not None:
            refs |= references(applies)
        if info.kind == "calculator":
            refs |= {f"{info.pack_id}.{src}" for src in info.question.inputs.values()}
        result[qid] = frozenset(refs)
    return result


def _closure(content, depends: dict, info, references: _References) -> set[str]:
    """The questions a finding's firing depends on (see ``engine.questions_for``)."""
    todo = set(references(info.when))
    applies = content.applies.get(info.pack.id)
    if applies is not None:
        todo |= references(applies)
    seen: set[str] = set()
    while todo:
        qid = todo.pop()
        if qid not in seen:
            seen.add(qid)
            todo |= depends.get(qid, frozenset()) - seen
    return seen


def redefined(then, now) -> frozenset:
    """Ids of the findings whose definition differs between two contents: added, retired, or
    changed in themselves, in their pack's condition, or in a question they depend on (its
    conditions, its kind and options, or its place before or after the others)."""
    if then is now:
        return frozenset()
    old = {info.finding.id: info for info in then.findings}
    new = {info.finding.id: info for info in now.findings}
    if then.groups != now.groups:
        return frozenset(old) | frozenset(new)
    changed_questions = {
        qid for qid in then.questions.keys() | now.questions.keys()
        if qid not in then.questions or qid not in now.questions
        or then.questions[qid].conditions != now.questions[qid].conditions
        or then.questions[qid].question != now.questions[qid].question
        or then.applies.get(then.questions[qid].pack_id)
        != now.applies.get(now.questions[qid].pack_id)}
    references = _References()
    depends = _depends(now, references)
    changed = set(old.keys() ^ new.keys())
    for fid in old.keys() & new.keys():
        a, b = old[fid], new[fid]
        if (a.finding != b.finding or a.when != b.when or a.pack.id != b.pack.id
                or then.applies.get(a.pack.id) != now.applies.get(b.pack.id)):
            changed.add(fid)
            continue
        closure = _closure(now, depends, b, references)
        if closure & changed_questions:
            changed.add(fid)
            continue
        ordered = sorted(closure, key=lambda q: now.questions[q].index)
        if ordered != sorted(closure, key=lambda q: then.questions[q].index):
            changed.add(fid)
    return frozenset(changed)


def _restated(then_side: _Side, now_side: _Side, redone: frozenset) -> frozenset:
    """The findings to evaluate for a client: redefined ones and those whose status moved."""
    then, now = then_side.statuses, now_side.statuses
    if then is now:     # one content: only a rule with dates can have moved
        moved = {fid for rule in now.dated
                 if then_side.rule_status[rule] != now_side.rule_status[rule]
                 for fid in now.findings_of[rule]}
    else:
        moved = {fid for fid, rule in now.principal.items() if fid in then.principal
                 and then_side.rule_status[then.principal[fid]] != now_side.rule_status[rule]}
    return frozenset(redone | moved)


def _then_answers(client: Client, then) -> dict:
    """The client's answers for the content they were answered against: as read, plus those
    the current content set aside that ``then`` still knows."""
    loaded = client.loaded
    if not loaded.dropped:
        return loaded.assessment.answers
    answers = dict(loaded.assessment.answers)
    for item in loaded.dropped:
        info = then.questions.get(item.key)
        if info is not None and info.kind != "calculator":
            try:
                answers[info.qid] = check_answer(info.question, item.value, item.key)
            except AssessmentError:
                continue
    return answers


def _changes(then_side: _Side, now_side: _Side, redone: frozenset, before_ids: tuple,
             after_ids: tuple) -> tuple[FindingChange, ...]:
    """What changed, from the findings that fire now (``after_ids``) and then: a finding
    defined alike in both contents fires alike, so only its status can differ; of the
    redefined ones, those that fired then are ``before_ids``."""
    after = {fid: now_side.seen(fid) for fid in after_ids}
    before = {fid: then_side.seen(fid) for fid in after_ids if fid not in redone}
    before.update((fid, then_side.seen(fid)) for fid in before_ids)
    return tuple(finding_changes(before, after))


def recheck_scan(found: Scan, content, on: Optional[dt.date] = None,
                 then_content: Optional[ThenContent] = None) -> Recheck:
    """:class:`Recheck` for clients already read (see the module's docstring)."""
    return _recheck(found.clients, found.folder, found.unreadable, content, on, then_content,
                    keep=True)


def _recheck(clients, folder: Path, unreadable, content, on: Optional[dt.date],
             then_content: Optional[ThenContent], keep: bool) -> Recheck:
    """The re-check of ``clients`` (any iterable); without ``keep``, each client's answers
    are let go once its changes are known (a folder is read one file at a time)."""
    on = on or dt.date.today()
    statuses = {id(content): _Statuses(content)}
    now_side = _Side(content, on, statuses[id(content)])
    thens: dict[tuple, object] = {}
    sides: dict[tuple, _Side] = {}
    redone: dict[int, frozenset] = {}
    restated: dict[tuple, frozenset] = {}
    shared: dict[tuple, tuple] = {}
    results = []
    for client in clients:
        then = content
        if then_content is not None:
            key = (client.content_id, client.content_version)
            if key not in thens:
                thens[key] = then_content(*key) or content
            then = thens[key]
        day = client.day or on
        side_key = (id(then), day)
        if side_key not in sides:
            if id(then) not in statuses:
                statuses[id(then)] = _Statuses(then)
            sides[side_key] = _Side(then, day, statuses[id(then)])
        then_side = sides[side_key]
        if id(then) not in redone:
            redone[id(then)] = redefined(then, content)
        if side_key not in restated:
            restated[side_key] = _restated(then_side, now_side, redone[id(then)])
        ids = restated[side_key]
        if not ids:
            results.append(ClientChanges(client if keep else _slim(client), ()))
            continue
        redone_here = redone[id(then)]
        after = now_side.fired_ids(client.loaded.assessment.answers, ids)
        before = (then_side.fired_ids(_then_answers(client, then), redone_here)
                  if redone_here else ())
        # clients whose findings fire alike share what changed for them
        key = (side_key, after, before)
        changes = shared.get(key)
        if changes is None:
            changes = shared[key] = _changes(then_side, now_side, redone_here, before, after)
        results.append(ClientChanges(client if keep else _slim(client), changes))
    results.sort(key=lambda c: (tuple(-n for n in c.weight),
                                c.client.company.casefold(), c.client.path.name.casefold()))
    return Recheck(Path(folder), on, content.content_id, content.content_version,
                   tuple(results), tuple(unreadable))


def _slim(client: Client) -> Client:
    """``client`` without its answers: what a summary names."""
    return Client(client.path, client.company, client.assessor, client.date, client.content_id,
                  client.content_version, None)


def recheck_folder(folder: Path, content, on: Optional[dt.date] = None,
                   then_content: Optional[ThenContent] = None) -> Recheck:
    """Every client in ``folder`` re-checked against ``content`` on ``on`` (default today)."""
    unreadable: list[Unreadable] = []
    clients = each_client(folder, content, AnswerChecks(content), unreadable)
    return _recheck(clients, folder, unreadable, content, on, then_content, keep=False)
