"""Reading many assessment files quickly (a client library), with the full reader's result.

:func:`read_quickly` gives exactly what :func:`wizard.core.assessment.parse_assessment` gives,
in a fraction of its time for a file as the program saves it: one pass of the schema's own
JSON reader in strict mode, and each answer checked once per run (:class:`AnswerChecks`: most
clients share most of their answers). A file that is anything else (damaged,
hand-edited, answered with other packs, with duplicate keys or unusual numbers) goes the full
way, which accepts or refuses it in its own words: this module only ever says "not the common
case", never why a file is wrong.

The tests (``tests/core/test_quick_read.py``) hold the two readers to the same result for good
files and every kind of bad one.
"""

from __future__ import annotations

import re
from typing import Any

from wizard.core.answers import check_answer
from wizard.core.assessment import (MAX_BYTES, MAX_DIGITS, MAX_ENTRIES, MAX_PACKS, MAX_TEXT,
                                    SCHEMA_VERSION, Assessment, ContentRecord, Loaded, Meta,
                                    PlanEdit, legacy_id, parse_assessment)
from wizard.core.errors import AssessmentError
from wizard.core.evidence import item_from
from wizard.core.model import YES_NO_UNSURE

_HUGE = 10**MAX_DIGITS
_KEY_END = re.compile(r'"[ \t\n\r]*:')


class _Unusual(Exception):
    """Something :func:`read_quickly` leaves to the full reader to judge and word."""


class AnswerChecks:
    """Answers already checked against one content, kept by the caller of
    :func:`read_quickly` for a run over many files (clients share most of their answers):
    ``options`` holds, by question, every option a yes/no or single-choice answer may be,
    ``seen`` each other answer already checked, with its normal form (None when it is its
    own)."""

    def __init__(self, content) -> None:
        self.content = content
        self.seen: dict[tuple, Any] = {}
        self.options = {
            qid: frozenset(YES_NO_UNSURE if info.kind == "yes_no_unsure" else
                           [o.id for o in info.question.options] if info.kind == "single"
                           else ())
            for qid, info in content.questions.items()}


def _checked_answers(answers: dict, checks: AnswerChecks) -> dict[str, Any]:
    """``answers`` (the schema's own dict for this file, changed in place) as
    :func:`check_answer` leaves them; :class:`_Unusual` for an answer to a question the content
    does not have, or a value the full path should word."""
    if not answers.keys() <= checks.content.questions.keys():
        raise _Unusual()
    options = checks.options
    questions, seen = checks.content.questions, checks.seen
    for qid, value in [(qid, value) for qid, value in answers.items()
                       if value.__class__ is not str or value not in options[qid]]:
        kind = value.__class__
        if kind is list:            # items other than text: check_answer refuses them
            key = (qid, list, *value)
        elif kind is str:
            if len(value) > MAX_TEXT:
                raise _Unusual()
            key = (qid, str, value)
        elif (kind is int or kind is float) and abs(value) < _HUGE:
            key = (qid, kind, value)
        else:
            raise _Unusual()
        if key in seen:
            normal = seen[key]
        else:               # None: the value is already in its normal form
            checked = check_answer(questions[qid].question, value, qid)
            normal = seen[key] = (None if checked == value and checked.__class__ is kind
                                  else checked)
        if normal is not None:
            answers[qid] = list(normal) if normal.__class__ is list else normal
    return answers


def _keys(checked) -> int:
    """How many object keys the file held, from what the schema read of it."""
    plan = checked.plan
    return (len(checked.model_fields_set) + len(checked.meta.model_fields_set) + len(checked.packs)
            + len(checked.answers) + len(checked.notes) + len(plan)
            + sum(len(entry.model_fields_set) for entry in plan.values())
            + (len(checked.content.model_fields_set) + len(checked.content.findings)
               if checked.content is not None else 0)
            + len(checked.evidence)
            + sum(len(item.model_fields_set) for items in checked.evidence.values()
                  for item in items))


def _colons(checked) -> int:
    """The colons in the free texts of a file the schema read (a lower bound of those in all
    its texts)."""
    count = sum(v.count(":") for v in checked.meta.__dict__.values())
    count += sum(v.count(":") for v in checked.notes.values())
    for entry in checked.plan.values():
        count += entry.owner.count(":") + entry.comment.count(":")
    if checked.content is not None:
        record = checked.content
        count += record.id.count(":") + record.version.count(":") + record.on.count(":")
        count += sum(text.count(":") for text in (*record.findings, *record.open,
                                                  *record.set_aside))
    for key, items in checked.evidence.items():
        count += key.count(":")
        for item in items:
            count += sum(text.count(":") for text in (item.name, item.sha256, item.reference,
                                                      item.note, item.added))
    return count


def _quick(data: bytes, checks: AnswerChecks, name: str) -> Loaded:
    from wizard.core import assessment_schema   # imports pydantic: when a file is read

    if len(data) > MAX_BYTES:
        raise _Unusual()
    text = data.decode("utf-8-sig")
    # strict: no "2" or true for a number. The reader refuses unpaired surrogates itself.
    checked = assessment_schema.Assessment.model_validate_json(text, strict=True)
    if not {"format", "schema_version"} <= checked.model_fields_set:
        raise _Unusual()
    if not 1 <= checked.schema_version <= SCHEMA_VERSION:
        raise _Unusual()
    content = checks.content
    if (len(checked.answers) > MAX_ENTRIES or len(checked.notes) > MAX_ENTRIES
            or len(checked.plan) > MAX_ENTRIES or len(checked.packs) > MAX_PACKS
            or not checked.notes.keys() <= content.questions.keys()
            or not checked.plan.keys() <= content.actions.keys()
            or any(len(k) > MAX_TEXT or len(v) > MAX_TEXT for k, v in checked.packs.items())):
        raise _Unusual()        # beyond a limit, or entries the full path sets aside or refuses
    # every key in the text is one the schema read, so no key appeared twice. A colon in the
    # text follows a key or is inside a text: so, where no escape can hide one, there are no
    # more colons than keys and the colons of the texts that hold them most (the meta, notes
    # and plan); or else (slower) no more quotes followed by a colon than keys
    keys = _keys(checked)
    if ((text.count(":") != keys + _colons(checked) or "\\u" in text)
            and len(_KEY_END.findall(text)) != keys):
        raise _Unusual()
    record = checked.content
    if record is not None and (record.set_aside or (record.id, record.version) != (
            content.content_id, content.content_version)):
        raise _Unusual()        # other content, or entries set aside: the full path keeps them
    answers = _checked_answers(checked.answers, checks)
    meta = Meta(**checked.meta.__dict__)
    assessment = Assessment(format=checked.format, schema_version=SCHEMA_VERSION,
                            id=checked.id or legacy_id(checked.meta.__dict__),
                            packs=dict(checked.packs), meta=meta, answers=answers,
                            notes=dict(checked.notes),
                            plan={k: PlanEdit(**v.__dict__) for k, v in checked.plan.items()},
                            content=(ContentRecord(**record.model_dump())
                                     if record is not None else None),
                            evidence={k: [item_from(i.model_dump()) for i in v]
                                      for k, v in checked.evidence.items()})
    return Loaded(assessment, [], name)


def read_quickly(data: bytes, checks: AnswerChecks, name: str = "<assessment>") -> Loaded:
    """What ``parse_assessment(data, checks.content, name)`` gives, quickly for the common
    case (see the module's docstring)."""
    try:
        return _quick(data, checks, name)
    except (_Unusual, AssessmentError, ValueError, RecursionError, TypeError):
        return parse_assessment(data, checks.content, name)
