"""Fuzzing the assessment loader: whatever the bytes, only AssessmentError escapes, its message
names the file and reads as a sentence, and whatever loads can be saved and loaded again.

Inputs: structurally plausible files with wrong types, unknown keys, wrong options, huge
numbers, NaN, nested junk; random bytes; truncations and byte edits of a valid file.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.conftest import MINI
from tests.robustness._support import assert_readable
from wizard.core.answers import check_answer
from wizard.core.assessment import parse_assessment
from wizard.core.content import load_content
from wizard.core.errors import AssessmentError

pytestmark = pytest.mark.slow  # fuzzing: hundreds of generated inputs

NAME = "/home/상담사/고객 자료/한빛 반도체.aitr.json"
CONTENT = load_content(MINI)

VALID = {
    "format": "ai-trade-readiness-assessment", "schema_version": 1,
    "packs": {"profile": "1.0.0", "chips": "1.0.0"},
    "meta": {"company": "한빛반도체", "assessor": "Kim", "date": "2026-11-23",
             "language": "ko"},
    "answers": {"profile.activities": ["chips", "data"], "profile.customer_hq": ["CN", "KR"],
                "profile.staff": 42, "profile.screening": "unsure",
                "profile.training": "sometimes", "chips.sells": "yes", "chips.tops": 312.5,
                "chips.bits": 16, "chips.die_area": 826, "chips.kyc": "no"},
    "notes": {"chips.sells": "2026 가격표 {{ 7*7 }}", "profile.staff": ""},
    "plan": {"apply_licence": {"owner": "Lee", "due": "2026-12-31", "status": "in_progress",
                               "comment": "서류 준비"},
             "watch_bill": {"status": "open"}},
}
BODY = ["packs", "meta", "answers", "notes", "plan"]
VALID_BYTES = json.dumps(VALID, ensure_ascii=False, indent=2).encode("utf-8")

QIDS = sorted(CONTENT.questions) + ["chips.chip_class", "chips.nope", "profile", "", ".",
                                    "nopack.sells", "CHIPS.SELLS", "chips.sells.x", "__class__"]
OPTION_IDS = ["yes", "no", "unsure", "chips", "data", "none_of_these", "yearly", "sometimes",
              "never", "CN", "KR", "XX", "kr", "", "YES", "none"]

SCALARS = st.one_of(
    st.none(), st.booleans(),
    st.integers(),
    st.sampled_from([10**299, -10**299, 10**300, 2**53 + 1, 2**63, 10**308, 10**309, 0, -1]),
    st.floats(), st.sampled_from([math.nan, math.inf, -math.inf, 1e308, 5e-324, -0.0]),
    st.text(max_size=20), st.sampled_from(OPTION_IDS),
    st.sampled_from(["\ud800", "a\udfffb", "\x00", "2026-02-30", "9999-12-31", "x" * 6000,
                     "ai-trade-readiness-assessment", "<wizard.core.model.Question>"]),
)
JUNK = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(st.text(max_size=8), st.sampled_from(QIDS)), inner, max_size=4)),
    max_leaves=12)
ANSWER = st.one_of(JUNK, st.sampled_from(OPTION_IDS),
                   st.lists(st.sampled_from(OPTION_IDS), max_size=5))
PLAN_EDIT = st.one_of(JUNK, st.fixed_dictionaries({}, optional={
    "owner": JUNK, "due": st.one_of(JUNK, st.sampled_from(["", "2026-12-31", "31/12/2026"])),
    "status": st.one_of(JUNK, st.sampled_from(["open", "done", "closed", "in_progress"])),
    "comment": JUNK, "extra": JUNK}))
PLAN_EDIT_OK = st.fixed_dictionaries({}, optional={
    "owner": st.text(max_size=10), "due": st.sampled_from(["", "2026-12-31", "2027-02-29"]),
    "status": st.sampled_from(["open", "done", "in_progress", "not_applicable"]),
    "comment": st.text(max_size=10)})


@st.composite
def plausible_answer(draw, qid: str):
    """A value of the right shape for the question, right or slightly wrong."""
    question = CONTENT.questions[qid].question if qid in CONTENT.questions else None
    kind = question.kind if question else "text"
    options = [o.id for o in question.options] if question else []
    if kind == "yes_no_unsure":
        return draw(st.sampled_from(["yes", "no", "unsure", "Yes", "maybe"]))
    if kind == "single":
        return draw(st.sampled_from(options + ["nope"]))
    if kind == "multi":
        return draw(st.lists(st.sampled_from(options + ["nope"]), max_size=4))
    if kind == "countries":
        return draw(st.lists(st.sampled_from(["CN", "KR", "US", "MO", "XX", "kr", "EU"]),
                             max_size=4))
    if kind == "number":
        low = question.min if question.min is not None else -1e6
        high = question.max if question.max is not None else 1e12
        return draw(st.one_of(st.integers(int(low) - 1, int(high) + 1),
                              st.floats(low - 1, high + 1, allow_nan=False)))
    return draw(st.text(max_size=30))


@st.composite
def structured(draw) -> dict:
    """The valid file with a few parts replaced by plausible or absurd values."""
    data = json.loads(json.dumps(VALID))
    for _ in range(draw(st.integers(1, 3))):
        target = draw(st.sampled_from(["top", "meta", "answers", "notes", "plan", "packs",
                                       "delete", "header", "plausible", "plausible",
                                       "plausible", "plausible", "plan", "notes"]))
        if target == "top":
            data[draw(st.sampled_from(BODY + ["extra", "version"]))] = draw(JUNK)
        elif target == "delete":
            data.pop(draw(st.sampled_from(BODY)), None)
        elif target == "header":
            data["schema_version"] = draw(st.one_of(st.integers(-2, 3), JUNK))
            if draw(st.integers(0, 3)) == 0:
                data["format"] = draw(st.sampled_from(["ai-trade-readiness-recovery", "", None]))
        elif target == "plausible":
            if isinstance(data.get("answers"), dict):
                qid = draw(st.sampled_from(QIDS))
                data["answers"][qid] = draw(plausible_answer(qid))
        elif not isinstance(data.get(target), dict):
            data[target] = {}
        elif target == "meta":
            data["meta"][draw(st.sampled_from(["company", "assessor", "date", "language",
                                                "extra"]))] = draw(JUNK)
        elif target == "answers":
            data["answers"][draw(st.sampled_from(QIDS))] = draw(ANSWER)
        elif target == "notes":
            data["notes"][draw(st.sampled_from(QIDS))] = draw(st.one_of(JUNK, st.text()))
        elif target == "plan":
            data["plan"][draw(st.sampled_from(["apply_licence", "watch_bill", "start_screening",
                                                "gone", ""]))] = draw(st.one_of(PLAN_EDIT,
                                                                                PLAN_EDIT_OK))
        elif target == "packs":
            data["packs"][draw(st.sampled_from(["profile", "chips", "cloud"]))] = draw(
                st.one_of(st.sampled_from(["0.9.0", "1.0.0", "2.0.0", "1.0", "x"]), JUNK))
    return data


def _serialise(data, draw_ascii: bool) -> bytes:
    text = json.dumps(data, ensure_ascii=draw_ascii, allow_nan=True)
    return text.encode("utf-8", "surrogatepass")


@st.composite
def byte_edits(draw) -> bytes:
    data = bytearray(VALID_BYTES)
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(["insert", "delete", "replace"]))
        chunk = draw(st.one_of(st.binary(min_size=1, max_size=4),
                               st.sampled_from([b"{", b"}", b"[", b"]", b",", b'"', b":",
                                                b"\\", b"\\u", b"\xff", b"\xed\xa0\x80",
                                                b"NaN", b"1e999", b"9" * 400])))
        if how == "insert":
            data[pos:pos] = chunk
        elif how == "delete":
            del data[pos:pos + len(chunk)]
        else:
            data[pos:pos + len(chunk)] = chunk
    return bytes(data)


STRUCTURED = st.builds(_serialise, structured(), st.booleans())
INPUTS = st.one_of(
    STRUCTURED, STRUCTURED, STRUCTURED, STRUCTURED, STRUCTURED, STRUCTURED,
    st.builds(_serialise, JUNK, st.booleans()),
    st.binary(max_size=300),
    st.integers(0, len(VALID_BYTES)).map(lambda n: VALID_BYTES[:n]),
    byte_edits(),
)


def _check(data: bytes) -> None:
    try:
        loaded = parse_assessment(data, CONTENT, NAME)
    except AssessmentError as exc:
        assert_readable(str(exc), NAME, max_lines=2, max_chars=1500)
        event("refused: " + " ".join(str(exc)[len(NAME) + 2:].split()[:2]))
        return
    event("loaded" + (" with dropped answers" if loaded.dropped else ""))
    assessment = loaded.assessment
    for qid, value in assessment.answers.items():       # only good answers get through
        assert check_answer(CONTENT.questions[qid].question, value, qid) == value
    saved = assessment.to_json().encode("utf-8")         # what loads can be saved ...
    again = parse_assessment(saved, CONTENT, NAME)       # ... and loaded again, the same
    assert again.assessment.to_json().encode("utf-8") == saved and again.dropped == []


@settings(max_examples=1000, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.filter_too_much])
@given(INPUTS)
def test_any_bytes_load_or_give_a_readable_assessment_error(data):
    _check(data)


def test_the_valid_file_loads_and_its_edits_are_checked():
    """The fuzzer's starting point is good, so the edits above are what gets refused."""
    loaded = parse_assessment(VALID_BYTES, CONTENT, NAME)
    assert loaded.dropped == [] and loaded.assessment.answers["chips.bits"] == 16


def test_found_by_fuzzing_huge_numbers_surrogates_and_digit_limits():
    """Each of these escaped as OverflowError, ValueError or UnicodeEncodeError before."""
    answers = dict(VALID["answers"])
    cases = {
        "int too large to be shown": {**VALID, "answers": {**answers, "chips.bits": 10**299}},
        "more digits than Python reads": b'{"format": ' + b"9" * 5000 + b"}",
        "unpaired surrogate": json.dumps({**VALID, "notes": {"chips.sells": "\ud800"}}),
    }
    for what, case in cases.items():
        data = case if isinstance(case, bytes) else (
            case if isinstance(case, str) else json.dumps(case)).encode("utf-8")
        try:
            parse_assessment(data, CONTENT, NAME)
        except AssessmentError as exc:
            assert_readable(str(exc), NAME, max_lines=2)
        else:
            raise AssertionError(f"{what}: loaded")


def test_set_answer_with_a_number_too_large_for_a_float_is_an_assessment_error():
    """Found by the fuzzer above (fixed in wizard/core/answers.py, check_answer): the min/max
    messages formatted the value with f"{number:g}", which raises OverflowError for an int
    beyond the float range, so ``set_answer`` let a non-WizardError escape. (The file loader
    also refuses numbers of more than 300 digits before this point.)"""
    from wizard.core.assessment import new_assessment, set_answer

    assessment = new_assessment(CONTENT)
    for qid in ("chips.bits", "chips.tops", "profile.staff"):
        try:
            set_answer(assessment, CONTENT, qid, 10**400)
        except AssessmentError as exc:
            assert_readable(str(exc), qid, max_lines=1, max_chars=300)
        else:
            raise AssertionError(f"{qid}: 10**400 accepted")
