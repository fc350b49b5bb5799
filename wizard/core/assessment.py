"""Assessment files: reading (with migration from older pack versions), checking and saving.

The format is documented in ``docs/assessment-format.md``. Reading never trusts the file:
size, encoding, JSON syntax, nesting, types and every answer are checked, and every refusal is
an :class:`AssessmentError` that names the file and what to do.
"""

from __future__ import annotations

import datetime as dt
import json
import reprlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from wizard.core.answers import check_answer
from wizard.core.errors import AssessmentError
from wizard.core.storage import atomic_write
from wizard.i18n import N_

FORMAT = "ai-trade-readiness-assessment"
SCHEMA_VERSION = 1
MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 20
MAX_DIGITS = 300
PLAN_STATUSES = ("open", "in_progress", "done", "not_applicable")

# Reasons an answer is not carried over (gettext ids: reports translate them).
GONE_QUESTION = N_("question no longer in the current packs")
NO_LONGER_FITS = N_("the answer no longer fits the question in the current packs")
GONE_NOTE = N_("note on a question no longer in the current packs")
GONE_ACTION = N_("action no longer in the current packs")


def _iso_date_or_empty(value: str) -> str:
    if value:
        try:
            dt.date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"{_short(value)} is not a date in YYYY-MM-DD form") from exc
    return value


class Meta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    company: str = Field(default="", max_length=200)
    assessor: str = Field(default="", max_length=200)
    date: str = ""
    language: Literal["ko", "en", "both"] = "ko"

    _check_date = field_validator("date")(_iso_date_or_empty)


class PlanEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    owner: str = Field(default="", max_length=200)
    due: str = ""
    status: Literal["open", "in_progress", "done", "not_applicable"] = "open"
    comment: str = Field(default="", max_length=2000)

    _check_due = field_validator("due")(_iso_date_or_empty)


class Assessment(BaseModel):
    """One company's answers, notes and plan edits, as saved to disk."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    format: Literal["ai-trade-readiness-assessment"] = FORMAT
    schema_version: int = SCHEMA_VERSION
    packs: dict[str, str] = Field(default_factory=dict)
    meta: Meta = Field(default_factory=Meta)
    answers: dict[str, Any] = Field(default_factory=dict)
    notes: dict[str, str] = Field(default_factory=dict)
    plan: dict[str, PlanEdit] = Field(default_factory=dict)

    @field_validator("notes")
    @classmethod
    def _note_length(cls, notes: dict[str, str]) -> dict[str, str]:
        for key, note in notes.items():
            if len(note) > 5000:
                raise ValueError(f"the note on {key} is longer than 5,000 characters")
        return notes

    def to_json(self) -> str:
        data = self.model_dump(mode="json")
        data["answers"] = dict(sorted(data["answers"].items()))
        data["notes"] = {k: v for k, v in sorted(data["notes"].items()) if v}
        data["plan"] = dict(sorted(data["plan"].items()))
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Dropped:
    """An answer, note or plan edit that no longer fits the current packs."""

    key: str
    value: Any
    reason: str  # a gettext id: translate it when shown


@dataclass
class Loaded:
    assessment: Assessment
    dropped: list[Dropped] = field(default_factory=list)
    source: str = ""


def new_assessment(content, language: str = "ko") -> Assessment:
    return Assessment(packs=content.versions, meta=Meta(language=language,
                                                        date=dt.date.today().isoformat()))


def _version_tuple(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in version.split("."))
    except (ValueError, AttributeError):
        return (0,)


def _depth(value: Any, limit: int) -> bool:
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return True


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 60
_REPR.maxlong = 40
_REPR.maxlist = _REPR.maxdict = 6
_REPR.maxlevel = 3


def _short(value: Any) -> str:
    """A value from the file as a message shows it: a repr, never a page long."""
    return _REPR.repr(value)


def _key(key: Any) -> str:
    text = str(key)
    return text if len(text) <= 60 and text.isprintable() else _short(key)


def _clip(text: str, limit: int = 400) -> str:
    """One line of at most about ``limit`` characters (the start and the end are kept: the end
    usually lists what is allowed)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return f"{text[: limit // 2]} ... {text[-(limit // 2):]}"


class _TooManyDigits(ValueError):
    pass


def _parse_int(text: str) -> int:
    """JSON integers, refusing absurd ones (Python's own limit is a ValueError at 4,300
    digits; past 308 digits a number cannot even be shown as a float)."""
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise _TooManyDigits(digits)
    return int(text)


def _encodable(value: Any) -> bool:
    """No unpaired surrogates anywhere (JSON allows "\\ud800"; UTF-8 cannot hold it, so
    such a file could be read but never saved again)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True


def _decode(data: bytes, name: str) -> dict:
    if len(data) > MAX_BYTES:
        raise AssessmentError(f"{name}: the file is {len(data) / 2**20:.1f} MB; an assessment is "
                              f"at most {MAX_BYTES // 2**20} MB. Is this the right file?")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AssessmentError(f"{name}: not UTF-8 text (bad byte at offset {exc.start}); an "
                              "assessment file is UTF-8 JSON saved by this program") from exc
    try:
        raw = json.loads(text, parse_int=_parse_int)
    except _TooManyDigits as exc:
        raise AssessmentError(f"{name}: contains a number with {exc.args[0]} digits (at most "
                              f"{MAX_DIGITS}); not an assessment file saved by this "
                              "program") from exc
    except RecursionError as exc:
        raise AssessmentError(f"{name}: nested too deeply to be an assessment file") from exc
    except json.JSONDecodeError as exc:
        raise AssessmentError(f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: "
                              f"{exc.msg}); open the file the program saved, or its .bak "
                              "backup") from exc
    if not isinstance(raw, dict):
        raise AssessmentError(f"{name}: expected a JSON object with the assessment")
    if not _depth(raw, MAX_DEPTH):
        raise AssessmentError(f"{name}: nested deeper than {MAX_DEPTH} levels; not an "
                              "assessment file")
    if not _encodable(raw):
        raise AssessmentError(f"{name}: contains text that is not valid Unicode (an unpaired "
                              "\\uD800-\\uDFFF escape); not an assessment file saved by this "
                              "program")
    return raw


def _check_header(raw: dict, name: str) -> None:
    if raw.get("format") != FORMAT:
        raise AssessmentError(f"{name}: not an AI Trade Readiness assessment (\"format\" is "
                              f"{_short(raw.get('format'))}, expected {FORMAT!r})")
    version = raw.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise AssessmentError(f"{name}: \"schema_version\" must be a whole number from 1")
    if version > SCHEMA_VERSION:
        raise AssessmentError(f"{name}: saved by a newer version of the program (file schema "
                              f"{version}, this program reads up to {SCHEMA_VERSION}); update "
                              "AI Trade Readiness to open it")


def parse_assessment(data: bytes, content, name: str = "<assessment>") -> Loaded:
    """Check raw file bytes against ``content``; answers to questions that an older pack
    version had are moved to ``Loaded.dropped`` instead of being refused or lost."""
    raw = _decode(data, name)
    _check_header(raw, name)
    try:
        assessment = Assessment.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        place = _clip(".".join(str(p) if isinstance(p, int) else _key(p) for p in first["loc"]),
                      200)
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        message = _clip(str(first["msg"]).removeprefix("Value error, "), 300)
        raise AssessmentError(f"{name}: {place}: {message}{more}") from exc
    dropped: list[Dropped] = []
    current = content.versions
    older = {pid for pid, ver in assessment.packs.items()
             if pid not in current or _version_tuple(ver) < _version_tuple(current[pid])}

    def migrating(key: str) -> bool:
        return key.split(".", 1)[0] in older

    answers = {}
    for qid, value in assessment.answers.items():
        info = content.questions.get(qid)
        if info is None:
            if migrating(qid):
                dropped.append(Dropped(qid, value, GONE_QUESTION))
                continue
            raise AssessmentError(f"{name}: answers: unknown question {_short(qid)}; check the "
                                  "question id against the packs (readiness-wizard validate)")
        try:  # keyed by the content's own id string: lookups then match by identity
            answers[info.qid] = check_answer(info.question, value, qid)
        except AssessmentError as exc:
            if migrating(qid):
                dropped.append(Dropped(qid, value, _clip(str(exc).split(": ", 1)[-1])))
                continue
            raise AssessmentError(f"{name}: answers: {_clip(str(exc))}") from exc
    notes = {}
    for qid, note in assessment.notes.items():
        if qid in content.questions:
            notes[qid] = note
        elif migrating(qid) or note == "":
            dropped.append(Dropped(qid, note, GONE_NOTE))
        else:
            raise AssessmentError(f"{name}: notes: unknown question {_short(qid)}")
    plan = {}
    for aid, edit in assessment.plan.items():
        if aid in content.actions:
            plan[aid] = edit
        elif older:
            dropped.append(Dropped(aid, edit.model_dump(), GONE_ACTION))
        else:
            raise AssessmentError(f"{name}: plan: unknown action {_short(aid)}")
    assessment = assessment.model_copy(update={"answers": answers, "notes": notes,
                                               "plan": plan})
    return Loaded(assessment, dropped, name)


def load_assessment(path: Path, content) -> Loaded:
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise AssessmentError(f"{name}: the file is {size / 2**20:.1f} MB; an assessment is "
                                  f"at most {MAX_BYTES // 2**20} MB. Is this the right file?")
        with path.open("rb") as fh:     # never more than the limit, whatever stat said
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise AssessmentError(f"{name}: no such file") from exc
    except IsADirectoryError as exc:
        raise AssessmentError(f"{name}: is a folder, not an assessment file") from exc
    except OSError as exc:
        raise AssessmentError(f"{name}: cannot read the file ({exc.strerror})") from exc
    return parse_assessment(data, content, name)


def save_assessment(path: Path, assessment: Assessment) -> None:
    """Save atomically, keeping the previous version as ``<name>.bak``."""
    # "replace": an unpaired surrogate (never real text) must not make the work unsaveable
    atomic_write(Path(path), assessment.to_json().encode("utf-8", "replace"), backup=True)


def set_answer(assessment: Assessment, content, qid: str, value: Optional[Any]) -> None:
    """Record (or with ``None``, clear) one answer after checking it."""
    info = content.questions.get(qid)
    if info is None:
        raise AssessmentError(f"unknown question {qid!r}")
    answers = dict(assessment.answers)
    if value is None or value == [] or value == "":
        answers.pop(qid, None)
    else:
        answers[info.qid] = check_answer(info.question, value, qid)
    assessment.answers = answers
    assessment.packs = content.versions
