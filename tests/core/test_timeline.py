"""A rule's status on a date, from its timeline, and the one wording of it (issue 13): every kind
of event, the exact day a status starts or ends, an ended suspension, a compliance date still to
come, a proposal that takes effect, and the label in both languages."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from wizard.core.model import Event, LegalRule, Text
from wizard.core.status_words import status_label
from wizard.core.timeline import STARTS, WATCH, state_on

D = dt.date


def _rule(*events: Event, rule_id: str = "r", part_of=None) -> LegalRule:
    return LegalRule(id=rule_id, kind="regulation", title=Text("규정", "Rule"), source="FR",
                     citations=("15 CFR 744.11",), timeline=tuple(events), part_of=part_of)


def _on(rule: LegalRule, day: dt.date, rules=None):
    return state_on(rule, rules or {rule.id: rule}, day)


def E(event: str, day=None, **extra) -> Event:
    return Event(event=event, date=day, **extra)


@pytest.mark.parametrize("event, status", sorted((e, s) for e, s in STARTS.items()
                                                 if s is not None and e != "published"))
def test_each_kind_of_event_starts_its_status_on_its_own_day(event, status):
    extra = {"chamber": "house"} if event == "passed_chamber" else {}
    rule = _rule(E(event, D(2025, 3, 1), **extra))
    assert _on(rule, D(2025, 2, 28)).status in ("not_yet", "scheduled")
    state = _on(rule, D(2025, 3, 1))                  # the exact day counts
    assert (state.status, state.since) == (status, D(2025, 3, 1))
    assert state.watch == (status in WATCH)


def test_milestones_keep_the_status_they_find():
    rule = _rule(E("in_force", D(2023, 11, 17)), E("amended", D(2025, 1, 15)))
    state = _on(rule, D(2026, 1, 1))
    assert (state.status, state.since, state.step) == ("in_force", D(2023, 11, 17), "amended")


def test_a_suspension_runs_to_its_last_day_and_then_ends_by_default():
    rule = _rule(E("in_force", D(2025, 9, 29)),
                 E("suspended", D(2025, 11, 10), until=D(2026, 11, 9)))
    assert _on(rule, D(2025, 11, 9)).status == "in_force"
    during = _on(rule, D(2026, 11, 9))                     # the last day: still suspended
    assert (during.status, during.since, during.until) == ("suspended", D(2025, 11, 10),
                                                           D(2026, 11, 9))
    after = _on(rule, D(2026, 11, 10))                     # nothing recorded after it
    assert after.status == "suspension_ended" and after.confirm
    assert after.effective == D(2026, 11, 10) and not after.watch
    label = status_label(after)
    assert label["en"] == ("Suspension ended on November 9, 2026: in force again by default "
                           "from November 10, 2026 unless extended: confirm with counsel")
    assert "2026년 11월 10일" in label["ko"] and "2026-11" not in label["ko"]


def test_a_recorded_reimposition_reads_in_force_again():
    rule = _rule(E("in_force", D(2025, 9, 29)),
                 E("suspended", D(2025, 11, 10), until=D(2026, 11, 9)),
                 E("reimposed", D(2026, 11, 10), confirm=True))
    state = _on(rule, D(2026, 12, 3))
    assert (state.status, state.since, state.confirm) == ("in_force", D(2026, 11, 10), True)
    assert status_label(state)["en"] == ("In force again by default since November 10, 2026 "
                                         "(no extension found): confirm with counsel")
    during = _on(rule, D(2026, 6, 1))
    assert during.next == "reimposed" and during.next_on == D(2026, 11, 10)


def test_a_compliance_date_still_to_come_is_shown_with_the_rule_in_force():
    rule = _rule(E("in_force", D(2025, 4, 8)), E("compliance_date", D(2025, 10, 6)))
    before = _on(rule, D(2025, 6, 1))
    assert before.status == "in_force" and before.next == "compliance_date"
    assert status_label(before)["en"] == ("In force since April 8, 2025; compliance date "
                                          "October 6, 2025")
    after = _on(rule, D(2025, 10, 6))
    assert after.compliance == D(2025, 10, 6) and after.next is None
    assert status_label(after)["en"] == ("In force since April 8, 2025; compliance date "
                                         "October 6, 2025")


def test_a_published_rule_is_scheduled_until_it_takes_effect():
    rule = _rule(E("published", D(2023, 10, 25)), E("in_force", D(2023, 11, 17)))
    state = _on(rule, D(2023, 11, 1))
    assert (state.status, state.effective) == ("scheduled", D(2023, 11, 17))
    assert not state.watch                     # a rule that will bind: prepare, not watch
    assert status_label(state)["en"].startswith("Takes effect on November 17, 2023")
    assert _on(rule, D(2023, 11, 17)).status == "in_force"
    assert _on(rule, D(2023, 10, 1)).status == "scheduled"   # nothing yet, effective later


def test_a_proposal_that_takes_effect_moves_from_watch_to_obligation():
    rule = _rule(E("proposed", D(2024, 1, 29)), E("comment_period_closes", D(2024, 4, 29)),
                 E("in_force", D(2027, 3, 1)))
    proposed = _on(rule, D(2024, 3, 1))
    assert proposed.watch and proposed.next == "comment_period_closes"
    closed = _on(rule, D(2026, 12, 3))
    assert closed.status == "proposed" and closed.step == "comment_period_closes"
    assert status_label(closed)["en"] == ("Proposed on January 29, 2024; comment period closed "
                                          "on April 29, 2024; takes effect on March 1, 2027")
    effective = _on(rule, D(2027, 3, 1))
    assert effective.status == "in_force" and not effective.watch


def test_bills_say_their_latest_step():
    rule = _rule(E("introduced"), E("passed_chamber", D(2026, 1, 12), chamber="house"))
    assert status_label(_on(rule, D(2026, 1, 11)))["en"] == "Bill"
    state = _on(rule, D(2026, 2, 1))
    assert state.status == "bill" and state.watch
    assert status_label(state)["en"] == "Bill, passed the House on January 12, 2026"
    committee = _rule(E("introduced", D(2025, 5, 1)), E("committee_approved", D(2026, 3, 26)))
    assert status_label(_on(committee, D(2026, 12, 3)))["en"] == \
        "Bill, approved in committee on March 26, 2026"


def test_lifted_and_not_enforced_rules():
    letters = _rule(E("in_force", D(2025, 5, 23)), E("lifted", D(2025, 7, 2)))
    assert _on(letters, D(2025, 7, 1)).status == "in_force"
    assert status_label(_on(letters, D(2025, 7, 2)))["en"] == "Lifted on July 2, 2025"
    rule = _rule(E("in_force", D(2025, 1, 13)), E("not_enforced", D(2025, 5, 13), confirm=True))
    state = _on(rule, D(2026, 1, 1))
    assert state.watch and state.confirm
    assert status_label(state)["ko"] == "2025년 5월 13일부터 집행 중단: 법률 전문가 확인 필요"


def test_a_part_shares_its_rule_s_timeline():
    whole = _rule(E("in_force", D(2025, 4, 8)), rule_id="dsp")
    part = _rule(rule_id="dsp_part", part_of="dsp")
    rules = {"dsp": whole, "dsp_part": part}
    assert _on(part, D(2025, 5, 1), rules).since == D(2025, 4, 8)


def test_an_undated_long_standing_rule_reads_without_a_date():
    state = _on(_rule(E("in_force")), D(2026, 12, 3))
    assert state.status == "in_force" and state.since is None
    assert status_label(state) == {"ko": "시행 중", "en": "In force"}


def test_labels_never_put_an_iso_date_in_a_sentence():
    rules = [_rule(E("in_force", D(2025, 4, 8)), E("compliance_date", D(2025, 10, 6))),
             _rule(E("suspended", D(2025, 11, 10), until=D(2026, 11, 9))),
             _rule(E("proposed", D(2024, 1, 29)), E("in_force", D(2027, 1, 1)))]
    for rule in rules:
        for day in (D(2025, 6, 1), D(2026, 12, 3)):
            label = status_label(_on(rule, day))
            assert not re.search(r"\d{4}-\d{2}-\d{2}", label["ko"] + label["en"]), label
            assert re.search(r"\d{4}년 \d{1,2}월 \d{1,2}일", label["ko"]), label
