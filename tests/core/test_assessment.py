"""Assessment files: round trip, migration from older pack versions, refusing bad files."""

from __future__ import annotations

import json
import re

import pytest

from wizard.core.assessment import (NO_LONGER_FITS, SCHEMA_VERSION, load_assessment,
                                    new_assessment, save_assessment, set_answer)
from wizard.core.errors import AssessmentError

HANGUL = re.compile("[\uac00-\ud7a3]")


def _file(tmp_path, data, name="a.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _base(**over):
    data = {"format": "ai-trade-readiness-assessment", "schema_version": 1,
            "packs": {"profile": "1.0.0", "chips": "1.0.0"},
            "meta": {"company": "한빛반도체", "assessor": "Kim", "date": "2026-11-23",
                     "language": "ko"},
            "answers": {"profile.activities": ["chips"], "chips.sells": "yes"},
            "notes": {"chips.sells": "price list 2026"},
            "plan": {"apply_licence": {"owner": "Lee", "due": "2026-12-31",
                                       "status": "in_progress", "comment": ""}}}
    data.update(over)
    return data


def test_round_trip_keeps_everything(tmp_path, mini_content):
    loaded = load_assessment(_file(tmp_path, _base()), mini_content)
    assert loaded.dropped == []
    out = tmp_path / "out.json"
    save_assessment(out, loaded.assessment)
    again = load_assessment(out, mini_content).assessment
    assert again == loaded.assessment
    assert again.meta.company == "한빛반도체"
    assert again.plan["apply_licence"].status == "in_progress"


def test_saving_keeps_the_previous_version_as_backup(tmp_path, mini_content):
    path = tmp_path / "a.json"
    first = new_assessment(mini_content)
    save_assessment(path, first)
    second = new_assessment(mini_content)
    set_answer(second, mini_content, "chips.sells", "no")
    save_assessment(path, second)
    assert json.loads((tmp_path / "a.json.bak").read_text())["answers"] == {}
    assert json.loads(path.read_text())["answers"] == {"chips.sells": "no"}


def test_older_pack_version_keeps_known_answers_and_lists_the_rest(tmp_path, mini_content):
    data = _base(packs={"profile": "0.9.0", "chips": "1.0.0"})
    data["answers"]["profile.old_question"] = "yes"
    data["answers"]["profile.activities"] = ["chips", "retired_option"]
    data["notes"]["profile.old_question"] = "old note"
    loaded = load_assessment(_file(tmp_path, data), mini_content)
    assert loaded.assessment.answers == {"chips.sells": "yes"}
    dropped = {d.key: d.reason for d in loaded.dropped}
    assert set(dropped) == {"profile.old_question", "profile.activities"}
    assert "no longer" in dropped["profile.old_question"]
    # the reason is a program string, so the wizard and reports show it in either language
    assert dropped["profile.activities"] == NO_LONGER_FITS


@pytest.mark.parametrize("change,message", [
    (dict(schema_version=SCHEMA_VERSION + 1), "newer version of the program"),
    (dict(format="something-else"), "not an AI Trade Readiness assessment"),
    (dict(schema_version="1"), "schema_version"),
    (dict(answers={"chips.nope": "yes"}), "unknown question 'chips.nope'"),
    (dict(answers={"chips.sells": "maybe"}), "use yes, no or unsure"),
    (dict(answers={"profile.staff": 10**9}), "above the maximum"),
    (dict(meta={"date": "23/11/2026"}), "YYYY-MM-DD"),
    (dict(meta={"language": "fr"}), "meta.language"),
    (dict(plan={"nope": {}}), "unknown action 'nope'"),
    (dict(plan={"apply_licence": {"status": "finished"}}), "plan.apply_licence.status"),
    (dict(answers=["not", "a", "mapping"]), "answers"),
])
def test_bad_content_is_refused_with_a_clear_message(tmp_path, mini_content, change, message):
    with pytest.raises(AssessmentError) as info:
        load_assessment(_file(tmp_path, _base(**change)), mini_content)
    assert message in str(info.value)
    assert "a.json" in str(info.value)


def test_unreadable_files(tmp_path, mini_content):
    cases = {
        "missing.json": None,
        "notjson.json": b"{not json",
        "latin1.json": "{\"meta\": \"caf\xe9\"}".encode("latin-1"),
        "list.json": b"[1, 2]",
        "deep.json": b"[" * 5000 + b"]" * 5000,
    }
    expected = {"missing.json": "no such file", "notjson.json": "not valid JSON (line 1",
                "latin1.json": "not UTF-8", "list.json": "expected a JSON object",
                "deep.json": "nested too deeply"}
    for name, data in cases.items():
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
        with pytest.raises(AssessmentError) as info:
            load_assessment(path, mini_content)
        assert expected[name] in str(info.value), name


def test_a_huge_file_is_refused_before_reading(tmp_path, mini_content):
    path = tmp_path / "big.json"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(AssessmentError, match="50.0 MB"):
        load_assessment(path, mini_content)


@pytest.mark.parametrize("change,english,korean", [
    (dict(schema_version=SCHEMA_VERSION + 1), "newer version of the program", "업데이트"),
    (dict(answers={"profile.staff": 10**9}), "above the maximum", "최댓값"),
    (dict(answers={"chips.sells": "maybe"}), "use yes, no or unsure", "yes, no, unsure"),
    (dict(meta={"date": "23/11/2026"}), "YYYY-MM-DD", "형식의 날짜가 아닙니다"),
    (dict(meta={"company": 7}), "meta.company: must be text", "텍스트여야"),
    (dict(meta={"colour": "red"}), "meta.colour: is not a field", "없는 항목"),
    (dict(plan={"apply_licence": {"status": "finished"}}), "must be one of", "다음 중 하나"),
    (dict(answers={"chips.nope": "yes"}), "unknown question 'chips.nope'", "알 수 없는 문항"),
])
def test_refusals_read_in_korean_too(tmp_path, mini_content, change, english, korean):
    # a Korean user opening a damaged file gets the whole message in Korean; str() stays
    # English (logs, the English interface) and both name the file and the place
    with pytest.raises(AssessmentError) as info:
        load_assessment(_file(tmp_path, _base(**change)), mini_content)
    error = info.value
    assert english in str(error) and english in error.render("en")
    ko = error.render("ko")
    assert korean in ko and "a.json" in ko and HANGUL.search(ko)


def test_unreadable_files_read_in_korean_too(tmp_path, mini_content):
    for name, data, korean in [("missing.json", None, "파일이 없습니다"),
                               ("notjson.json", b"{not json", "올바른 JSON 형식이 아닙니다"),
                               ("latin1.json", b"caf\xe9", "UTF-8 텍스트가 아닙니다")]:
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
        with pytest.raises(AssessmentError) as info:
            load_assessment(path, mini_content)
        assert korean in info.value.render("ko") and name in info.value.render("ko")


def test_the_wizards_edits_follow_the_file_rules(mini_content):
    from wizard.core.assessment import edit_meta, edit_plan, PlanEdit

    meta = new_assessment(mini_content).meta
    assert edit_meta(meta, company="한빛반도체").company == "한빛반도체"
    assert edit_meta(meta, date="").date == ""
    for bad in (dict(date="2026-13-01"), dict(language="fr"), dict(company="x" * 201),
                dict(colour="red")):
        with pytest.raises(AssessmentError):
            edit_meta(meta, **bad)
    assert edit_plan(PlanEdit(), status="done", due="2027-01-31").status == "done"
    for bad in (dict(status="finished"), dict(due="soon"), dict(comment="x" * 2001)):
        with pytest.raises(AssessmentError):
            edit_plan(PlanEdit(), **bad)
