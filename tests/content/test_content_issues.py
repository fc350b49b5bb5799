"""What an export-compliance professional expects of the findings for a few precise situations
taken from the examples. Each case that the current content gets wrong is a reported content issue
(examples/README.md, "Content issues"), marked xfail(strict=True): it turns into a failure, as a
reminder to update the examples' expected.yaml and README, once the content is fixed."""

from __future__ import annotations

import json

import pytest

from tests.conftest import BUILTIN, EXAMPLES
from wizard.core.assessment import Assessment
from wizard.core.content import load_content
from wizard.core.engine import evaluate

CONTENT = load_content(BUILTIN)


def _findings(example: str, **changes) -> set[str]:
    data = json.loads((EXAMPLES / f"{example}.json").read_text(encoding="utf-8"))
    answers = {**data["answers"], **changes}
    report = evaluate(CONTENT, Assessment(answers=answers))
    return {f.id for f in report.findings}


@pytest.mark.xfail(strict=True, reason="content issue 1: data_transfer.yaml dt_programme_gap "
                   "fires without restricted transactions (28 CFR 202.1001 binds US persons "
                   "engaged in restricted transactions only)")
def test_no_dsp_programme_duty_without_restricted_transactions():
    assert "dt_programme_gap" not in _findings("saas_api_provider")


@pytest.mark.xfail(strict=True, reason="content issue 2: profile.yaml prog_records_dsp asserts "
                   "the DSP ten-year record duty for every data business, restricted "
                   "transactions or not")
def test_no_dsp_record_duty_for_a_data_business_without_restricted_transactions():
    assert "prog_records_dsp" not in _findings("data_business")


@pytest.mark.xfail(strict=True, reason="content issue 3: data_transfer.yaml has no finding for "
                   "coc_staff_access == 'unsure'")
def test_unknown_staff_access_from_countries_of_concern_is_raised():
    found = _findings("data_business")
    reacting = {info.finding.id for info in CONTENT.findings
                if "data_transfer.coc_staff_access" in info.when.references()}
    assert found & reacting


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
