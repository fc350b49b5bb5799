"""Evidence in the core: attach (copied once by content), references, remove and sweep (a file
goes only after a save without it, and never while another item uses it), check (present,
missing, altered), moving the assessment with its folder, Save As carrying the files, hostile
records in a file refused with the place and the reason, and schema 2 files unchanged."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil

import pytest

from tests.report.conftest import MINI_ASSESSMENT, write_assessment
from wizard.core import evidence
from wizard.core.assessment import (SCHEMA_VERSION, load_assessment, parse_assessment,
                                    save_assessment)
from wizard.core.engine import evaluate
from wizard.core.errors import AssessmentError, InputError
from wizard.core.evidence import EvidenceItem, folder_for

Q = "question:chips.sells"
A = "action:apply_licence"
DAY = dt.date(2026, 12, 4)

def _edit(path, data: bytes) -> None:
    """Someone edits a stored copy (stored read-only, as a careful user would find it)."""
    path.chmod(0o600)
    path.write_bytes(data)



@pytest.fixture
def saved(tmp_path, mini_content):
    (tmp_path / "clients").mkdir()
    path = write_assessment(tmp_path / "clients", dict(MINI_ASSESSMENT), "hanbit.aitr.json")
    return path, load_assessment(path, mini_content).assessment


def _file(tmp_path, name="memo.pdf", data=b"%PDF-1.7 classification memo"):
    source = tmp_path / "desk" / name
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(data)
    return source


def test_attach_copies_once_by_content_and_records_it(saved, tmp_path):
    path, assessment = saved
    source = _file(tmp_path)
    first = evidence.attach(assessment, path, Q, source, "signed", today=DAY)
    again = evidence.attach(assessment, path, A, source, today=DAY)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert first == EvidenceItem("file", "memo.pdf", 28, digest, "", "signed", "2026-12-04")
    assert again.sha256 == digest
    stored = list(folder_for(path).iterdir())
    assert stored == [path.parent / "hanbit.aitr.evidence" / f"{digest}.pdf"]
    assert source.read_bytes() == stored[0].read_bytes()       # the original is untouched
    assert [c.status for c in evidence.check(assessment, path)] == ["present", "present"]


def test_reference_needs_no_folder_and_files_need_a_saved_assessment(mini_content, tmp_path):
    from wizard.core.assessment import new_assessment

    assessment = new_assessment(mini_content)
    item = evidence.add_reference(assessment, A, "  CM-2026-014, binder 3 ", today=DAY)
    assert item.reference == "CM-2026-014, binder 3" and item.kind == "reference"
    with pytest.raises(InputError, match="save it first"):
        evidence.attach(assessment, None, Q, _file(tmp_path))
    with pytest.raises(InputError, match="reference is empty"):
        evidence.add_reference(assessment, A, "   ")
    with pytest.raises(InputError, match='"question:<id>" or "action:<id>"'):
        evidence.add_reference(assessment, "finding:x", "DOC-1")
    assert [c.status for c in evidence.check(assessment, None)] == ["reference"]


def test_remove_deletes_the_file_only_after_a_save_and_when_unused(saved, tmp_path):
    path, assessment = saved
    source = _file(tmp_path)
    evidence.attach(assessment, path, Q, source)
    evidence.attach(assessment, path, A, source)
    save_assessment(path, assessment)
    stored = folder_for(path) / assessment.evidence[Q][0].stored_name()
    removed = evidence.remove(assessment, Q, 1)
    assert Q not in assessment.evidence and stored.exists()
    save_assessment(path, assessment)
    assert evidence.sweep(path, assessment, [removed]) == []    # the action still uses it
    assert stored.exists()
    removed = evidence.remove(assessment, A, 1)
    save_assessment(path, assessment)
    assert evidence.sweep(path, assessment, [removed]) == [stored]
    assert not stored.exists() and source.exists()
    with pytest.raises(InputError, match="has no evidence item 1"):
        evidence.remove(assessment, A, 1)


def test_missing_and_altered_are_found_and_the_report_shows_them(saved, tmp_path,
                                                                  mini_content):
    path, assessment = saved
    evidence.attach(assessment, path, Q, _file(tmp_path, "a.pdf", b"one"))
    evidence.attach(assessment, path, A, _file(tmp_path, "b.xlsx", b"two"))
    evidence.add_reference(assessment, A, "DOC-7")
    save_assessment(path, assessment)
    folder = folder_for(path)
    (folder / assessment.evidence[Q][0].stored_name()).unlink()
    _edit(folder / assessment.evidence[A][0].stored_name(), b"TWO")
    checked = evidence.check(assessment, path)
    assert [(c.key, c.status) for c in checked] == [(A, "altered"), (A, "reference"),
                                                   (Q, "missing")]
    report = evaluate(mini_content, assessment, evidence_checked=checked)
    rows = [(e.target, e.id, e.status, e.sha256) for e in report.evidence]
    assert rows[0] == ("question", "chips.sells", "missing",
                       hashlib.sha256(b"one").hexdigest())
    assert rows[1][:3] == ("action", "apply_licence", "altered")
    assert report.to_dict()["evidence"][0]["title"]["en"] == "Do you sell advanced chips?"


def test_moving_the_assessment_with_its_folder_keeps_it_working(saved, tmp_path,
                                                                 mini_content):
    path, assessment = saved
    evidence.attach(assessment, path, Q, _file(tmp_path))
    save_assessment(path, assessment)
    moved = tmp_path / "archive" / "2026"
    shutil.move(str(path.parent), str(moved))
    loaded = load_assessment(moved / path.name, mini_content).assessment
    assert [c.status for c in evidence.check(loaded, moved / path.name)] == ["present"]
    # without its folder the file is missing, and nothing fails
    lonely = tmp_path / "lonely.aitr.json"
    shutil.copy(moved / path.name, lonely)
    assert [c.status for c in evidence.check(loaded, lonely)] == ["missing"]


def test_a_stored_copy_is_read_only_and_an_edited_one_is_set_aside_never_replaced(saved,
                                                                                  tmp_path):
    path, assessment = saved
    source = _file(tmp_path)
    evidence.attach(assessment, path, Q, source)
    stored = folder_for(path) / assessment.evidence[Q][0].stored_name()
    if evidence._READ_ONLY:
        assert stored.stat().st_mode & 0o777 == 0o400
    _edit(stored, b"edited in place")
    evidence.attach(assessment, path, A, source)               # the same file again
    assert stored.read_bytes() == source.read_bytes()
    aside = [p for p in folder_for(path).iterdir() if ".altered-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == b"edited in place"
    # removing an item whose copy was edited leaves the edited file where it is
    _edit(stored, b"edited again")
    removed = [evidence.remove(assessment, Q, 1), evidence.remove(assessment, A, 1)]
    save_assessment(path, assessment)
    assert evidence.sweep(path, assessment, removed) == [] and stored.exists()


def test_save_as_carries_the_files(saved, tmp_path):
    path, assessment = saved
    evidence.attach(assessment, path, Q, _file(tmp_path))
    other = tmp_path / "copy.aitr.json"
    save_assessment(other, assessment)
    assert evidence.carry(path, other, assessment) == []
    assert [c.status for c in evidence.check(assessment, other)] == ["present"]
    assert any(folder_for(path).iterdir())                       # the old folder stays


def test_limits(saved, tmp_path, monkeypatch):
    path, assessment = saved
    monkeypatch.setattr(evidence, "MAX_FILE_BYTES", 10)
    with pytest.raises(InputError, match="at most 0 MB"):
        evidence.attach(assessment, path, Q, _file(tmp_path, data=b"x" * 11))
    assert not any(folder_for(path).glob("*.pdf")) and Q not in assessment.evidence
    monkeypatch.undo()
    with pytest.raises(InputError, match="no such file"):
        evidence.attach(assessment, path, Q, tmp_path / "nope.pdf")
    with pytest.raises(InputError, match="not an ordinary file"):
        evidence.attach(assessment, path, Q, tmp_path)
    with pytest.raises(InputError, match="longer than 200 characters"):
        evidence.attach(assessment, path, Q, _file(tmp_path, "n" * 201 + ".pdf"))
    for n in range(evidence.MAX_ITEMS):
        evidence.add_reference(assessment, Q, f"DOC-{n}")
    with pytest.raises(InputError, match="already has 20 evidence items"):
        evidence.add_reference(assessment, Q, "one more")


GOOD_FILE = {"kind": "file", "name": "memo.pdf", "size": 3, "sha256": "a" * 64,
             "reference": "", "note": "", "added": "2026-12-04"}


@pytest.mark.parametrize("evidence_field, message", [
    ({Q: [dict(GOOD_FILE, name="../../etc/passwd")]}, "contains a path separator"),
    ({Q: [dict(GOOD_FILE, name="a\\b.pdf")]}, "contains a path separator"),
    ({Q: [dict(GOOD_FILE, name="..")]}, 'or is "." or ".."'),
    ({Q: [dict(GOOD_FILE, name="a\x00b")]}, "control character"),
    ({Q: [dict(GOOD_FILE, sha256="A" * 64)]}, "64 lower-case hexadecimal digits"),
    ({Q: [dict(GOOD_FILE, sha256="a" * 63)]}, "64 lower-case hexadecimal digits"),
    ({Q: [dict(GOOD_FILE, size=-1)]}, "whole number from 0 to"),
    ({Q: [dict(GOOD_FILE, size=10**12)]}, "whole number from 0 to"),
    ({Q: [dict(GOOD_FILE, added="yesterday")]}, "not a date"),
    ({Q: [dict(GOOD_FILE, reference="DOC-1")]}, "a file item has a name"),
    ({Q: [dict(GOOD_FILE, kind="reference")]}, "a reference item has a reference"),
    ({Q: [dict(GOOD_FILE, kind="link")]}, "must be one of"),
    ({Q: [dict(GOOD_FILE, path="/etc/passwd")]}, "is not a field"),
    ({"chips.sells": [GOOD_FILE]}, '"question:<id>" or "action:<id>"'),
    ({"question:" + "x" * 65: [GOOD_FILE]}, '"question:<id>" or "action:<id>"'),
    ({Q: [GOOD_FILE] * 21}, "has 21 evidence items; at most 20"),
    ({Q: GOOD_FILE}, "must be"),
    ([GOOD_FILE], "must be a JSON object"),
])
def test_hostile_records_are_refused_with_place_and_reason(mini_content, evidence_field,
                                                           message):
    data = dict(MINI_ASSESSMENT, schema_version=3, evidence=evidence_field)
    with pytest.raises(AssessmentError, match="evidence") as caught:
        parse_assessment(json.dumps(data).encode(), mini_content, "hanbit.json")
    assert message in str(caught.value)
    assert str(caught.value).startswith("hanbit.json: ")
    assert caught.value.render("ko") != ""


def test_too_many_keys_refused_before_validation(mini_content):
    keys = {f"question:q{n}": [] for n in range(evidence.MAX_KEYS + 1)}
    data = dict(MINI_ASSESSMENT, schema_version=3, evidence=keys)
    with pytest.raises(AssessmentError, match='"evidence" has 2,001 entries'):
        parse_assessment(json.dumps(data).encode(), mini_content, "x.json")


def test_schema_2_opens_unchanged_and_evidence_round_trips(mini_content, tmp_path):
    data = dict(MINI_ASSESSMENT, schema_version=2, id="f" * 32)
    loaded = parse_assessment(json.dumps(data).encode(), mini_content).assessment
    assert loaded.evidence == {} and loaded.schema_version == SCHEMA_VERSION == 3
    data = dict(MINI_ASSESSMENT, schema_version=3, evidence={Q: [GOOD_FILE]})
    loaded = parse_assessment(json.dumps(data).encode(), mini_content).assessment
    assert loaded.evidence[Q][0].stored_name() == "a" * 64 + ".pdf"
    again = parse_assessment(loaded.to_json().encode(), mini_content).assessment
    assert again.evidence == loaded.evidence
    # evidence on a question the content no longer has is kept, never dropped
    data = dict(MINI_ASSESSMENT, evidence={"question:chips.retired": [GOOD_FILE]})
    kept = parse_assessment(json.dumps(data).encode(), mini_content).assessment
    assert "question:chips.retired" in json.loads(kept.to_json())["evidence"]
    report = evaluate(mini_content, kept)
    assert report.evidence[0].title is None and report.evidence[0].status == "missing"


def test_extension_and_size_words():
    assert evidence.extension("Memo.PDF") == ".pdf"
    assert evidence.extension("archive.tar.gz") == ".gz"
    assert evidence.extension("no-extension") == ""
    assert evidence.extension("weird.ext with space") == ""
    assert evidence.size_text(512) == "512 B"
    assert evidence.size_text(50_000) == "48.8 KB"
    assert evidence.size_text(5 * 2**20) == "5.0 MB"
