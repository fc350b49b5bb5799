"""Assessments remember their content (schema 3's content record), and what changed for a
company under newer content: with the old content installed, without it (the snapshot), and
for files that record nothing (schema 1 and 2)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil

import pytest

from tests.conftest import MINI
from tests.core.content_versions import (ANSWERS, CURRENT, ID, MANIFEST, OLD, make_versions,
                                         replace_once)
from wizard.core.assessment import (SCHEMA_VERSION, edit_meta, load_assessment, new_assessment,
                                    parse_assessment, save_assessment, set_answer)
from wizard.core.content import load_content
from wizard.core.content_changes import changes, record, recorded_content, snapshot
from wizard.core.errors import AssessmentError
from wizard.report.changes import render_text

DAY = dt.date(2026, 12, 4)


@pytest.fixture
def versions(tmp_path):
    current, old = make_versions(tmp_path / "content")
    return load_content(current), load_content(old), current, old


def _answered(content, answers=ANSWERS, date="2026-11-23"):
    assessment = new_assessment(content, "en")
    assessment.meta = edit_meta(assessment.meta, company="Hanbit", date=date)
    for qid, value in answers.items():
        set_answer(assessment, content, qid, value)
    return assessment


def _saved_under_old(versions, tmp_path):
    _current, old, _c, _o = versions
    path = tmp_path / "client.aitr.json"
    save_assessment(path, record(old, _answered(old)))
    return path


def test_a_schema_2_file_opens_unchanged_and_records_nothing(mini_content):
    data = {"format": "ai-trade-readiness-assessment", "schema_version": 2, "id": "a" * 32,
            "meta": {"date": "2026-11-23"}, "answers": {"profile.screening": "no"}}
    loaded = parse_assessment(json.dumps(data).encode(), mini_content)
    assert loaded.assessment.content is None and loaded.dropped == []
    assert loaded.assessment.schema_version == SCHEMA_VERSION == 3
    found = changes(mini_content, loaded.assessment, loaded.dropped, on=DAY)
    assert found.basis == "unknown" and found.empty and found.content_changed
    text = render_text(found, "en")
    assert "does not record which content" in text and "Nothing changed" not in text


def test_the_record_is_written_on_save_and_read_back(versions, tmp_path):
    current, _old, _c, _o = versions
    assessment = _answered(current, {k: v for k, v in ANSWERS.items() if k != "profile.legacy"})
    path = tmp_path / "a.aitr.json"
    save_assessment(path, record(current, assessment))
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["schema_version"] == 3
    assert saved["content"] == {
        "id": ID, "version": CURRENT, "on": "2026-11-23",
        "findings": {"hq_licence": "in_force", "no_screening": "in_force",
                     "remote_access_watch": "proposed"},
        "open": ["profile.staff", "chips.kyc"], "set_aside": []}
    again = load_assessment(path, current).assessment
    assert again.content == snapshot(current, assessment)
    assert changes(current, again, on=dt.date(2026, 11, 23)).empty


def test_what_changed_with_the_old_content_installed(versions, tmp_path):
    current, old, _c, old_dir = versions
    loaded = load_assessment(_saved_under_old(versions, tmp_path), current)
    assert [(d.key, d.value) for d in loaded.dropped] == [("profile.legacy", "yes")]
    found_old = recorded_content(loaded.assessment.content, current,
                                 lambda cid, ver: old_dir if (cid, ver) == (ID, OLD) else None)
    assert found_old is not None and found_old.content_version == OLD
    found = changes(current, loaded.assessment, loaded.dropped, on=DAY, old_content=found_old)
    assert found.basis == "content" and found.content_changed
    assert [c.id for c in found.new] == ["remote_access_watch"]
    assert found.new[0].after.status == "proposed" and found.new[0].before is None
    assert [c.id for c in found.resolved] == ["training_gap"]
    assert found.resolved[0].title["en"] == "Training gap"       # from the old content
    [moved] = found.status_changed
    assert (moved.id, moved.before.status, moved.after.status) == \
        ("hq_licence", "suspended", "in_force")
    assert moved.before.label["en"] == "Suspended from June 1, 2026"
    assert [q.qid for q in found.new_questions] == ["chips.kyc"]
    assert [(k.key, k.value) for k in found.kept] == [("profile.legacy", "yes")]
    text = render_text(found, "en")
    assert "Suspended from June 1, 2026 \u2192 In force since January 15, 2025" in text
    ko = render_text(found, "ko")
    assert "\uc720\uc608" in ko and "What changed" not in ko      # Korean status words


def test_what_changed_from_the_snapshot_when_the_old_content_is_not_installed(versions,
                                                                              tmp_path):
    current, _old, _c, _o = versions
    loaded = load_assessment(_saved_under_old(versions, tmp_path), current)
    assert recorded_content(loaded.assessment.content, current, lambda cid, ver: None) is None
    found = changes(current, loaded.assessment, loaded.dropped, on=DAY)
    assert found.basis == "snapshot"
    assert [c.id for c in found.new] == ["remote_access_watch"]
    assert [c.id for c in found.resolved] == ["training_gap"]
    assert found.resolved[0].title == {}                 # retired: only its id is known
    assert [(c.before.status, c.after.status) for c in found.status_changed] == \
        [("suspended", "in_force")]
    assert [q.qid for q in found.new_questions] == ["chips.kyc"]
    text = render_text(found, "en")
    assert "not installed: compared with the summary" in text
    assert "Suspended (on November 23, 2026) \u2192 In force" in text
    assert "training_gap: was: Guidance (on November 23, 2026); no longer in the content" in text
    data = json.loads(json.dumps(found.as_dict()))
    assert data["recorded"] == {"id": ID, "version": OLD, "on": "2026-11-23"}
    assert data["status_changed"][0]["after"]["status"] == "in_force"


def test_an_answer_to_a_removed_question_is_kept_through_saves(versions, tmp_path):
    current, _old, _c, _o = versions
    path = _saved_under_old(versions, tmp_path)
    loaded = load_assessment(path, current)
    set_answer(loaded.assessment, current, "chips.kyc", "yes")
    save_assessment(path, record(current, loaded.assessment, loaded.dropped))
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["answers"]["profile.legacy"] == "yes"
    assert saved["content"]["version"] == CURRENT
    assert saved["content"]["set_aside"] == ["profile.legacy"]
    # read again under the same content: set aside again, not refused; nothing new to tell
    again = load_assessment(path, current)
    assert [d.key for d in again.dropped] == ["profile.legacy"]
    found = changes(current, again.assessment, again.dropped, on=dt.date(2026, 11, 23))
    assert found.basis == "snapshot" and not found.content_changed
    assert not (found.new or found.resolved or found.status_changed or found.new_questions)
    assert [k.key for k in found.kept] == ["profile.legacy"]
    # and a second save keeps it still
    save_assessment(path, record(current, again.assessment, again.dropped))
    assert json.loads(path.read_text(encoding="utf-8"))["answers"]["profile.legacy"] == "yes"


def test_a_hand_typed_unknown_answer_is_still_refused(versions, tmp_path):
    current, _old, _c, _o = versions
    path = tmp_path / "a.aitr.json"
    save_assessment(path, record(current, _answered(current, {"profile.screening": "no"})))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["answers"]["profile.screeening"] = "no"
    with pytest.raises(AssessmentError, match="unknown question 'profile.screeening'"):
        parse_assessment(json.dumps(data).encode(), current, "a.aitr.json")


def test_a_day_later_a_suspension_that_ended_shows_as_a_status_change(tmp_path):
    # same content; the registry says the rule was suspended until a day now past
    folder = tmp_path / "packs"
    shutil.copytree(MINI, folder)
    (folder / "content.yaml").write_text(MANIFEST.format(id=ID, version=CURRENT), "utf-8")
    replace_once(folder / "rules.yaml",
                 "      - {date: 2025-01-15, event: in_force}\n  - id: entity_list",
                 "      - {date: 2025-01-15, event: in_force}\n"
                 "      - {date: 2026-06-01, event: suspended, until: 2026-11-30}\n"
                 "  - id: entity_list")
    content = load_content(folder)
    assessment = record(content, _answered(content, {k: v for k, v in ANSWERS.items()
                                                     if k != "profile.legacy"}))
    assert assessment.content.findings["hq_licence"] == "suspended"
    found = changes(content, assessment, on=DAY)
    assert not found.content_changed
    [moved] = found.status_changed
    assert (moved.before.status, moved.after.status) == ("suspended", "suspension_ended")
    assert "The content is the same" in render_text(found, "en")


@pytest.mark.parametrize("record_, place", [
    ("not a record", "content"),
    ({"id": 5}, "content.id"),
    ({"findings": {"hq_licence": "repealed"}}, "content.findings.hq_licence"),
    ({"on": "yesterday"}, "content.on"),
    ({"open": "chips.kyc"}, "content.open"),
    ({"surprise": 1}, "content.surprise"),
])
def test_a_damaged_content_record_is_refused_with_its_place(mini_content, record_, place):
    data = {"format": "ai-trade-readiness-assessment", "schema_version": 3, "id": "a" * 32,
            "content": record_}
    with pytest.raises(AssessmentError) as info:
        parse_assessment(json.dumps(data).encode(), mini_content, "x.aitr.json")
    message = str(info.value)
    assert message.startswith("x.aitr.json: ") and place in message
    assert "Traceback" not in message


def test_a_content_record_with_too_many_entries_is_refused_early(mini_content):
    data = {"format": "ai-trade-readiness-assessment", "schema_version": 3,
            "content": {"open": [f"q{i}" for i in range(2001)]}}
    with pytest.raises(AssessmentError, match="content.open"):
        parse_assessment(json.dumps(data).encode(), mini_content, "x.aitr.json")


def test_an_unknown_recorded_version_falls_back_to_the_snapshot(versions, tmp_path):
    current, _old, current_dir, _o = versions
    path = _saved_under_old(versions, tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["content"]["version"] = "1999.01.01"
    loaded = parse_assessment(json.dumps(data).encode(), current)
    # an installed folder that names itself otherwise does not count as that version
    assert recorded_content(loaded.assessment.content, current,
                            lambda cid, ver: current_dir) is None
    found = changes(current, loaded.assessment, loaded.dropped, on=DAY)
    assert found.basis == "snapshot" and "1999.01.01" in render_text(found, "en")


def test_a_newer_schema_still_refused(mini_content):
    data = {"format": "ai-trade-readiness-assessment", "schema_version": 4}
    with pytest.raises(AssessmentError, match="newer version"):
        parse_assessment(json.dumps(copy.deepcopy(data)).encode(), mini_content)
