"""What an imported sheet (an Excel tracker, a client's questionnaire) gives the core: cells
with their place, and the refusals and changes the core hands back.

The core never reads a workbook (that is :mod:`wizard.report.xlsx_read`); it gets plain
:class:`Cell` values that say where they came from (``'Action plan'!K7``), checks them with the
rules the wizard uses, and names the place of every refusal. Nothing here guesses: a value
that is not exactly one of the allowed forms is refused with what is allowed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from wizard.core.answers import short
from wizard.i18n import N_, Note

AT = N_("{place}: {problem}")
FORMULA = N_("contains a formula ({value}); type the value itself")


@dataclass(frozen=True)
class Cell:
    """One cell of a sheet: its place (``'Sheet'!B7``, shown in messages as it is), its value
    (text, a number, a date, a boolean or None when empty) and whether it holds a formula."""

    place: str
    value: Any = None
    formula: bool = False

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


@dataclass(frozen=True)
class Refusal:
    """A cell (or row) that is not imported, and why (a Note: shown in the reader's
    language)."""

    place: str
    problem: Note

    @property
    def note(self) -> Note:
        return Note(AT, {"place": self.place, "problem": self.problem})

    def render(self, lang: str) -> str:
        return self.note.render(lang)


def refusal(cell: Cell, msgid: str, **params: Any) -> Refusal:
    return Refusal(cell.place, Note(msgid, params))


def formula_refusal(cell: Cell) -> Refusal:
    return refusal(cell, FORMULA, value=short(cell.value))


def text_of(cell: Cell) -> str:
    """A cell's text as typed (whole numbers without '.0'); '' when empty."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if isinstance(value, str) else str(value)


def folded(text: str) -> str:
    """Text compared the way a person reads it: spaces collapsed, case ignored."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def as_date(cell: Cell):
    """An ISO date string from a date cell or text written ``YYYY-MM-DD`` (None when empty);
    ValueError for anything else (numbers, other date forms: never guessed)."""
    value = cell.value
    if cell.empty:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0, 0):
            raise ValueError(value)
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return dt.date.fromisoformat(value.strip()).isoformat()
    raise ValueError(value)
