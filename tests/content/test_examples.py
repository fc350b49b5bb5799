"""The example assessments in examples/: each loads cleanly, answers only questions that are
shown, and produces exactly the findings, applicable areas, area figures and number of
obligations documented in examples/expected.yaml, which examples/README.md mirrors (one section
per example, and the before/after obligation counts of content round 2 in its summary table).
No report lists the same risk twice: two findings never share their principal rule and advice."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
import yaml

from tests.conftest import BUILTIN, EXAMPLES
from wizard.core.answers import check_answer
from wizard.core.assessment import load_assessment
from wizard.core.content import load_content
from wizard.core.engine import compute_state, evaluate

CONTENT = load_content(BUILTIN)
EXPECTED = yaml.safe_load((EXAMPLES / "expected.yaml").read_text(encoding="utf-8"))
README = (EXAMPLES / "README.md").read_text(encoding="utf-8")
NAMES = sorted(EXPECTED)
FINDING_IDS = {info.finding.id for info in CONTENT.findings}


def _load(name: str):
    loaded = load_assessment(EXAMPLES / f"{name}.json", CONTENT)
    report = evaluate(CONTENT, loaded.assessment, loaded.dropped)
    return loaded, report


def _section(name: str) -> str:
    match = re.search(rf"^## `{re.escape(name)}\.json`$(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"examples/README.md has no section '## `{name}.json`'"
    return match.group(1)


def test_every_example_file_is_documented():
    files = sorted(p.stem for p in EXAMPLES.glob("*.json"))
    assert files == NAMES
    assert len(files) == 10


@pytest.mark.parametrize("name", NAMES)
def test_example_loads_cleanly(name):
    loaded, report = _load(name)
    assessment = loaded.assessment
    assert loaded.dropped == []
    assert assessment.packs == CONTENT.versions
    assert assessment.meta.date == dt.date(2026, 12, 3).isoformat()
    assert assessment.meta.company and assessment.meta.assessor
    state = compute_state(CONTENT, assessment.answers)
    hidden = [qid for qid in assessment.answers if not state.is_visible(qid)]
    assert hidden == [], f"answers to questions that are not shown: {hidden}"
    for qid, value in assessment.answers.items():   # stored as the program would save it
        assert check_answer(CONTENT.questions[qid].question, value, qid) == value, qid
    assert [n for n in assessment.notes if not state.is_visible(n)] == []
    assert [u.question for u in report.unanswered] == EXPECTED[name]["unanswered"]
    assert [c.question for c in report.calculations if c.error] == []
    actions = {a.id for a in report.actions}
    assert set(assessment.plan) <= actions, "plan edits for actions the report does not list"
    assert assessment.plan and assessment.notes


@pytest.mark.parametrize("name", NAMES)
def test_example_produces_the_documented_findings(name):
    _, report = _load(name)
    expected = EXPECTED[name]
    assert sorted(f.id for f in report.findings) == expected["findings"]
    assert sorted(a.id for a in report.areas if a.applicable) == expected["areas"]
    assert {a.id: a.exposure for a in report.areas if a.applicable} == expected["exposure"]
    assert {a.id: a.readiness for a in report.areas if a.applicable} == expected["readiness"]


@pytest.mark.parametrize("name", NAMES)
def test_readme_mirrors_the_expected_findings(name):
    section = _section(name)
    rows = re.findall(r"^\| `([a-z0-9_]+)` \|", section, re.M)
    assert sorted(r for r in rows if r in FINDING_IDS) == EXPECTED[name]["findings"]
    for area, exposure in EXPECTED[name]["exposure"].items():
        readiness = EXPECTED[name]["readiness"][area]
        shown = "—" if readiness is None else str(readiness)
        assert f"| `{area}` | yes | {exposure} | {shown} |" in section, area
    for qid in EXPECTED[name]["unanswered"]:
        assert f"`{qid}`" in section


def test_the_examples_vary():
    """Demo data should show both weak and strong programmes, unsure answers and both
    languages."""
    reports = {name: _load(name) for name in NAMES}
    readiness = [r.areas[0].readiness for _, r in reports.values()]   # the programme area
    assert min(readiness) < 30 and max(readiness) > 90
    assert all(loaded.assessment.meta.language in ("ko", "en") for loaded, _ in reports.values())
    assert {loaded.assessment.meta.language for loaded, _ in reports.values()} == {"ko", "en"}
    assert sum(bool(r.unsure) for _, r in reports.values()) >= 4


def _obligations(report) -> int:
    return sum(1 for f in report.findings if not f.watch and f.severity != "info")


@pytest.mark.parametrize("name", NAMES)
def test_no_risk_is_reported_twice(name):
    """One finding per risk: no two findings of a report rest on the same principal rule (the
    rule that sets their status) and share advice (an action)."""
    _, report = _load(name)
    twice = [(a.id, b.id) for a, b in itertools.combinations(report.findings, 2)
             if a.rules[0].id == b.rules[0].id and set(a.actions) & set(b.actions)]
    assert twice == []


@pytest.mark.parametrize("name", NAMES)
def test_obligation_counts_before_and_after_are_reported(name):
    _, report = _load(name)
    counts = EXPECTED[name]["obligations"]
    assert _obligations(report) == counts["after"]
    row = next(line for line in README.splitlines() if line.startswith(f"| [`{name}.json`]"))
    before = "new" if counts["before"] is None else str(counts["before"])
    assert f"| {before} → {counts['after']} |" in row, row


def test_every_kind_of_company_is_represented():
    """The examples added in content round 2 each reach the risks of their kind of company."""
    found = {name: set(EXPECTED[name]["findings"]) for name in NAMES}
    assert "chips_eda_defence_users" in found["eda_ip_reseller"]
    assert {"chips_hbm_china", "chips_veu_revoked", "chips_rare_earths"} <= found["hbm_packager"]
    assert {"dt_minority_investor", "dt_combined_data", "dt_clause_only",
            "llm_coins_act_watch"} <= found["data_labelling_minority_investor"]
    assert {"llm_eu_gpai", "llm_eu_representative", "dt_bulk_over_threshold",
            "prog_kr_tech_transfer"} <= found["model_developer_eu_us"]
