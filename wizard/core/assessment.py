"""Assessment files: reading (with migration from older pack versions), checking and saving.

The format is documented in ``docs/assessment-format.md``. Reading never trusts the file:
size, encoding, JSON syntax, nesting, types and every answer are checked, and every refusal is
an :class:`AssessmentError` that names the file and what to do.

The program works with the plain objects here (:class:`Assessment`, :class:`Meta`,
:class:`PlanEdit`); a file's shape and types are checked by pydantic
(:mod:`wizard.core.assessment_schema`, imported only when a file is read), with the same
rules the wizard's edits go through (:func:`edit_meta`, :func:`edit_plan`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from wizard.core.answers import PROBLEM, check_answer, short
from wizard.core.errors import AssessmentError
from wizard.core.evidence import MAX_KEYS as MAX_EVIDENCE_KEYS
from wizard.core.evidence import EvidenceItem, item_from
from wizard.core.storage import NotRegular, atomic_write, read_regular
from wizard.i18n import N_, Note

FORMAT = "ai-trade-readiness-assessment"
SCHEMA_VERSION = 3      # 2: assessment id; business number, marking, reviewer and approver
                        # 3: the content record (what the answers were given against)
                        # 3: and evidence (files beside the assessment, references)
MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 20
MAX_DIGITS = 300
PLAN_STATUSES = ("open", "in_progress", "done", "not_applicable")
META_LANGUAGES = ("ko", "en", "both")
MAX_NAME = 200          # company, assessor, action owner
MAX_COMMENT = 2000      # an action's comment
MAX_NOTE = 5000         # a note on a question
MAX_MARKING = 60        # the confidentiality marking printed on every page
MAX_ID = 64
MAX_TEXT = 5000         # any text in the file (the longest: a note, a text answer)
MAX_ENTRIES = 2000      # answers, notes or plan entries (each); checked before validation
MAX_PACKS = 50          # entries in "packs" (as many as a folder may hold)
MAX_VALUES = 100_000    # values in the whole file (lists and objects count their items)
MAX_DROPPED = 500       # entries for questions or actions the current packs do not have
MAX_VERSION = 1000      # a content version (a folder without content.yaml: its packs' versions)

# Reasons an answer is not carried over (gettext ids: reports translate them).
GONE_QUESTION = N_("question no longer in the current packs")
NO_LONGER_FITS = N_("the answer no longer fits the question in the current packs")
GONE_NOTE = N_("note on a question no longer in the current packs")
GONE_ACTION = N_("action no longer in the current packs")

# Why a file is refused: "{file}: ..." in English and, through the Note, in Korean.
TOO_BIG = N_("{file}: the file is {size} MB; an assessment is at most {limit} MB. Is this the "
             "right file?")
NOT_UTF8 = N_("{file}: not UTF-8 text (bad byte at offset {offset}); an assessment file is "
              "UTF-8 JSON saved by this program")
TOO_MANY_DIGITS = N_("{file}: contains a number with {digits} digits (at most {limit}); not an "
                     "assessment file saved by this program")
TOO_DEEP = N_("{file}: nested too deeply to be an assessment file")
NOT_JSON = N_("{file}: not valid JSON (line {line}, column {column}: {error}); open the file the "
              "program saved, or its .bak backup")
NOT_OBJECT = N_("{file}: expected a JSON object with the assessment")
DEEPER_THAN = N_("{file}: nested deeper than {limit} levels; not an assessment file")
NOT_UNICODE = N_("{file}: contains text that is not valid Unicode (an unpaired surrogate "
                 "escape); not an assessment file saved by this program")
NOT_OURS = N_("{file}: not an AI Trade Readiness assessment (\"format\" is {found}, expected "
              "{expected})")
NO_FORMAT = N_("{file}: not an AI Trade Readiness assessment (it has no \"format\" entry; the "
               "program saves {expected})")
BAD_SCHEMA = N_("{file}: \"schema_version\" must be a whole number from 1")
NEWER = N_("{file}: saved by a newer version of the program (file schema {found}, this program "
           "reads up to {supported}); update AI Trade Readiness to open it")
AT_PLACE = N_("{file}: {place}: {problem}")
AT_PLACE_MORE = N_("{file}: {place}: {problem} (and {count} more)")
BAD_ANSWER = N_("{file}: answers: {problem}")
UNKNOWN_ANSWER = N_("{file}: answers: unknown question {question}; check the question id "
                    "against the packs (readiness-wizard validate)")
UNKNOWN_NOTE = N_("{file}: notes: unknown question {question}")
UNKNOWN_ACTION = N_("{file}: plan: unknown action {action}")
NO_FILE = N_("{file}: no such file")
IS_FOLDER = N_("{file}: is a folder, not an assessment file")
UNREADABLE = N_("{file}: cannot read the file ({reason})")
UNKNOWN_QUESTION = N_("unknown question {question}")
NOT_A_FILE = N_("{file}: not an ordinary file (a pipe, device or socket); open the assessment "
                "file itself")
DUPLICATE_KEY = N_("{file}: line {line}: \"{key}\" appears twice in the same place, and only one "
                   "can be right. The file was edited by hand or damaged: delete the wrong one "
                   "(compare with the .bak backup) and open it again")
TOO_MANY_ENTRIES = N_("{file}: \"{part}\" has {count} entries; an assessment has at most {limit}. "
                      "This is not a file saved by this program: open the file it saved, or its "
                      ".bak backup")
TOO_MANY_VALUES = N_("{file}: more than {limit} values; an assessment has far fewer. This is not "
                     "a file saved by this program: open the file it saved, or its .bak backup")
TOO_MANY_UNFITTING = N_("{file}: {count} answers, notes or plan entries are for questions or "
                        "actions the current questionnaires do not have; at most {limit} can be "
                        "set aside. Check that this is the right file, or open it with the "
                        "questionnaires it was answered with")
TEXT_TOO_LONG = N_("{file}: a text of {length} characters (at most {limit}); not a file saved by "
                   "this program: open the file it saved, or its .bak backup")

# What pydantic finds wrong in a damaged file, in our words (other kinds keep pydantic's own)
NOT_A_DATE = N_("{value} is not a date in YYYY-MM-DD form")
LONG_NOTE = N_("the note on {question} is longer than 5,000 characters")
_PYDANTIC = {
    "missing": N_("is missing"),
    "extra_forbidden": N_("is not a field of an assessment file"),
    "string_type": N_("must be text"),
    "int_type": N_("must be a whole number"),
    "int_parsing": N_("must be a whole number"),
    "int_from_float": N_("must be a whole number"),
    "dict_type": N_("must be a JSON object"),
    "list_type": N_("must be a list"),
    "model_type": N_("must be a JSON object"),
    "literal_error": N_("must be one of: {expected}"),
    "string_too_long": N_("is longer than {max_length} characters"),
}


class _Refused(ValueError):
    """A validator's refusal, kept as a Note for the reader's language."""

    def __init__(self, msgid: str, **params: Any) -> None:
        self.note = Note(msgid, params)
        super().__init__(self.note.english())


def check_date(value: str) -> str:
    """An ISO date (YYYY-MM-DD) or empty; the file schema and the wizard's edits use it."""
    if value:
        try:
            dt.date.fromisoformat(value)
        except ValueError as exc:
            raise _Refused(NOT_A_DATE, value=short(value)) from exc
    return value


def check_business_number(value: str) -> str:
    """A business registration number written ``123-45-67890`` (checked with its check
    digit), or empty."""
    from wizard.core.bizno import BusinessNumberError, normalise

    try:
        return normalise(value)
    except BusinessNumberError as exc:
        raise _Refused(exc.note.msgid, **exc.note.params) from exc


def check_notes(notes: dict[str, str]) -> dict[str, str]:
    for key, note in notes.items():
        if len(note) > MAX_NOTE:
            raise _Refused(LONG_NOTE, question=short(key))
    return notes


@dataclass(frozen=True, slots=True)
class Meta:
    company: str = ""
    assessor: str = ""
    date: str = ""          # ISO date or empty
    language: str = "ko"    # META_LANGUAGES
    business_number: str = ""   # 123-45-67890 (check digit checked) or empty
    confidentiality: str = ""   # a labels.MARKING key, or the company's own words; empty: none
    reviewer: str = ""
    review_date: str = ""       # ISO date or empty
    approver: str = ""
    approval_date: str = ""     # ISO date or empty

    def as_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class PlanEdit:
    owner: str = ""
    due: str = ""           # ISO date or empty
    status: str = "open"    # PLAN_STATUSES
    comment: str = ""

    def as_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class ContentRecord:
    """The content the answers were last saved against (``docs/assessment-format.md``, "The
    content record"): its id and version, the day rule statuses were taken on, and a snapshot of
    what the user saw then, so that what changed can be told without the old content."""

    id: str = ""            # Content.content_id
    version: str = ""       # Content.content_version
    on: str = ""            # ISO date the statuses below were taken on
    findings: dict[str, str] = field(default_factory=dict)  # fired finding -> its rule status
    open: list[str] = field(default_factory=list)       # questions shown and not answered
    set_aside: list[str] = field(default_factory=list)  # kept entries that fit no question

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(slots=True)
class Assessment:
    """One company's answers, notes and plan edits, as saved to disk."""

    format: str = FORMAT
    schema_version: int = SCHEMA_VERSION
    id: str = ""    # identifies the assessment (an Excel tracker names the one it came from)
    packs: dict[str, str] = field(default_factory=dict)
    meta: Meta = field(default_factory=Meta)
    answers: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    plan: dict[str, PlanEdit] = field(default_factory=dict)
    content: Optional[ContentRecord] = None     # None: answered against unknown content
    # "question:<id>" or "action:<id>" -> its evidence, in the order added (wizard.core.evidence)
    evidence: dict[str, list[EvidenceItem]] = field(default_factory=dict)

    def to_json(self) -> str:
        data = dataclasses.asdict(self)
        data["answers"] = dict(sorted(data["answers"].items()))
        data["notes"] = {k: v for k, v in sorted(data["notes"].items()) if v}
        data["plan"] = dict(sorted(data["plan"].items()))
        data["evidence"] = {k: v for k, v in sorted(data["evidence"].items()) if v}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _edited(kind: str, current, fields: dict[str, Any], limits: dict[str, int],
            choices: tuple[str, ...], choice_field: str, date_fields: tuple[str, ...],
            checks: Optional[dict] = None):
    unknown = set(fields) - {f.name for f in dataclasses.fields(current)}
    if unknown:
        raise AssessmentError(f"{kind}: unknown field {sorted(unknown)[0]!r}")
    edited = dataclasses.replace(current, **fields)
    for name, limit in limits.items():
        value = getattr(edited, name)
        if not isinstance(value, str) or len(value) > limit:
            raise AssessmentError(f"{kind}.{name}: text of at most {limit} characters")
    if getattr(edited, choice_field) not in choices:
        raise AssessmentError(f"{kind}.{choice_field}: one of {', '.join(choices)}")
    checked = dict.fromkeys(date_fields, check_date)
    checked.update(checks or {})
    normalised = {}
    for name, check in checked.items():
        try:
            normalised[name] = check(getattr(edited, name))
        except _Refused as exc:
            raise AssessmentError.said(PROBLEM, place=f"{kind}.{name}",
                                       problem=exc.note) from exc
    return dataclasses.replace(edited, **normalised)


def edit_meta(meta: Meta, **fields: Any) -> Meta:
    """``meta`` with ``fields`` changed, checked by the rules a file's meta is read with (the
    business registration number comes back written ``123-45-67890``)."""
    return _edited("meta", meta, fields,
                   {"company": MAX_NAME, "assessor": MAX_NAME, "reviewer": MAX_NAME,
                    "approver": MAX_NAME, "confidentiality": MAX_MARKING,
                    "business_number": MAX_NAME},
                   META_LANGUAGES, "language", ("date", "review_date", "approval_date"),
                   {"business_number": check_business_number})


def edit_plan(edit: PlanEdit, **fields: Any) -> PlanEdit:
    """``edit`` with ``fields`` changed, checked by the rules a file's plan is read with."""
    return _edited("plan", edit, fields, {"owner": MAX_NAME, "comment": MAX_COMMENT},
                   PLAN_STATUSES, "status", ("due",))


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
    return Assessment(id=uuid.uuid4().hex, packs=content.versions,
                      meta=Meta(language=language, date=dt.date.today().isoformat()))


def legacy_id(meta: Any) -> str:
    """The id of an assessment saved before assessments had one (schema 1): made from its
    company, assessor and date, so the same file gets the same id every time it is opened,
    saved or not."""
    meta = meta if isinstance(meta, dict) else {}
    parts = [meta.get(k) if isinstance(meta.get(k), str) else "" for k in
             ("company", "assessor", "date")]
    return uuid.uuid5(uuid.NAMESPACE_URL, "aitr-assessment:" + "\0".join(parts)).hex


def _migrate(raw: dict) -> dict:
    """A file of an older schema in today's shape. Schema 1 had no ``id`` and none of the
    sign-off fields (which default to empty): it gets the id :func:`legacy_id` makes. Schema 2
    had no content record: it stays without one (the content it was answered against is
    unknown)."""
    if raw.get("schema_version") == SCHEMA_VERSION and raw.get("id"):
        return raw
    raw = dict(raw)
    raw["schema_version"] = SCHEMA_VERSION
    if not raw.get("id"):
        raw["id"] = legacy_id(raw.get("meta"))
    return raw


def _version_tuple(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in version.split("."))
    except (ValueError, AttributeError):
        return (0,)


def _shape(value: Any, name: str) -> None:
    """Nesting, the number of values and the length of every text, checked in one pass
    before anything else looks at the file (so a hostile file costs one walk, no more)."""
    stack = [(value, 0)]
    count = 0
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise AssessmentError.said(DEEPER_THAN, file=name, limit=MAX_DEPTH)
        count += 1
        if count > MAX_VALUES:
            raise AssessmentError.said(TOO_MANY_VALUES, file=name, limit=f"{MAX_VALUES:,}")
        if isinstance(item, dict):
            for key in item:
                if len(key) > MAX_TEXT:
                    raise AssessmentError.said(TEXT_TOO_LONG, file=name, length=f"{len(key):,}",
                                               limit=f"{MAX_TEXT:,}")
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
        elif isinstance(item, str) and len(item) > MAX_TEXT:
            raise AssessmentError.said(TEXT_TOO_LONG, file=name, length=f"{len(item):,}",
                                       limit=f"{MAX_TEXT:,}")


def _count_entries(raw: dict, name: str) -> None:
    """At most ``MAX_ENTRIES`` answers, notes and plan entries (and ``MAX_PACKS`` packs), before
    the schema builds a model of each: the program never has more than that in a file."""
    for part, limit in (("answers", MAX_ENTRIES), ("notes", MAX_ENTRIES),
                        ("plan", MAX_ENTRIES), ("packs", MAX_PACKS),
                        ("evidence", MAX_EVIDENCE_KEYS)):
        entries = raw.get(part)
        if isinstance(entries, dict) and len(entries) > limit:
            raise AssessmentError.said(TOO_MANY_ENTRIES, file=name, part=part,
                                       count=f"{len(entries):,}", limit=f"{limit:,}")
    record = raw.get("content")
    if isinstance(record, dict):
        for part, limit in (("findings", MAX_ENTRIES), ("open", MAX_ENTRIES),
                            ("set_aside", MAX_DROPPED)):
            entries = record.get(part)
            if isinstance(entries, (dict, list)) and len(entries) > limit:
                raise AssessmentError.said(TOO_MANY_ENTRIES, file=name, part=f"content.{part}",
                                           count=f"{len(entries):,}", limit=f"{limit:,}")


def _count_unfitting(raw: dict, content, name: str) -> None:
    """At most ``MAX_DROPPED`` entries for questions or actions ``content`` does not have:
    they would be set aside and listed in every report (whose PDF grows with them)."""
    count = 0
    for part, known in (("answers", content.questions), ("notes", content.questions),
                        ("plan", content.actions)):
        entries = raw.get(part)
        if isinstance(entries, dict):
            count += sum(1 for key in entries if key not in known)
    if count > MAX_DROPPED:
        raise AssessmentError.said(TOO_MANY_UNFITTING, file=name, count=f"{count:,}",
                                   limit=f"{MAX_DROPPED:,}")


class _Duplicate(ValueError):
    pass


def _unique_keys(pairs: list) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Duplicate()
    return result


_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]:]', re.S)


def _first_duplicate(text: str) -> tuple[str, int]:
    """The first key that repeats within one JSON object, and its line (1-based), found by a
    linear scan of the text (only run when the parser has met a duplicate)."""
    stack: list = []       # per open container: the keys seen (objects) or None (lists)
    last = None            # the string token just before, if the last token was a string
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == "{":
            stack.append(set())
        elif token == "[":
            stack.append(None)
        elif token in "}]":
            if stack:
                stack.pop()
        elif token == ":" and last is not None and stack and stack[-1] is not None:
            try:
                key = json.loads(last.group())
            except ValueError:
                key = last.group()[1:-1]
            if key in stack[-1]:
                return key, text.count("\n", 0, last.start()) + 1
            stack[-1].add(key)
        last = match if token.startswith('"') else None
    return "?", 1


def _key(key: Any) -> str:
    text = str(key)
    return text if len(text) <= 60 and text.isprintable() else short(key)


def _clip(text: str, limit: int = 400) -> str:
    """One line of at most about ``limit`` characters (the start and the end are kept: the end
    usually lists what is allowed)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return f"{text[: limit // 2]} ... {text[-(limit // 2):]}"


class _TooManyDigits(ValueError):
    pass


def _problem(error: dict) -> Any:
    """What pydantic found wrong at one place: our words (a Note) for the kinds a damaged or
    hand-edited file has, else pydantic's own (English) message."""
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, _Refused):
        return cause.note
    msgid = _PYDANTIC.get(error.get("type"))
    if msgid is not None:
        ctx = {k: _clip(str(v), 200) for k, v in (error.get("ctx") or {}).items()}
        return Note(msgid, ctx)
    return _clip(str(error["msg"]).removeprefix("Value error, "), 300)


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
        raise AssessmentError.said(TOO_BIG, file=name, size=f"{len(data) / 2**20:.1f}",
                                   limit=MAX_BYTES // 2**20)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AssessmentError.said(NOT_UTF8, file=name, offset=exc.start) from exc
    try:
        raw = json.loads(text, parse_int=_parse_int, object_pairs_hook=_unique_keys)
    except _Duplicate as exc:
        key, line = _first_duplicate(text)
        raise AssessmentError.said(DUPLICATE_KEY, file=name, line=line, key=_key(key)) from exc
    except _TooManyDigits as exc:
        raise AssessmentError.said(TOO_MANY_DIGITS, file=name, digits=exc.args[0],
                                   limit=MAX_DIGITS) from exc
    except RecursionError as exc:
        raise AssessmentError.said(TOO_DEEP, file=name) from exc
    except json.JSONDecodeError as exc:
        raise AssessmentError.said(NOT_JSON, file=name, line=exc.lineno, column=exc.colno,
                                   error=exc.msg) from exc
    if not isinstance(raw, dict):
        raise AssessmentError.said(NOT_OBJECT, file=name)
    _count_entries(raw, name)      # the most telling refusal first
    _shape(raw, name)
    if not _encodable(raw):
        raise AssessmentError.said(NOT_UNICODE, file=name)
    return raw


def _check_header(raw: dict, name: str) -> None:
    if "format" not in raw:
        raise AssessmentError.said(NO_FORMAT, file=name, expected=f'"format": "{FORMAT}"')
    if raw.get("format") != FORMAT:
        raise AssessmentError.said(NOT_OURS, file=name, found=short(raw.get("format")),
                                   expected=repr(FORMAT))
    version = raw.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise AssessmentError.said(BAD_SCHEMA, file=name)
    if version > SCHEMA_VERSION:
        raise AssessmentError.said(NEWER, file=name, found=version, supported=SCHEMA_VERSION)


def parse_assessment(data: bytes, content, name: str = "<assessment>", *,
                     salvage: bool = False) -> Loaded:
    """Check raw file bytes against ``content``; answers to questions that an older pack
    version had are moved to ``Loaded.dropped`` instead of being refused or lost.

    ``salvage`` (autosaved work being recovered): whatever does not fit the current packs is
    moved to ``dropped`` the same way, whichever content version the work was answered with,
    so that no answer is refused for a content change made since."""
    from pydantic import ValidationError

    from wizard.core import assessment_schema

    raw = _decode(data, name)
    _check_header(raw, name)
    _count_unfitting(raw, content, name)
    raw = _migrate(raw)
    try:
        checked = assessment_schema.Assessment.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        place = _clip(".".join(str(p) if isinstance(p, int) else _key(p) for p in first["loc"]),
                      200)
        more = exc.error_count() - 1
        raise AssessmentError.said(AT_PLACE_MORE if more else AT_PLACE, file=name, place=place,
                                   problem=_problem(first), count=more) from exc
    assessment = Assessment(format=checked.format, schema_version=checked.schema_version,
                            id=checked.id, packs=dict(checked.packs),
                            meta=Meta(**checked.meta.model_dump()),
                            answers=dict(checked.answers), notes=dict(checked.notes),
                            plan={k: PlanEdit(**v.model_dump()) for k, v in checked.plan.items()},
                            content=(ContentRecord(**checked.content.model_dump())
                                     if checked.content is not None else None),
                            evidence={k: [item_from(i.model_dump()) for i in v]
                                      for k, v in checked.evidence.items()})
    dropped: list[Dropped] = []
    current = content.versions
    older = {pid for pid, ver in assessment.packs.items()
             if pid not in current or _version_tuple(ver) < _version_tuple(current[pid])}
    record = assessment.content
    # answered against other content (an update, another folder): whatever no longer fits is
    # set aside like after a pack update; entries set aside before stay set aside
    other = record is not None and (record.id, record.version) != (content.content_id,
                                                                   content.content_version)
    kept = frozenset(record.set_aside) if record is not None else frozenset()

    def migrating(key: str) -> bool:
        return salvage or other or key in kept or key.split(".", 1)[0] in older

    answers = {}
    for qid, value in assessment.answers.items():
        info = content.questions.get(qid)
        if info is None:
            if migrating(qid):
                dropped.append(Dropped(qid, value, GONE_QUESTION))
                continue
            raise AssessmentError.said(UNKNOWN_ANSWER, file=name, question=short(qid))
        try:  # keyed by the content's own id string: lookups then match by identity
            answers[info.qid] = check_answer(info.question, value, qid)
        except AssessmentError as exc:
            if migrating(qid):
                dropped.append(Dropped(qid, value, NO_LONGER_FITS))
                continue
            raise AssessmentError.said(BAD_ANSWER, file=name, problem=exc.note) from exc
    notes = {}
    for qid, note in assessment.notes.items():
        if qid in content.questions:
            notes[qid] = note
        elif migrating(qid) or note == "":
            dropped.append(Dropped(qid, note, GONE_NOTE))
        else:
            raise AssessmentError.said(UNKNOWN_NOTE, file=name, question=short(qid))
    plan = {}
    for aid, edit in assessment.plan.items():
        if aid in content.actions:
            plan[aid] = edit
        elif older or salvage or other or aid in kept:
            dropped.append(Dropped(aid, edit.as_dict(), GONE_ACTION))
        else:
            raise AssessmentError.said(UNKNOWN_ACTION, file=name, action=short(aid))
    assessment = dataclasses.replace(assessment, answers=answers, notes=notes, plan=plan)
    return Loaded(assessment, dropped, name)


def load_assessment(path: Path, content) -> Loaded:
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise AssessmentError.said(TOO_BIG, file=name, size=f"{size / 2**20:.1f}",
                                       limit=MAX_BYTES // 2**20)
        # an ordinary file only (a pipe would wait for a writer forever), and never more than
        # the limit, whatever stat said
        data = read_regular(path, MAX_BYTES)
    except FileNotFoundError as exc:
        raise AssessmentError.said(NO_FILE, file=name) from exc
    except (IsADirectoryError, NotRegular) as exc:
        if path.is_dir():
            raise AssessmentError.said(IS_FOLDER, file=name) from exc
        raise AssessmentError.said(NOT_A_FILE, file=name) from exc
    except OSError as exc:
        raise AssessmentError.said(UNREADABLE, file=name, reason=exc.strerror) from exc
    return parse_assessment(data, content, name)


def save_assessment(path: Path, assessment: Assessment) -> None:
    """Save atomically, keeping the previous version as ``<name>.bak``."""
    # "replace": an unpaired surrogate (never real text) must not make the work unsaveable
    atomic_write(Path(path), assessment.to_json().encode("utf-8", "replace"), backup=True)


def with_set_aside(assessment: Assessment, kept) -> Assessment:
    """A copy of ``assessment`` with the entries set aside when it was read (``Dropped``: answers
    and notes to questions, plan entries for actions, the current content does not have, or
    answers that no longer fit) put back, and their keys listed in the content record's
    ``set_aside``, so that reading the file again sets them aside again instead of refusing
    it. An entry the user has since replaced (a question answered again) is not put back."""
    answers, notes, plan = dict(assessment.answers), dict(assessment.notes), dict(assessment.plan)
    keys = []
    for item in kept:
        if item.reason == GONE_ACTION:
            if item.key not in plan and isinstance(item.value, dict):
                plan[item.key] = PlanEdit(**{k: v for k, v in item.value.items()
                                            if k in PlanEdit.__dataclass_fields__})
                keys.append(item.key)
        elif item.reason == GONE_NOTE:
            if item.key not in notes and item.value:
                notes[item.key] = item.value
                keys.append(item.key)
        elif item.key not in answers:
            answers[item.key] = item.value
            keys.append(item.key)
    record = assessment.content or ContentRecord()
    record = dataclasses.replace(record, set_aside=sorted(set(keys)))
    return dataclasses.replace(assessment, answers=answers, notes=notes, plan=plan,
                               content=record)


def set_answer(assessment: Assessment, content, qid: str, value: Optional[Any]) -> None:
    """Record (or with ``None``, clear) one answer after checking it."""
    info = content.questions.get(qid)
    if info is None:
        raise AssessmentError.said(UNKNOWN_QUESTION, question=short(qid))
    answers = dict(assessment.answers)
    if value is None or value == [] or value == "":
        answers.pop(qid, None)
    else:
        answers[info.qid] = check_answer(info.question, value, qid)
    assessment.answers = answers
    assessment.packs = content.versions
