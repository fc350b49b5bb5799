"""The quick reader a client library uses gives exactly what the full reader gives: the same
assessment, or the same refusal in the same words, for good files and every kind of bad one."""

from __future__ import annotations

import json

import pytest

from wizard.core.assessment import SCHEMA_VERSION, parse_assessment
from wizard.core.quick_read import AnswerChecks, read_quickly
from wizard.core.content import load_content
from wizard.core.errors import AssessmentError

from tests.conftest import EXAMPLES

BASE = json.loads((EXAMPLES / "hbm_packager.json").read_text(encoding="utf-8"))

SAVED_SCHEMA = f'"schema_version": {SCHEMA_VERSION}'


@pytest.fixture(scope="module")
def content():
    return load_content()


def _saved(content) -> str:
    """The example as the program saves it today: with its content record and evidence."""
    from wizard.core.content_changes import record

    loaded = parse_assessment((EXAMPLES / "hbm_packager.json").read_bytes(), content)
    data = json.loads(record(content, loaded.assessment).to_json())
    question = next(iter(data["answers"]))
    data["evidence"] = {f"question:{question}": [
        {"kind": "file", "name": "memo: classification.pdf", "size": 1200, "sha256": "ab" * 32,
         "reference": "", "note": "signed: CCO", "added": "2026-12-04"},
        {"kind": "reference", "name": "", "size": 0, "sha256": "",
         "reference": "CM-2026-014: binder 3", "note": "", "added": "2026-12-04"}]}
    return json.dumps(data, ensure_ascii=False, indent=2)


def _variants(content) -> dict[str, bytes]:
    saved = _saved(content)
    data = json.loads(saved)

    def with_(**changes) -> bytes:
        changed = json.loads(saved)
        for path, value in changes.items():
            target = changed
            *parents, last = path.split("__")
            for part in parents:
                target = target[part]
            target[last] = value
        return json.dumps(changed, ensure_ascii=False, indent=2).encode("utf-8")

    first = next(iter(data["answers"]))
    return {
        "saved": saved.encode("utf-8"),
        "example (schema 1)": (EXAMPLES / "hbm_packager.json").read_bytes(),
        "compact": json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
        "spaced colons": saved.replace('": ', '" : ').encode("utf-8"),
        "bom": b"\xef\xbb\xbf" + saved.encode("utf-8"),
        "duplicate key": saved.replace('"company":', '"company": "X",\n    "company":',
                                       1).encode("utf-8"),
        "duplicate key, spaced": saved.replace('"company":', '"company" : "X",\n "company":',
                                               1).encode("utf-8"),
        "colon in a note": with_(notes={first: "see memo: line 2"}),
        "quoted colon in a note": with_(notes={first: 'see "memo": line 2'}),
        "schema as text": saved.replace(SAVED_SCHEMA, '"schema_version": "2"')
        .encode("utf-8"),
        "schema as true": saved.replace(SAVED_SCHEMA, '"schema_version": true')
        .encode("utf-8"),
        "schema 3.0": saved.replace(SAVED_SCHEMA, '"schema_version": 3.0')
        .encode("utf-8"),
        "newer schema": with_(schema_version=SCHEMA_VERSION + 1),
        "no format": saved.replace('"format": "ai-trade-readiness-assessment",', '')
        .encode("utf-8"),
        "other format": with_(format="something-else"),
        "unknown field": with_(extra=1),
        "unknown question": with_(answers={**data["answers"], "profile.nothing": "yes"}),
        "bad option": with_(answers={**data["answers"], "profile.size": "huge"}),
        "answer as true": with_(answers={**data["answers"], "profile.size": True}),
        "answer as null": with_(answers={**data["answers"], "profile.size": None}),
        "list of numbers": with_(answers={**data["answers"],
                                          "profile.customer_countries": [1, 2]}),
        "unsorted list": with_(answers={**data["answers"],
                                        "profile.customer_countries": ["US", "CN", "CN"]}),
        "long text": with_(meta__assessor="x" * 6000),
        "bad date": with_(meta__date="2026-13-01"),
        "bad plan status": with_(plan={"chips_hbm_check": {"status": "maybe"}}),
        "unknown action": with_(plan={"nothing": {"status": "open"}}),
        "older packs": with_(packs={**data["packs"], "profile": "0.1.0"},
                             answers={**data["answers"], "profile.gone": "yes"}),
        "surrogate": saved.replace('"company": "', '"company": "\\ud800', 1).encode("utf-8"),
        "escaped text": saved.replace('"company": "', '"company": "\\u0041', 1).encode("utf-8"),
        "huge number": saved.replace(SAVED_SCHEMA, '"schema_version": ' + "9" * 400)
        .encode("utf-8"),
        "deep": saved.replace('"notes": {', '"notes": {"x": ' + "[" * 50 + "]" * 50 + ',', 1)
        .encode("utf-8"),
        "not json": b'{"format": ',
        "a list": b"[]",
        "not utf-8": b"\xff\xfe",
        "packs not text": with_(packs={"profile": 2}),
        "other content version": with_(content__version="2020.01.01"),
        "content record status unknown": with_(content__findings={"x": "repealed"}),
        "evidence hash not hex": with_(evidence={"question:profile.size": [
            {"kind": "file", "name": "a.pdf", "size": 1, "sha256": "z" * 64}]}),
        "no evidence, no record": with_(evidence={}, content=None),
    }


def _outcome(read):
    try:
        loaded = read()
    except AssessmentError as exc:
        return ("refused", exc.render("en"), exc.render("ko"))
    return ("read", loaded.assessment, loaded.dropped)


def test_quick_and_full_readers_agree_on_every_file(content):
    checks = AnswerChecks(content)
    variants = _variants(content)
    refused = set()
    for name, data in variants.items():
        full = _outcome(lambda: parse_assessment(data, content, "f.json"))
        quick = _outcome(lambda: read_quickly(data, checks, "f.json"))
        assert quick == full, name
        if full[0] == "refused":
            refused.add(name)
    # the variants cover both sides
    assert {"saved", "compact", "colon in a note", "unsorted list", "bom",
            "other content version", "no evidence, no record"}.isdisjoint(refused)
    assert {"duplicate key", "duplicate key, spaced", "schema as text", "newer schema",
            "unknown question", "surrogate"} <= refused


def test_answers_checked_once_are_checked_alike_for_the_next_file(content):
    checks = AnswerChecks(content)
    data = _saved(content).encode("utf-8")
    first = read_quickly(data, checks).assessment
    second = read_quickly(data, checks).assessment
    assert first == second
    # lists are the reader's own: changing one file's answers leaves the next file's alone
    for value in first.answers.values():
        if isinstance(value, list):
            value.append("ZZ")
    assert read_quickly(data, checks).assessment == second


def test_files_as_the_program_saves_them_take_the_quick_way(content, monkeypatch):
    from wizard.core import quick_read

    full_reads = []
    real = quick_read.parse_assessment
    monkeypatch.setattr(quick_read, "parse_assessment",
                        lambda *args, **kwargs: full_reads.append(1) or real(*args, **kwargs))
    checks = AnswerChecks(content)
    variants = _variants(content)
    # (the hand-written examples list some choices out of the options' order: the full way)
    for name in ("saved", "compact", "colon in a note", "bom", "spaced colons"):
        read_quickly(variants[name], checks, name)
        assert not full_reads, name
    with pytest.raises(AssessmentError):
        read_quickly(variants["duplicate key"], checks, "dup")
    assert full_reads == [1]


def test_damaged_copies_are_read_alike(content):
    """Random damage to a saved file (characters changed, dropped or repeated): the quick
    reader accepts exactly what the full one accepts, with the same result or the same words."""
    import random

    rng = random.Random(15)
    saved = _saved(content)
    checks = AnswerChecks(content)
    tokens = ['"', ":", ",", "{", "}", "[", "]", " ", "\\u0041", "1", "yes", "CN", '\\"', "::"]
    accepted = 0
    for _ in range(400):
        text = saved
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text))
            how = rng.randrange(3)
            if how == 0:
                text = text[:at] + rng.choice(tokens) + text[at + 1:]
            elif how == 1:
                text = text[:at] + text[at + rng.randint(1, 8):]
            else:
                piece = text[at:at + rng.randint(1, 40)]
                text = text[:at] + piece + text[at:]
        data = text.encode("utf-8")
        full = _outcome(lambda: parse_assessment(data, content, "f.json"))
        quick = _outcome(lambda: read_quickly(data, checks, "f.json"))
        assert quick == full, text
        accepted += full[0] == "read"
    assert 0 < accepted < 400


def test_a_file_saved_today_takes_the_quick_path_with_its_record_and_evidence(content):
    """Schema 3 files (content record, evidence) must not all fall back to the slow reader."""
    from wizard.core.quick_read import _quick

    loaded = _quick(_saved(content).encode("utf-8"), AnswerChecks(content), "f.json")
    assert loaded.assessment.content.version == content.content_version
    assert [item.kind for items in loaded.assessment.evidence.values() for item in items] == [
        "file", "reference"]
