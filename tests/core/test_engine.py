"""Engine results for hand-built assessments on the small test packs."""

from __future__ import annotations

import pytest

from wizard.core.assessment import new_assessment, set_answer
from wizard.core.engine import compute_state, evaluate
from wizard.core.errors import AssessmentError


def _assess(content, **answers):
    assessment = new_assessment(content)
    for key, value in answers.items():
        set_answer(assessment, content, key.replace("__", "."), value)
    return assessment


A100 = dict(profile__activities=["chips"], profile__customer_hq=["CN", "SG"],
            chips__sells="yes", chips__tops=312, chips__bits=16, chips__die_area=826)


def test_area_applies_only_when_the_profile_says_so(mini_content):
    report = evaluate(mini_content, _assess(mini_content, profile__activities=["data"]))
    chips = report.area("chips")
    assert not chips.applicable and chips.exposure == "none" and chips.readiness is None
    assert not any(item.area == "chips" for item in report.checklist)
    report = evaluate(mini_content, _assess(mini_content, profile__activities=["chips"]))
    assert report.area("chips").applicable


def test_skip_logic_hides_and_shows_questions(mini_content):
    state = compute_state(mini_content, {"profile.activities": ["chips"], "chips.sells": "no"})
    assert state.is_visible("chips.sells") and not state.is_visible("chips.tops")
    state = compute_state(mini_content, {"profile.activities": ["chips"], "chips.sells": "yes"})
    assert state.is_visible("chips.tops") and state.is_visible("chips.kyc")


def test_hidden_answers_do_not_count(mini_content):
    # tops answered, then sells changed to no: the hidden answer must not trigger anything
    answers = {"profile.activities": ["chips"], "profile.customer_hq": ["CN"],
               "chips.sells": "no", "chips.tops": 312, "chips.bits": 16, "chips.die_area": 826}
    state = compute_state(mini_content, answers)
    assert "chips.chip_class" not in state.values
    assessment = new_assessment(mini_content)
    assessment.answers = answers
    ids = [f.id for f in evaluate(mini_content, assessment).findings]
    assert "hq_licence" not in ids


def test_calculator_feeds_findings_with_because(mini_content):
    report = evaluate(mini_content, _assess(mini_content, **A100))
    finding = next(f for f in report.findings if f.id == "hq_licence")
    assert finding.severity == "critical" and finding.status == "in_force"
    assert finding.citations == ["15 CFR 742.6(a)(6)(iii)(A)", "15 CFR 744.23(a)(3)"]
    because = {b.question: b.answer for b in finding.because}
    assert because == {"profile.customer_hq": ["CN", "SG"], "chips.chip_class": "3A090.a"}
    calc = next(c for c in report.calculations if c.question == "chips.chip_class")
    assert calc.value == "3A090.a" and round(calc.result["en"]["tpp"]) == 4992


def test_because_follows_changed_answers_on_re_evaluation(mini_content):
    # the engine reuses a finding's result while the answers it reads are unchanged; an answer
    # changed to another value, or a list changed in place, must show in the next report
    assessment = _assess(mini_content, **A100)
    first = next(f for f in evaluate(mini_content, assessment).findings if f.id == "hq_licence")
    again = next(f for f in evaluate(mini_content, assessment).findings if f.id == "hq_licence")
    assert again == first
    set_answer(assessment, mini_content, "profile.customer_hq", ["CN", "MO"])
    changed = next(f for f in evaluate(mini_content, assessment).findings
                   if f.id == "hq_licence")
    assert {b.question: b.answer for b in changed.because}["profile.customer_hq"] == ["CN", "MO"]
    assessment.answers["profile.customer_hq"].append("SG")
    grown = next(f for f in evaluate(mini_content, assessment).findings if f.id == "hq_licence")
    assert {b.question: b.answer for b in grown.because}["profile.customer_hq"] == \
        ["CN", "MO", "SG"]
    en = {b.question: b.answer_text["en"] for b in grown.because}["profile.customer_hq"]
    assert "Singapore" in en


def test_headquarters_outside_d5_gives_no_licence_finding(mini_content):
    answers = dict(A100, profile__customer_hq=["SG", "JP"])
    ids = [f.id for f in evaluate(mini_content, _assess(mini_content, **answers)).findings]
    assert "hq_licence" not in ids and "remote_access_watch" in ids


def test_watch_items_do_not_raise_exposure(mini_content):
    answers = dict(A100, profile__customer_hq=["JP"])
    report = evaluate(mini_content, _assess(mini_content, **answers))
    watch = next(f for f in report.findings if f.id == "remote_access_watch")
    assert watch.watch and watch.status == "proposed"
    assert report.area("chips").exposure == "none"
    assert report.findings[-1].id == "remote_access_watch"  # watch items come last


def test_readiness_formula_and_checklist_states(mini_content):
    answers = dict(A100, profile__screening="yes", profile__training="sometimes",
                   chips__kyc="unsure")
    report = evaluate(mini_content, _assess(mini_content, **answers))
    states = {c.question: c.state for c in report.checklist}
    assert states == {"profile.screening": "in_place", "profile.training": "partial",
                      "chips.kyc": "unsure"}
    # (3 x 1 + 1 x 0.5) / 4 = 87.5 -> 88
    assert report.area("programme").readiness == 88
    assert report.area("chips").readiness == 0
    assert [q.question for q in report.unsure] == ["chips.kyc"]


def test_controls_hidden_by_skip_logic_are_not_applicable(mini_content):
    answers = dict(profile__activities=["chips"], chips__sells="no")
    report = evaluate(mini_content, _assess(mini_content, **answers))
    kyc = next(c for c in report.checklist if c.question == "chips.kyc")
    assert kyc.state == "not_applicable"
    assert report.area("chips").readiness is None


def test_action_plan_is_deduplicated_and_ordered(mini_content):
    answers = dict(A100, profile__screening="no")
    report = evaluate(mini_content, _assess(mini_content, **answers))
    ids = [a.id for a in report.actions]
    assert ids == ["apply_licence", "start_screening", "watch_bill"]
    assert [a.priority for a in report.actions] == [1, 2, 3]
    screening = report.actions[1]
    assert screening.findings == ["hq_licence", "no_screening"]
    assert report.actions[-1].watch_only


def test_unanswered_lists_only_visible_questions(mini_content):
    report = evaluate(mini_content, _assess(mini_content, profile__activities=["data"]))
    unanswered = [q.question for q in report.unanswered]
    assert "profile.customer_hq" in unanswered
    assert not any(q.startswith("chips.") for q in unanswered)


def test_same_input_gives_byte_identical_json(mini_content):
    assessment = _assess(mini_content, **A100)
    first = evaluate(mini_content, assessment).to_json()
    second = evaluate(mini_content, assessment).to_json()
    assert first == second
    import json

    data = json.loads(first)
    for key in ("content", "areas", "checklist", "findings", "actions", "unanswered", "unsure"):
        assert key in data
    finding = data["findings"][0]
    assert set(finding) >= {"id", "area", "severity", "title", "citations", "status", "because"}
    action = data["actions"][0]
    assert set(action) >= {"id", "priority", "timeframe", "owner_role", "title", "findings",
                           "citations"}


@pytest.mark.parametrize("qid,value,message", [
    ("chips.sells", "maybe", "use yes, no or unsure"),
    ("profile.activities", ["chips", "none_of_these"], "cannot be combined"),
    ("profile.activities", ["spaceships"], "not an option"),
    ("profile.customer_hq", ["XX1"], "not an ISO 3166"),
    ("profile.staff", -1, "below the minimum 0"),
    ("profile.staff", 2.5, "whole number"),
    ("profile.staff", "ten", "expected a number"),
    ("chips.chip_class", "3A090.a", "computed by the program"),
    ("nope.question", "yes", "unknown question"),
])
def test_set_answer_refuses_bad_values(mini_content, qid, value, message):
    assessment = new_assessment(mini_content)
    with pytest.raises(AssessmentError, match=message):
        set_answer(assessment, mini_content, qid, value)
    assert assessment.answers == {}


def test_evaluation_is_a_function_of_its_inputs_and_leaves_the_content_as_it_was(mini_content):
    """No hidden state: evaluating one company's answers neither changes the content nor
    colours the next evaluation (the engine used to keep results and words in the content)."""
    import pickle

    from wizard.core.content import _build

    before = pickle.dumps((mini_content.packs, [(f.finding, f.reads) for f in
                                                mini_content.findings]))
    first = _assess(mini_content, **A100)
    other = _assess(mini_content, profile__activities=["chips"], chips__sells="yes",
                    chips__tops=100, chips__bits=8, chips__die_area=900)
    evaluate(mini_content, first)
    warm = evaluate(mini_content, other)
    fresh, problems = _build(mini_content.folder)
    assert not problems
    assert warm.to_json() == evaluate(fresh, other).to_json()
    assert pickle.dumps((mini_content.packs, [(f.finding, f.reads) for f in
                                              mini_content.findings])) == before
