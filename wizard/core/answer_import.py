"""Reading a client's questionnaire back: each answer cell turned into the answer the wizard
would store, through the same check (:func:`wizard.core.answers.check_answer`), and each note.

What a cell may hold, by question kind (the sheet says the same next to every question):

* yes / no / unsure and single choice: the option as the sheet's list shows it (Korean,
  English or both), or its id;
* multiple choice: the options' numbers (``1, 3``) or their names, one per line or separated
  by ``;``;
* countries: ISO codes (``KR, US``) or country names as the program writes them, separated by
  commas, ``;`` or lines;
* number: a number cell, or a number typed as text (``1,600`` or ``1600.5``);
* text: any text.

Anything else is refused with its cell and what is allowed; nothing is guessed. An empty answer
cell leaves the answer as it is (it never clears one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from wizard.core.answers import check_answer, short
from wizard.core.assessment import MAX_NOTE
from wizard.core.cells import Cell, Refusal, folded, formula_refusal, refusal, text_of
from wizard.core.errors import AssessmentError
from wizard.core.labels import YES_NO
from wizard.core.model import YES_NO_UNSURE
from wizard.i18n import LANGUAGES, N_, translate

UNKNOWN_QUESTION = N_("unknown question {question} (is the questionnaire for another version "
                      "of the questions?)")
COMPUTED = N_("this question is worked out by the program; leave the cell empty")
NOT_AN_OPTION = N_("{value} is not one of the options ({valid})")
NOT_NUMBERS = N_("{value}: option numbers run from 1 to {count}")
NOT_A_COUNTRY = N_("{value} is not a country code or a country name the program knows (write "
                   "ISO codes such as KR, US, CN)")
NOT_A_NUMBER = N_("{value} is not a number (write the number alone, without a unit)")
LONG_NOTE = N_("the note is {length} characters; at most {limit}")
TWICE = N_("question {question} is listed twice (first at {first})")

_NUMBER = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")


@dataclass(frozen=True)
class AnswerRow:
    """One question row: the cell of its id, its answer cell and its notes cell."""

    question: Cell
    answer: Cell
    note: Cell


@dataclass(frozen=True)
class AnswerChange:
    place: str
    question: str
    kind: str           # "answer" or "note"
    before: Any
    after: Any


@dataclass
class AnswerImport:
    changes: list[AnswerChange] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    answered: int = 0


def option_names(option) -> list[str]:
    """How a sheet may name an option: its label in each language, both as "ko / en", its id."""
    ko, en = option.label.ko, option.label.en
    return [ko, en, f"{ko} / {en}", option.id]


def yes_no_names(key: str) -> list[str]:
    ko, en = translate(YES_NO[key], "ko"), translate(YES_NO[key], "en")
    return [ko, en, f"{ko} / {en}", key]


def _lookup(names: dict[str, str], text: str) -> Optional[str]:
    return names.get(folded(text))


def _choice_names(question) -> dict[str, str]:
    if question.kind == "yes_no_unsure":
        return {folded(n): key for key in YES_NO_UNSURE for n in yes_no_names(key)}
    return {folded(n): o.id for o in question.options for n in option_names(o)}


def _valid(question) -> str:
    if question.kind == "yes_no_unsure":
        return ", ".join(f"{translate(YES_NO[k], 'ko')} / {translate(YES_NO[k], 'en')}"
                         for k in YES_NO_UNSURE)
    return "; ".join(f"{i}) {o.label.ko} / {o.label.en}"
                     for i, o in enumerate(question.options, start=1))


def _country_names() -> dict[str, str]:
    from wizard.core.presenting import country_names

    out = {}
    for code, by_lang in country_names().items():
        for lang in LANGUAGES:
            if by_lang.get(lang):
                out[folded(by_lang[lang])] = code
    return out


def parse_cell(question, cell: Cell) -> tuple[Any, Optional[Refusal]]:
    """The answer a cell gives ``question`` (before the common check), or a refusal."""
    kind = question.kind
    text = text_of(cell)
    if kind in ("yes_no_unsure", "single"):
        value = _lookup(_choice_names(question), text)
        if value is None:
            return None, refusal(cell, NOT_AN_OPTION, value=short(text), valid=_valid(question))
        return value, None
    if kind == "multi":
        parts = [p.strip() for p in re.split(r"[,;\n]", text) if p.strip()]
        if parts and all(p.isdigit() for p in parts):
            count = len(question.options)
            if any(not 1 <= int(p) <= count for p in parts):
                return None, refusal(cell, NOT_NUMBERS, value=short(text), count=count)
            return [question.options[int(p) - 1].id for p in parts], None
        names = _choice_names(question)
        chosen = []
        for part in (p.strip() for p in re.split(r"[;\n]", text) if p.strip()):
            value = _lookup(names, part)
            if value is None:
                return None, refusal(cell, NOT_AN_OPTION, value=short(part),
                                     valid=_valid(question))
            chosen.append(value)
        return chosen, None
    if kind == "countries":
        known = None
        codes = []
        for part in (p.strip() for p in re.split(r"[,;\n]", text) if p.strip()):
            if len(part) == 2 and part.isascii() and part.isalpha():
                codes.append(part.upper())
                continue
            known = known if known is not None else _country_names()
            code = known.get(folded(part))
            if code is None:
                return None, refusal(cell, NOT_A_COUNTRY, value=short(part))
            codes.append(code)
        return codes, None
    if kind == "number":
        value = cell.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            if not isinstance(value, str) or not _NUMBER.fullmatch(value.strip()):
                return None, refusal(cell, NOT_A_NUMBER, value=short(text))
            number = value.strip().replace(",", "")
            value = float(number) if "." in number else int(number)
        return value, None
    if kind == "text":
        return text if isinstance(cell.value, (str, int)) else str(cell.value), None
    return None, refusal(cell, COMPUTED)


def answer_changes(assessment, content, rows: list[AnswerRow]) -> AnswerImport:
    """What importing the answer rows into ``assessment`` would change, and what is refused.
    Every answer goes through the wizard's own check; empty answer cells change nothing."""
    result = AnswerImport()
    seen: dict[str, str] = {}
    for row in rows:
        if row.question.empty:
            continue
        qid = text_of(row.question)
        info = content.questions.get(qid)
        if info is None:
            result.refusals.append(refusal(row.question, UNKNOWN_QUESTION, question=short(qid)))
            continue
        if qid in seen:
            result.refusals.append(refusal(row.question, TWICE, question=qid, first=seen[qid]))
            continue
        seen[qid] = row.question.place
        _answer(result, assessment, info, row.answer)
        _note(result, assessment, qid, row.note)
    return result


def _answer(result: AnswerImport, assessment, info, cell: Cell) -> None:
    if cell.empty:
        return
    if cell.formula:
        result.refusals.append(formula_refusal(cell))
        return
    if info.kind == "calculator":
        result.refusals.append(refusal(cell, COMPUTED))
        return
    value, refused = parse_cell(info.question, cell)
    if refused is None:
        try:
            value = check_answer(info.question, value, info.qid)
        except AssessmentError as exc:
            refused = Refusal(cell.place, getattr(exc, "problem", None) or exc.note)
    if refused is not None:
        result.refusals.append(refused)
        return
    result.answered += 1
    before = assessment.answers.get(info.qid)
    if before != value:
        result.changes.append(AnswerChange(cell.place, info.qid, "answer", before, value))


def _note(result: AnswerImport, assessment, qid: str, cell: Cell) -> None:
    if cell.empty:
        return
    if cell.formula:
        result.refusals.append(formula_refusal(cell))
        return
    text = text_of(cell)
    if len(text) > MAX_NOTE:
        result.refusals.append(refusal(cell, LONG_NOTE, length=len(text), limit=MAX_NOTE))
        return
    before = assessment.notes.get(qid, "")
    if before != text:
        result.changes.append(AnswerChange(cell.place, qid, "note", before, text))


def apply_answers(assessment, content, changes: list[AnswerChange]) -> None:
    """Put accepted answers and notes into ``assessment`` (answers through ``set_answer``, as
    the wizard records them)."""
    from wizard.core.assessment import set_answer

    notes = dict(assessment.notes)
    for change in changes:
        if change.kind == "answer":
            set_answer(assessment, content, change.question, change.after)
        elif change.after:
            notes[change.question] = change.after
        else:
            notes.pop(change.question, None)
    assessment.notes = notes
