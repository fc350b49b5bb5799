"""``readiness-wizard changes`` and ``compare`` with the content versions assessments record
(run in-process, so that the installed versions can be stood in for by test folders)."""

from __future__ import annotations

import json

import pytest

from tests.core.content_versions import ANSWERS, CURRENT, ID, OLD, make_versions
from wizard import content_store
from wizard.cli import main
from wizard.core.assessment import edit_meta, new_assessment, save_assessment, set_answer
from wizard.core.content import load_content
from wizard.core.content_changes import record


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """Both versions 'installed'; returns (current folder, old folder, OLD file, NEW file)."""
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    current, old = make_versions(tmp_path / "content")
    folders = {(ID, CURRENT): current, (ID, OLD): old}
    monkeypatch.setattr(content_store, "folder_for", lambda cid, ver: folders.get((cid, ver)))
    old_content, new_content = load_content(old), load_content(current)
    first = new_assessment(old_content, "en")
    first.meta = edit_meta(first.meta, company="Hanbit", date="2026-11-23")
    for qid, value in ANSWERS.items():
        set_answer(first, old_content, qid, value)
    old_file = tmp_path / "old.aitr.json"
    save_assessment(old_file, record(old_content, first))
    second = new_assessment(new_content, "en")
    second.meta = edit_meta(second.meta, company="Hanbit", date="2026-12-03")
    for qid, value in ANSWERS.items():
        if qid != "profile.legacy":
            set_answer(second, new_content, qid, value)
    set_answer(second, new_content, "profile.screening", "yes")     # an answer change
    new_file = tmp_path / "new.aitr.json"
    save_assessment(new_file, record(new_content, second))
    return current, old, old_file, new_file


def test_changes_lists_what_changed_in_text_and_json(installed, capsys):
    current, _old, old_file, _new = installed
    assert main(["changes", str(old_file), "--packs", str(current), "--on", "2026-12-04"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("What changed for this company: old.aitr.json")
    assert f"Compared with the installed copy of {ID} {OLD}" in out
    for expected in ("1 new finding", "1 finding no longer applies",
                     "1 finding changed in status", "1 new question to answer",
                     "chips.kyc", "1 answer kept that fits no current question",
                     "profile.legacy"):
        assert expected in out, expected
    assert main(["changes", str(old_file), "--packs", str(current), "--on", "2026-12-04",
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["basis"] == "content" and data["recorded"]["version"] == OLD
    assert [c["id"] for c in data["status_changed"]] == ["hq_licence"]
    assert old_file.read_text(encoding="utf-8").count('"version": "2026.11.01"') == 1


def test_changes_in_korean(installed, capsys, monkeypatch):
    current, _old, old_file, _new = installed
    monkeypatch.setenv("LC_ALL", "ko_KR.UTF-8")
    assert main(["changes", str(old_file), "--packs", str(current), "--on", "2026-12-04"]) == 0
    out = capsys.readouterr().out
    assert "What changed" not in out and "chips.kyc" in out


def test_changes_bad_input_is_a_message_not_a_traceback(installed, capsys, tmp_path):
    current, _old, old_file, _new = installed
    data = json.loads(old_file.read_text(encoding="utf-8"))
    data["content"]["findings"]["hq_licence"] = "repealed"
    damaged = tmp_path / "damaged.aitr.json"
    damaged.write_text(json.dumps(data), encoding="utf-8")
    assert main(["changes", str(damaged), "--packs", str(current)]) == 2
    err = capsys.readouterr().err
    assert "damaged.aitr.json: content.findings.hq_licence" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as info:
        main(["changes", str(old_file), "--on", "next week"])
    assert info.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_compare_uses_the_recorded_versions_when_both_are_installed(installed, capsys):
    _current, _old, old_file, new_file = installed
    assert main(["compare", str(old_file), str(new_file), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert (f"Content used for NEW, and for OLD's answers now: {ID} {CURRENT} (the version "
            "the assessment records, installed)") in out
    assert f"Content used for OLD as it was answered: {ID} {OLD} (the version" in out
    resolved = out.split("## Findings resolved")[1].split("## New findings")[0]
    new = out.split("## New findings")[1].split("## Findings still open")[0]
    # no screening was fixed in the answers; the training gap was retired by the content
    assert "No screening" in resolved and "because of the answers" in resolved
    assert "Training gap" in resolved and "because of the content version" in resolved
    assert "Remote Access Security Act" in new and "because of the content version" in new


def test_compare_explicit_options_win(installed, capsys):
    current, _old, old_file, new_file = installed
    assert main(["compare", str(old_file), str(new_file), "--lang", "en",
                 "--packs", str(current), "--old-packs", str(current)]) == 0
    out = capsys.readouterr().out
    assert "the packs given on the command line" in out
    assert "the version the assessment records" not in out
