"""Checking one answer against its question: the rules shared by the assessment loader, the
wizard's input fields and the CLI. Returns the normalised value or raises AssessmentError.

The error's message is "<question id>: <problem>" in English (``str``) and as a Note that
the wizard and reports show in the reader's language; ``error.problem`` is the problem alone
(the wizard shows it under the field, where the question is already known)."""

from __future__ import annotations

import math
import reprlib
from typing import Any

from wizard.core.errors import AssessmentError
from wizard.core.model import YES_NO_UNSURE, Question
from wizard.i18n import N_, Note

PROBLEM = N_("{place}: {problem}")  # place: a question id, or a field such as meta.date
COMPUTED = N_("is computed by the program and cannot be answered")
NOT_YES_NO = N_("answer {value} is not allowed; use yes, no or unsure")
NOT_AN_OPTION = N_("answer {value} is not an option (valid: {valid})")
NOT_OPTION_LIST = N_("expected a list of option ids")
NOT_COUNTRY_LIST = N_("expected a list of country codes")
UNKNOWN_OPTIONS = N_("{values} not an option (valid: {valid})")
EXCLUSIVE = N_("'{option}' cannot be combined with other options")
UNKNOWN_COUNTRIES = N_("{values} not an ISO 3166 two-letter country code")
TOO_LARGE = N_("the number is too large")
NOT_A_NUMBER = N_("expected a number, got {value}")
NOT_WHOLE = N_("expected a whole number, got {value}")
BELOW = N_("{value} is below the minimum {minimum}")
ABOVE = N_("{value} is above the maximum {maximum}")
NOT_TEXT = N_("expected text, got {value}")
TOO_LONG = N_("the text is {length} characters; at most {limit}")

_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 60
_REPR.maxlong = 40
_REPR.maxlist = _REPR.maxdict = 6
_REPR.maxlevel = 3


def short(value: Any) -> str:
    """A value from a file or a field as a message shows it: a repr, never a page long."""
    return _REPR.repr(value)


def _fmt(number: float) -> str:
    return f"{number:g}"


def _refuse(qid: str, msgid: str, **params: Any) -> AssessmentError:
    problem = Note(msgid, params)
    return AssessmentError.said(PROBLEM, {"problem": problem}, place=qid, problem=problem)


def check_answer(question: Question, value: Any, qid: str) -> Any:
    """``value`` normalised for ``question`` (lists de-duplicated in option order, numbers as
    int or float), or AssessmentError saying what is allowed."""
    kind = question.kind
    if kind == "calculator":
        raise _refuse(qid, COMPUTED)
    if kind == "yes_no_unsure":
        if value not in YES_NO_UNSURE:
            raise _refuse(qid, NOT_YES_NO, value=short(value))
        return value
    if kind == "single":
        if not isinstance(value, str) or question.option(value) is None:
            valid = ", ".join(o.id for o in question.options)
            raise _refuse(qid, NOT_AN_OPTION, value=short(value), valid=valid)
        return value
    if kind in ("multi", "countries"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _refuse(qid, NOT_OPTION_LIST if kind == "multi" else NOT_COUNTRY_LIST)
        if kind == "multi":
            unknown = [v for v in value if question.option(v) is None]
            if unknown:
                valid = ", ".join(o.id for o in question.options)
                raise _refuse(qid, UNKNOWN_OPTIONS, values=", ".join(map(short, unknown)),
                              valid=valid)
            chosen = set(value)
            exclusive = [oid for oid in question.exclusive if oid in chosen]
            if exclusive and len(chosen) > 1:
                raise _refuse(qid, EXCLUSIVE, option=exclusive[0])
            return [o.id for o in question.options if o.id in chosen]
        from wizard.core.iso3166 import ISO_CODES

        codes = ISO_CODES
        unknown = [v for v in value if v not in codes]
        if unknown:
            raise _refuse(qid, UNKNOWN_COUNTRIES, values=", ".join(map(short, unknown[:10])))
        return sorted(set(value))
    if kind == "number":
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**300:
            raise _refuse(qid, TOO_LARGE)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise _refuse(qid, NOT_A_NUMBER, value=short(value))
        if question.integer and value != int(value):
            raise _refuse(qid, NOT_WHOLE, value=_fmt(value))
        if question.min is not None and value < question.min:
            raise _refuse(qid, BELOW, value=_fmt(value), minimum=_fmt(question.min))
        if question.max is not None and value > question.max:
            raise _refuse(qid, ABOVE, value=_fmt(value), maximum=_fmt(question.max))
        return int(value) if question.integer or (isinstance(value, float) and value.is_integer()
                                                   and abs(value) < 2**53) else value
    if kind == "text":
        if not isinstance(value, str):
            raise _refuse(qid, NOT_TEXT, value=short(value))
        if len(value) > question.max_length:
            raise _refuse(qid, TOO_LONG, length=len(value), limit=question.max_length)
        return value
    raise AssessmentError(f"{qid}: unknown question kind {kind!r}")  # pragma: no cover
