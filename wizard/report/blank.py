"""The blank checklist: every question of the chosen packs, numbered, with boxes to tick and
lines to write on, and the skip logic in words, for interviews on paper.

Write-in space follows what a question asks for (``write_in``): a number gets one short line,
a list of countries or a free text several lines, and every question note lines for the
interviewer: more for the checklist's control questions, whose evidence is what counsel
asks about, and for questions with long explanations.

``blank_parts(content, packs)`` arranges the questions; ``render_html`` and ``render_pdf`` (Qt)
print them. Numbers run through all the chosen packs in the order the wizard asks them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional, Sequence

from wizard import __version__
from wizard.core import expr
from wizard.core.errors import InputError
from wizard.i18n import N_, translate
from wizard.report import templating
from wizard.report.common import tr
from wizard.report.wording import FRAME_PART, FRAME_QUESTION, FRAME_SECTION, Wording

TITLE = N_("AI Trade Readiness questionnaire (blank)")
COMPUTED = N_("Worked out by the program from {inputs}: nothing to fill in here.")
EXCLUSIVE = N_("\u201c{option}\u201d cannot be combined with other answers.")


ANSWER_LINES = {"text": 4, "countries": 3}   # lines to write the answer itself on
NOTE_LINES = 2                              # lines for the interviewer's note, at least
LONG_HELP = 300                             # characters of help: a question that needs more


@dataclass
class BlankQuestion:
    number: int
    qid: str
    question: object
    condition: Optional[dict] = None
    computed_from: Optional[dict] = None
    exclusive: list[dict] = field(default_factory=list)
    answer_lines: int = 0
    note_lines: int = NOTE_LINES


def write_in(question) -> tuple[int, int]:
    """(answer lines, note lines) for ``question`` on paper."""
    if question.kind == "calculator":
        return 0, 0
    notes = NOTE_LINES
    if question.role == "control":                 # the evidence behind the answer
        notes += 1
    if len(question.help.get("en") or "") > LONG_HELP:
        notes += 1
    return ANSWER_LINES.get(question.kind, 0), notes


@dataclass
class BlankSection:
    title: dict
    condition: Optional[dict]
    questions: list[BlankQuestion] = field(default_factory=list)


@dataclass
class BlankPart:
    pack: object
    title: dict
    intro: dict
    condition: Optional[dict]
    sections: list[BlankSection] = field(default_factory=list)


def choose_packs(content, pack_ids: Optional[Sequence[str]]) -> list:
    """The packs to print, in the wizard's order; every pack when none is named."""
    if not pack_ids:
        return list(content.packs)
    known = {p.id for p in content.packs}
    unknown = [p for p in pack_ids if p not in known]
    if unknown:
        raise InputError(f"unknown pack {', '.join(map(repr, unknown))}; the packs are: "
                         f"{', '.join(p.id for p in content.packs)}")
    wanted = set(pack_ids)
    return [p for p in content.packs if p.id in wanted]


def blank_parts(content, pack_ids: Optional[Sequence[str]] = None) -> list[BlankPart]:
    packs = choose_packs(content, pack_ids)
    chosen = {p.id for p in packs}
    numbers = {qid: n for n, qid in enumerate(
        (q for q, info in content.questions.items() if info.pack.id in chosen), start=1)}
    wording = Wording(content, numbers)
    parts = []
    for pack in packs:
        applies = content.applies.get(pack.id)
        part = BlankPart(pack, pack.title.as_dict(), pack.intro.as_dict(),
                         wording.both(applies, FRAME_PART) if applies is not None else None)
        for section in pack.sections:
            cond = (wording.both(expr.parse(section.show_if, pack.id), FRAME_SECTION)
                    if section.show_if else None)
            block = BlankSection(section.title.as_dict(), cond)
            for question in section.questions:
                qid = f"{pack.id}.{question.id}"
                item = BlankQuestion(numbers[qid], qid, question)
                item.answer_lines, item.note_lines = write_in(question)
                if question.show_if:
                    item.condition = wording.both(expr.parse(question.show_if, pack.id),
                                                  FRAME_QUESTION)
                if question.kind == "calculator":
                    inputs = [f"{pack.id}.{src}" for src in question.inputs.values()]
                    item.computed_from = {lang: translate(
                        COMPUTED, lang, inputs=wording.numbers_of(inputs, lang))
                        for lang in ("ko", "en")}
                for oid in question.exclusive:
                    option = question.option(oid)
                    if option is not None:
                        item.exclusive.append({lang: translate(
                            EXCLUSIVE, lang, option=option.label.get(lang))
                            for lang in ("ko", "en")})
                block.questions.append(item)
            part.sections.append(block)
        parts.append(part)
    return parts


def blank_context(content, lang: str, pack_ids=None, *, target: str, on=None) -> dict:
    from wizard.core.age import content_age
    from wizard.report.view import Helpers

    parts = blank_parts(content, pack_ids)
    versions = " \u00b7 ".join(f"{p.pack.id} {p.pack.version}" for p in parts)
    packs = [p.pack for p in parts]
    return {
        "target": target,
        "h": Helpers(lang),
        "html_lang": "en" if lang == "en" else "ko",
        "parts": parts,
        "versions": versions,
        "as_of": min([p.as_of for p in packs] + [content.as_of]).isoformat(),
        "review_by": min([p.review_by for p in packs] + [content.review_by]).isoformat(),
        "program_version": _program_version(),
        "title": TITLE,
        "age": content_age(content, on or dt.date.today()),
        "unverified": content.unverified,
    }


def _program_version() -> str:
    return __version__


def render_html(content, lang: str, pack_ids=None, on=None) -> str:
    context = blank_context(content, lang, pack_ids, target="web", on=on)
    return templating.render("blank.html", lang, **context)


def build_document(content, lang: str, pack_ids=None, on=None):
    """The blank checklist as a QTextDocument on A4 pages (for printing from the wizard)."""
    from wizard.report.pdf import new_document

    context = blank_context(content, lang, pack_ids, target="qt", on=on)
    return new_document(templating.render("blank.html", lang, **context))


def render_pdf(content, lang: str, pack_ids=None, on=None) -> bytes:
    from wizard.report.pdf import document_pdf_bytes

    doc = build_document(content, lang, pack_ids, on=on)
    title = tr(TITLE, lang)
    return document_pdf_bytes(doc, title, lang, title)
