"""Sign-off and company fields of an assessment (registration number, confidentiality
marking, reviewer and approver with dates, the assessment's id) and the migration of files
saved before they existed: older files open unchanged."""

from __future__ import annotations

import copy
import json

import pytest

from tests.conftest import EXAMPLES
from wizard.core.assessment import (SCHEMA_VERSION, edit_meta, legacy_id, load_assessment,
                                    new_assessment, parse_assessment, save_assessment)
from wizard.core.content import load_content
from wizard.core.errors import AssessmentError

V1 = {"format": "ai-trade-readiness-assessment", "schema_version": 1,
      "packs": {"profile": "1.0.0", "chips": "1.0.0"},
      "meta": {"company": "Hanbit Semiconductor", "assessor": "Kim", "date": "2026-11-23",
               "language": "ko"},
      "answers": {"profile.activities": ["chips"], "chips.sells": "yes"},
      "notes": {"chips.sells": "per the price list"},
      "plan": {"apply_licence": {"owner": "Lee", "due": "2026-12-31", "status": "in_progress",
                                 "comment": ""}}}


def _parse(data, content) -> object:
    return parse_assessment(json.dumps(data, ensure_ascii=False).encode("utf-8"), content)


def test_a_schema_1_file_opens_unchanged_with_empty_sign_off_fields(mini_content):
    loaded = _parse(V1, mini_content)
    a = loaded.assessment
    assert loaded.dropped == []
    assert (a.meta.company, a.meta.assessor, a.meta.date, a.meta.language) == \
        ("Hanbit Semiconductor", "Kim", "2026-11-23", "ko")
    assert a.answers == V1["answers"] and a.notes == V1["notes"]
    assert a.plan["apply_licence"].owner == "Lee"
    assert (a.meta.business_number, a.meta.confidentiality, a.meta.reviewer,
            a.meta.review_date, a.meta.approver, a.meta.approval_date) == ("",) * 6
    assert a.schema_version == SCHEMA_VERSION == 3


def test_a_migrated_file_gets_the_same_id_every_time_and_keeps_it_once_saved(mini_content,
                                                                             tmp_path):
    first = _parse(V1, mini_content).assessment
    second = _parse(V1, mini_content).assessment
    assert first.id == second.id == legacy_id(V1["meta"]) and len(first.id) == 32
    other = copy.deepcopy(V1)
    other["meta"]["company"] = "Another Co"
    assert _parse(other, mini_content).assessment.id != first.id
    path = tmp_path / "a.aitr.json"
    path.write_text(json.dumps(V1), encoding="utf-8")
    loaded = load_assessment(path, mini_content).assessment
    loaded.meta = edit_meta(loaded.meta, company="Renamed after the export")
    save_assessment(path, loaded)
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == SCHEMA_VERSION and saved["id"] == first.id
    assert load_assessment(path, mini_content).assessment.id == first.id
    assert json.loads((tmp_path / "a.aitr.json.bak").read_text())["schema_version"] == 1


def test_new_assessments_get_their_own_id(mini_content):
    assert new_assessment(mini_content).id != new_assessment(mini_content).id


def test_sign_off_fields_round_trip(mini_content, tmp_path):
    a = new_assessment(mini_content)
    a.meta = edit_meta(a.meta, business_number="124 81 00998", confidentiality="confidential",
                       reviewer="Park (CCO)", review_date="2026-11-25", approver="Choi (CEO)",
                       approval_date="2026-11-26")
    path = tmp_path / "a.json"
    save_assessment(path, a)
    again = load_assessment(path, mini_content).assessment
    assert again.meta == a.meta and again.meta.business_number == "124-81-00998"
    assert again.id == a.id


@pytest.mark.parametrize("field, value, place", [
    ("business_number", "124-81-00999", "meta.business_number"),
    ("review_date", "2026-13-01", "meta.review_date"),
    ("approval_date", "next week", "meta.approval_date"),
    ("confidentiality", "x" * 61, "meta.confidentiality"),
])
def test_a_damaged_sign_off_field_is_refused_with_its_place(mini_content, field, value, place):
    data = copy.deepcopy(V1)
    data["schema_version"] = 2
    data["meta"][field] = value
    with pytest.raises(AssessmentError) as info:
        _parse(data, mini_content)
    assert place in str(info.value)
    with pytest.raises(AssessmentError):
        edit_meta(new_assessment(mini_content).meta, **{field: value})


def test_a_schema_1_file_with_fields_only_schema_2_knows_is_still_read(mini_content):
    data = copy.deepcopy(V1)
    data["meta"]["reviewer"] = "Park"
    assert _parse(data, mini_content).assessment.meta.reviewer == "Park"


def test_files_of_a_newer_schema_are_refused(mini_content):
    data = dict(V1, schema_version=SCHEMA_VERSION + 1)
    with pytest.raises(AssessmentError, match="newer version"):
        _parse(data, mini_content)


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="no examples")
def test_every_example_saved_before_the_change_opens_and_reports_the_same_meta(tmp_path):
    from wizard.core.engine import evaluate

    content = load_content()
    for path in sorted(EXAMPLES.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert raw["schema_version"] == 1
        loaded = load_assessment(path, content)
        report = evaluate(content, loaded.assessment, loaded.dropped)
        for key, value in raw["meta"].items():
            assert report.meta[key] == value, (path.name, key)
        assert report.assessment_id == legacy_id(raw["meta"])
