"""A rule's status on a date, from the dated events of its timeline in the rule registry.

Each event starts a status (``STARTS``); the status on a day is the one the last event on or
before that day started, with these refinements:

* a suspension whose last day (``until``) has passed, with no event recorded after it, is
  ``suspension_ended``: in force again by default from the next day unless it was extended,
  always with "confirm with counsel" (never shown as still suspended);
* milestones keep the status they find (``amended``, ``comment_period_closes``, a
  ``compliance_date`` once the rule is in force) and are reported as the latest step;
* a rule whose first effective event is still ahead is ``scheduled`` (takes effect on ...);
  published but not yet in force is scheduled too; nothing recorded yet is ``not_yet``;
* the next event after the day (a compliance date, the end of a suspension, a rule taking
  effect) is reported as ``next`` so a reader sees what is coming.

Whether a finding is an obligation or a watch item follows from this status (``WATCH``), so a
proposal that takes effect moves from the watch list to the findings by itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

# the status each kind of event starts; None: a milestone that keeps the status it finds
STARTS: dict[str, Optional[str]] = {
    "published": "scheduled",
    "in_force": "in_force",
    "compliance_date": "in_force",
    "amended": None,
    "suspended": "suspended",
    "reimposed": "in_force",
    "lifted": "lifted",
    "proposed": "proposed",
    "comment_period_closes": None,
    "introduced": "bill",
    "committee_approved": "bill",
    "passed_chamber": "bill",
    "enacted": "enacted",
    "not_enforced": "not_enforced",
    "withdrawn": "withdrawn",
    "guidance": "guidance",
    "decision": "decision",
    "non_binding": "non_binding",
    "discussed": "discussed",
    "programme": "programme",
    "not_found": "not_found",
}

# events that make a rule binding (a later one of these makes an earlier state "scheduled")
EFFECTIVE = frozenset({"in_force", "compliance_date", "reimposed"})

STATUSES: tuple[str, ...] = (
    "in_force", "scheduled", "suspended", "suspension_ended", "lifted", "proposed", "bill",
    "enacted", "guidance", "decision", "not_enforced", "withdrawn", "non_binding", "discussed",
    "programme", "not_found", "not_yet")

# statuses that oblige nobody today: findings resting on them are watch items
WATCH = frozenset({"proposed", "bill", "enacted", "decision", "not_enforced", "withdrawn",
                   "non_binding", "discussed", "programme", "not_found", "not_yet"})


@dataclass(frozen=True, slots=True)
class RuleState:
    """What a rule is on one day. ``since``: the day the status started (None when the
    registry does not record it); ``until``: a suspension's last day; ``effective``: the day
    a scheduled rule takes effect, or a rule whose suspension ended is in force again;
    ``setter``: the event that started the status; ``step``: the latest event on or before
    the day; ``compliance``: a compliance date
    already reached; ``next``/``next_on``: the next recorded event after the day."""

    rule: str
    status: str
    since: Optional[dt.date] = None
    until: Optional[dt.date] = None
    effective: Optional[dt.date] = None
    setter: Optional[str] = None
    step: Optional[str] = None
    step_on: Optional[dt.date] = None
    chamber: Optional[str] = None
    compliance: Optional[dt.date] = None
    next: Optional[str] = None
    next_on: Optional[dt.date] = None
    confirm: bool = False
    note: Optional[object] = None  # the model's Text of the step that set the status

    @property
    def watch(self) -> bool:
        return self.status in WATCH


def timeline_of(rule, rules: dict) -> tuple:
    """The events that apply to ``rule``: its own, or those of the rule it is part of."""
    seen = set()
    while not rule.timeline and rule.part_of and rule.part_of in rules and rule.id not in seen:
        seen.add(rule.id)
        rule = rules[rule.part_of]
    return rule.timeline


def state_on(rule, rules: dict, day: dt.date) -> RuleState:
    """The status of ``rule`` (a ``model.LegalRule``) on ``day``; ``rules`` maps ids to rules,
    for ``part_of``."""
    events = timeline_of(rule, rules)
    past = [e for e in events if e.date is None or e.date <= day]
    future = [e for e in events if e.date is not None and e.date > day]
    upcoming = future[0] if future else None
    nxt = dict(next=upcoming.event, next_on=upcoming.date) if upcoming else {}
    if not past:
        first_effective = next((e for e in future if e.event in EFFECTIVE), None)
        if first_effective is not None and not any(STARTS[e.event] in WATCH for e in future
                                                   if e.date < first_effective.date):
            return RuleState(rule.id, "scheduled", effective=first_effective.date, **nxt)
        return RuleState(rule.id, "not_yet", **nxt)

    status, since, setter, compliance, chamber = "not_yet", None, past[0], None, None
    for event in past:
        started = STARTS[event.event]
        if event.event == "compliance_date":
            compliance = event.date
        if started is not None and not (event.event == "compliance_date"
                                        and status == "in_force"):
            status, since, setter = started, event.date, event
        if event.chamber:
            chamber = event.chamber
    last = past[-1]
    confirm = setter.confirm or last.confirm
    common = dict(since=since, setter=setter.event, step=last.event, step_on=last.date,
                  chamber=chamber, compliance=compliance, note=setter.note, confirm=confirm)
    if status == "suspended":
        until = setter.until
        if until is not None and until < day:
            back = until + dt.timedelta(days=1)
            return RuleState(rule.id, "suspension_ended", until=until, effective=back,
                             **{**common, "confirm": True}, **nxt)
        return RuleState(rule.id, "suspended", until=until, **common, **nxt)
    if status == "scheduled":
        first_effective = next((e for e in future if e.event in EFFECTIVE), None)
        return RuleState(rule.id, "scheduled",
                         effective=first_effective.date if first_effective else None,
                         **common, **nxt)
    return RuleState(rule.id, status, **common, **nxt)
