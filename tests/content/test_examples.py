"""The example assessments in examples/: each loads cleanly, answers only questions that are
shown, and produces exactly the findings, applicable areas and area figures documented in
examples/expected.yaml, which examples/README.md mirrors (one section per example)."""

from __future__ import annotations

import datetime as dt
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
    assert len(files) == 6


@pytest.mark.parametrize("name", NAMES)
def test_example_loads_cleanly(name):
    loaded, report = _load(name)
    assessment = loaded.assessment
    assert loaded.dropped == []
    assert assessment.packs == CONTENT.versions
    assert assessment.meta.date == dt.date(2026, 11, 23).isoformat()
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
