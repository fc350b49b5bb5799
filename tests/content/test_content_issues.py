"""What an export-compliance professional expects of the findings for a few precise situations
taken from the examples. Each case was a reported content issue (examples/README.md, "Content
issues"). The fixed ones are ordinary regression tests; a case the content still gets wrong is
marked xfail(strict=True), so that it turns into a failure, as a reminder to update the examples'
expected.yaml and README, once the content is fixed."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from tests.conftest import BUILTIN, EXAMPLES
from wizard.core.assessment import Assessment
from wizard.core.content import load_content
from wizard.core.engine import evaluate
from wizard.core.timeline import state_on

CONTENT = load_content(BUILTIN)
FINDINGS = {info.finding.id: info.finding for info in CONTENT.findings}


def _report(example: str, on=None, **changes):
    data = json.loads((EXAMPLES / f"{example}.json").read_text(encoding="utf-8"))
    answers = {**data["answers"], **changes}
    return evaluate(CONTENT, Assessment(answers=answers), on=on)


def _findings(example: str, **changes) -> set[str]:
    return {f.id for f in _report(example, **changes).findings}


def _question(qid: str):
    return CONTENT.questions[qid].question


# --- content issue 1 (fixed): the DSP programme duty needs restricted transactions ------------

def test_no_dsp_programme_duty_without_restricted_transactions():
    assert "dt_programme_gap" not in _findings("saas_api_provider")


def test_dsp_programme_duty_with_restricted_transactions():
    # the same company with a vendor agreement that is a restricted transaction gets the duty
    assert "dt_programme_gap" in _findings(
        "saas_api_provider", **{"data_transfer.restricted_deals": ["vendor"]})


# --- content issue 2 (fixed): the DSP record duty is a pointer, not an obligation -------------

def test_dsp_record_duty_is_only_information_for_a_data_business():
    found = {f.id: f for f in _report("data_business").findings}
    assert "prog_records_dsp" in found
    assert found["prog_records_dsp"].severity == "info"
    assert FINDINGS["prog_records_dsp"].severity == "info"


# --- content issue 3 (fixed): unknown staff access is raised ----------------------------------

def test_unknown_staff_access_from_countries_of_concern_is_raised():
    found = _findings("data_business")
    reacting = {info.finding.id for info in CONTENT.findings
                if "data_transfer.coc_staff_access" in info.when.references()}
    assert found & reacting
    assert "dt_coc_access_unclear" in found
    # and it goes away once the workers' residence is known
    assert "dt_coc_access_unclear" not in _findings(
        "data_business", **{"data_transfer.coc_staff_access": "no"})


def test_unknown_staff_access_is_explained_in_terms_of_people():
    text = FINDINGS["dt_coc_access_unclear"].explanation
    assert re.search(r"staff|employee|contractor|individual|worker|resident", text.en)
    assert re.search(r"직원|작업자|거주", text.ko)


# --- content issue 4 (fixed): HBM mounted with a GPU is not an HBM deal -----------------------

def test_hbm_question_excludes_hbm_mounted_with_a_gpu():
    text = _question("chips.hbm").text
    assert "as such" in text.en and "GPU" in text.en
    assert "GPU" in text.ko and "제외" in text.ko


def test_a_gpu_server_reseller_gets_no_hbm_finding():
    found = _findings("gpu_cloud_reseller")
    assert not {"chips_hbm_china", "chips_hbm_classify"} & found
    # a company that does sell HBM stacks to the same customers still gets it
    assert "chips_hbm_china" in _findings("gpu_cloud_reseller", **{"chips.hbm": "yes"})


# --- content issue 5 (fixed): unknown parents of server buyers, seen from the cloud side -------

def test_unknown_parents_of_server_buyers_are_raised_by_the_cloud_pack():
    assert "cloud_hardware_transfer_hq_unsure" in _findings("gpu_cloud_reseller")
    # a compute-only GPU trader (no chips area) still gets it
    compute_only = _findings("gpu_cloud_reseller", **{"profile.activities": ["compute_capacity"]})
    assert "cloud_hardware_transfer_hq_unsure" in compute_only
    assert "chips_hq_rule_unsure" not in compute_only


def test_cloud_headquarters_findings_do_not_overlap():
    # a known Chinese parent: the licence finding, not the "do not know" one
    found = _findings("gpu_cloud_reseller", **{"profile.customer_parent_hq": ["CN", "KR", "SG"]})
    assert "cloud_hardware_transfer_hq" in found
    assert "cloud_hardware_transfer_hq_unsure" not in found
    # parents known to be outside D:5 and Macau: neither
    found = _findings("gpu_cloud_reseller", **{"cloud.d5_customers": "no"})
    assert not {"cloud_hardware_transfer_hq", "cloud_hardware_transfer_hq_unsure"} & found


def test_the_cloud_unsure_finding_mirrors_the_chips_one():
    cloud, chips = FINDINGS["cloud_hardware_transfer_hq_unsure"], FINDINGS["chips_hq_rule_unsure"]
    assert cloud.severity == chips.severity == "high"
    assert cloud.rules == chips.rules


# --- content issues 6-11 (fixed) ---------------------------------------------------------------

def _principal(finding_id: str, day=dt.date(2026, 12, 3)):
    finding = FINDINGS[finding_id]
    return state_on(CONTENT.rules[finding.rules[0]], CONTENT.rules, day)


def test_risk_tier_claim_says_confirm_with_counsel():            # issue 6
    state = _principal("api_risk_tier_claim")
    assert state.status == "not_found" and state.confirm is True


def test_compute_record_is_information_not_an_obligation():      # issue 7
    assert FINDINGS["llm_compute_unrecorded"].severity == "info"
    found = {f.id: f for f in _report("ai_startup_llm").findings}
    assert found["llm_compute_unrecorded"].severity == "info"


def test_frontier_weights_question_names_the_threshold():        # issue 8
    text = _question("api.holds_closed_frontier_weights").text
    assert "10^26" in text.en and "10^26" in text.ko
    # neither example that sees the question holds such weights
    for example in ("ai_startup_llm", "system_integrator"):
        assert "api_4e091_model_weights" not in _findings(example)


def test_location_verification_cites_the_action_plan():         # issue 9
    finding = FINDINGS["chips_location_verification_watch"]
    assert "AI Action Plan 2025-07-23" in CONTENT.citations(finding.rules)
    assert _principal("chips_location_verification_watch").status == "discussed"


def test_gain_ai_act_is_dated_by_the_ndaa():                      # issue 10
    finding = FINDINGS["llm_gain_ai_watch"]
    state = _principal("llm_gain_ai_watch")
    assert state.status == "bill" and "2025-12-18" in state.note.en
    assert "2025-11-06" not in finding.explanation.en + finding.explanation.ko


def test_affiliates_rule_label_follows_the_date():                # issue 11, then 13
    during = {f.id: f for f in _report("fabless_chip_designer",
                                       on=dt.date(2026, 6, 1)).findings}
    label = during["prog_affiliates_rule"].status_label
    assert label["en"] == ("Suspended from November 10, 2025 to November 9, 2026; in force "
                           "again from November 10, 2026")
    assert "2026년 11월 9일" in label["ko"]
    after = {f.id: f for f in _report("fabless_chip_designer",
                                      on=dt.date(2026, 12, 3)).findings}
    label = after["prog_affiliates_rule"].status_label
    assert label["en"].startswith("In force again by default since November 10, 2026")
    assert after["prog_affiliates_rule"].confirm is True


def test_what_the_examples_get_right():
    """Cases the content gets right, kept as a guard."""
    # the headquarters rule reaches a Korean subsidiary of a Chinese-headquartered customer
    assert "chips_hq_rule" in _findings("fabless_chip_designer")
    # ...and says "do not know" when the ultimate parents are unknown
    assert {"chips_hq_rule_unsure"} <= _findings("gpu_cloud_reseller")
    assert "chips_hq_rule" not in _findings("gpu_cloud_reseller")
    # Vietnam (D:1) and the UAE (D:4) need licences for 3A090.a / 4A090.a items
    assert "chips_d_group_destinations" in _findings("system_integrator")
    assert "chips_d_group_destinations" in _findings("gpu_cloud_reseller")
    # once the UAE customer is gone, no D-group destination is left
    assert "chips_d_group_destinations" not in _findings(
        "gpu_cloud_reseller", **{"profile.customer_countries": ["KR", "MY", "SG"]})
    # a known Iranian user is critical in both the programme and the API area
    assert {"prog_embargoed_customers", "api_embargoed_users"} <= _findings("saas_api_provider")
    # covered identifiers below 100,000 are not bulk; above are
    assert "dt_bulk_over_threshold" not in _findings("ai_startup_llm")
    assert "dt_bulk_over_threshold" in _findings(
        "ai_startup_llm", **{"data_transfer.n_covered_identifiers": 100_001})
    # a US-invested company with no China links gets investor questions, not an OISP duty
    llm = _findings("ai_startup_llm")
    assert "llm_oisp_investor_questions" in llm
    assert not {"llm_oisp_notifiable", "llm_oisp_prohibited"} & llm
