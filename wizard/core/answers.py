"""Checking one answer against its question: the rules shared by the assessment loader, the
wizard's input fields and the CLI. Returns the normalised value or raises AssessmentError."""

from __future__ import annotations

import math
from typing import Any

from wizard.core.errors import AssessmentError
from wizard.core.model import YES_NO_UNSURE, Question


def _fmt(number: float) -> str:
    return f"{number:g}"


def check_answer(question: Question, value: Any, qid: str) -> Any:
    """``value`` normalised for ``question`` (lists de-duplicated in option order, numbers as
    int or float), or AssessmentError saying what is allowed."""
    kind = question.kind
    if kind == "calculator":
        raise AssessmentError(f"{qid}: is computed by the program and cannot be answered")
    if kind == "yes_no_unsure":
        if value not in YES_NO_UNSURE:
            raise AssessmentError(f"{qid}: answer {value!r} is not allowed; use yes, no or unsure")
        return value
    if kind == "single":
        if not isinstance(value, str) or question.option(value) is None:
            valid = ", ".join(o.id for o in question.options)
            raise AssessmentError(f"{qid}: answer {value!r} is not an option (valid: {valid})")
        return value
    if kind in ("multi", "countries"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise AssessmentError(f"{qid}: expected a list of "
                                  f"{'option ids' if kind == 'multi' else 'country codes'}")
        if kind == "multi":
            unknown = [v for v in value if question.option(v) is None]
            if unknown:
                valid = ", ".join(o.id for o in question.options)
                raise AssessmentError(f"{qid}: {', '.join(map(repr, unknown))} not an option "
                                      f"(valid: {valid})")
            chosen = set(value)
            exclusive = [oid for oid in question.exclusive if oid in chosen]
            if exclusive and len(chosen) > 1:
                raise AssessmentError(f"{qid}: '{exclusive[0]}' cannot be combined with other "
                                      "options")
            return [o.id for o in question.options if o.id in chosen]
        from wizard.core.validate import iso_codes

        codes = iso_codes()
        unknown = [v for v in value if v not in codes]
        if unknown:
            raise AssessmentError(f"{qid}: {', '.join(map(repr, unknown))} not an ISO 3166 "
                                  "two-letter country code")
        return sorted(set(value))
    if kind == "number":
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**300:
            raise AssessmentError(f"{qid}: the number is too large")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise AssessmentError(f"{qid}: expected a number, got {value!r}")
        if question.integer and value != int(value):
            raise AssessmentError(f"{qid}: expected a whole number, got {_fmt(value)}")
        if question.min is not None and value < question.min:
            raise AssessmentError(f"{qid}: {_fmt(value)} is below the minimum "
                                  f"{_fmt(question.min)}")
        if question.max is not None and value > question.max:
            raise AssessmentError(f"{qid}: {_fmt(value)} is above the maximum "
                                  f"{_fmt(question.max)}")
        return int(value) if question.integer or (isinstance(value, float) and value.is_integer()
                                                   and abs(value) < 2**53) else value
    if kind == "text":
        if not isinstance(value, str):
            raise AssessmentError(f"{qid}: expected text, got {value!r}")
        if len(value) > question.max_length:
            raise AssessmentError(f"{qid}: the text is {len(value)} characters; at most "
                                  f"{question.max_length}")
        return value
    raise AssessmentError(f"{qid}: unknown question kind {kind!r}")  # pragma: no cover
