"""Excel workbooks that go to the client and come back:

* the **action tracker** (``render_tracker``, ``report --format xlsx``): the action plan (owner,
  due date, status from a dropdown, comment to fill in), the checklist (with the programme
  element of each control) and the findings; read back by ``import-plan``;
* the **client questionnaire** (``render_questionnaire``, ``blank --format xlsx``): one row per
  question with a dropdown of its options, the help, the skip rule in words and a notes
  column; read back by ``import-answers``.

Headers, dropdowns and texts follow the report language (Korean, English, or both). Frozen
header rows, filters, column widths, print titles and the confidentiality marking in the page
header. Text that looks like a formula (``=``, ``+``, ``-``, ``@``) is stored as text and the
columns a client types in are formatted as text, so nothing typed ever runs as a formula.
The layout (sheet names, columns, the cells of the "About" sheet) is defined here once and
:mod:`wizard.report.xlsx_read` reads the same definitions back.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass
from typing import Any, Optional, Sequence

from wizard.core.localize import date_text, number_text
from wizard.i18n import N_, translate
from wizard.report.common import (OFFICE_FONT, UNVERIFIED, both_or_one, content_name, lab,
                                  marking_text, pick, status_text, tr)

TRACKER_FORMAT = "ai-trade-readiness-tracker"
QUESTIONNAIRE_FORMAT = "ai-trade-readiness-questionnaire"
FILE_VERSION = 1
TITLE_ROW, HINT_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4

SHEETS = {
    "plan": N_("Action plan"),
    "checklist": N_("Checklist"),
    "findings": N_("Findings"),
    "questions": N_("Questionnaire"),
    "about": N_("About this file"),
    "lists": N_("Lists"),
}


@dataclass(frozen=True)
class Column:
    key: str
    title: str          # gettext id
    width: float
    editable: bool = False


PLAN_COLUMNS = (
    Column("priority", N_("Priority"), 6),
    Column("action", N_("Action"), 50),
    Column("area", N_("Area"), 16),
    Column("severity", N_("Severity"), 9),
    Column("timeframe", N_("Timeframe"), 11),
    Column("findings", N_("Linked findings"), 34),
    Column("citations", N_("Citations"), 20),
    Column("owner_role", N_("Owner role"), 11),
    Column("owner", N_("Owner"), 16, True),
    Column("due", N_("Due date"), 12, True),
    Column("status", N_("Status"), 13, True),
    Column("comment", N_("Comment"), 34, True),
    Column("id", N_("Action ID"), 22),
)
CHECKLIST_COLUMNS = (
    Column("area", N_("Area"), 20),
    Column("control", N_("Control"), 60),
    Column("state", N_("State"), 14),
    Column("answer", N_("Answer"), 30),
    Column("note", N_("Note"), 30),
    Column("weight", N_("Weight"), 8),
)
FINDING_COLUMNS = (
    Column("area", N_("Area"), 20),
    Column("finding", N_("Finding"), 46),
    Column("severity", N_("Severity"), 11),
    Column("status", N_("Rule status"), 26),
    Column("confirm", N_("Confirm with counsel"), 12),
    Column("citations", N_("Citations"), 28),
    Column("explanation", N_("Explanation"), 70),
    Column("actions", N_("Actions in the plan"), 12),
)
QUESTION_COLUMNS = (
    Column("number", N_("No."), 6),
    Column("part", N_("Part"), 16),
    Column("section", N_("Section"), 18),
    Column("question", N_("Question"), 56),
    Column("answer", N_("Your answer"), 30, True),
    Column("how", N_("How to answer"), 36),
    Column("help", N_("Help"), 48),
    Column("condition", N_("Answer only if"), 34),
    Column("note", N_("Notes"), 34, True),
    Column("id", N_("Question ID"), 26),
)

# the "About this file" sheet: label in A, value in B, at these rows (the tracker keeps the
# assessment's id in row 3, the questionnaire its language)
ABOUT_FORMAT, ABOUT_VERSION, ABOUT_ID, ABOUT_COMPANY = 1, 2, 3, 4
FILE_LABEL = N_("File")
VERSION_LABEL = N_("File format version")
ID_LABEL = N_("Assessment ID")
LANGUAGE_LABEL = N_("Language")
COMPANY_LABEL = N_("Company")
COMPANY_FILL_IN = N_("Company (fill in)")

TRACKER_TITLE = N_("Action tracker")
TRACKER_HINT = N_("Fill in the yellow columns: owner, due date (a date), status (choose from "
                  "the list) and comment, then send the file back. Do not change the action "
                  "IDs or the other columns: they are not read back.")
QUESTIONNAIRE_TITLE = N_("Questionnaire to answer before the session")
QUESTIONNAIRE_HINT = N_("Answer in the yellow column (choose from the list where there is one) "
                        "and add notes in the notes column. Skip a question when its "
                        "condition does not hold. Leave a cell empty if you do not know: the "
                        "consultant will go through it with you.")
HOW_CHOOSE = N_("Choose from the list.")
HOW_MULTI = N_("Write the numbers of all that apply, separated by commas (e.g. 1, 3):")
HOW_COUNTRIES = N_("Write the ISO codes of the countries, separated by commas (e.g. KR, US, "
                   "CN).")
HOW_NUMBER = N_("A number.")
HOW_UNIT = N_("Unit: {unit}.")
HOW_RANGE = N_("From {minimum} to {maximum}.")
HOW_WHOLE = N_("A whole number.")
HOW_TEXT = N_("Text, at most {limit} characters.")
PICK_FROM_LIST = N_("Choose a value from the list.")
NOT_IN_LIST = N_("Not in the list")
NOT_A_DATE = N_("Not a date")
ENTER_DATE = N_("Enter a date (YYYY-MM-DD).")
OUT_OF_RANGE = N_("Out of range")
WATCH_ITEM = N_("Watch item")
YES = N_("Yes")
FOR_REFERENCE = N_("For reference: this sheet is not read back.")
EXPORTED = N_("Exported on")
CONTENT_VERSION = N_("Content version")
NOTICE = N_("This file is part of an AI Trade Readiness report. It is not legal advice.")

FONT = OFFICE_FONT   # Malgun Gothic, Korean Excel's default font
FONT_SIZE = 10
LINE_HEIGHT = 13.0   # points per line of FONT_SIZE text
HEADER_FILL = "E8EDF3"
EDIT_FILL = "FFF2CC"
ID_FONT = "7A8594"
MARKING_COLOUR = "B3261E"


# ----------------------------------------------------------------------------- words

def words(msgid: str, lang: str, **params) -> str:
    """A program string for a cell: one language, or Korean / English."""
    return tr(msgid, lang, **params)


def lines(text: Optional[dict], lang: str) -> str:
    """A questionnaire text for a cell: one language, or Korean then English on a new line."""
    return pick(text, lang, "\n")


def sheet_name(key: str, lang: str) -> str:
    """A sheet's name in ``lang`` (Excel allows no '/' in names: ``both`` is "ko (en)")."""
    msgid = SHEETS[key]
    ko, en = translate(msgid, "ko"), translate(msgid, "en")
    name = {"ko": ko, "en": en}.get(lang, ko if ko == en else f"{ko} ({en})")
    return name[:31]


def sheet_names(key: str) -> set[str]:
    return {sheet_name(key, lang) for lang in ("ko", "en", "both")}


def header_names(column: Column) -> set[str]:
    return {words(column.title, lang) for lang in ("ko", "en", "both")}


# ----------------------------------------------------------------------------- cells

class _Sheet:
    """A worksheet being written: title and hint rows, a header row, data rows."""

    def __init__(self, workbook, key: str, lang: str, columns: Sequence[Column],
                 *, first: bool = False) -> None:
        from openpyxl.utils import get_column_letter

        self.lang = lang
        self.columns = columns
        self.ws = workbook.active if first else workbook.create_sheet()
        self.ws.title = sheet_name(key, lang)
        self.index = {c.key: i for i, c in enumerate(columns, start=1)}
        self.letters = {c.key: get_column_letter(i) for i, c in enumerate(columns, start=1)}
        self.row = FIRST_ROW
        self.widths = {c.key: c.width for c in columns}
        for column in columns:
            self.ws.column_dimensions[self.letters[column.key]].width = column.width

    def top(self, title: str, hint: str) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        ws = self.ws
        put(ws.cell(TITLE_ROW, 1), title).font = Font(bold=True, size=13, color="16324F")
        last = self.letters[self.columns[-1].key]
        ws.merge_cells(f"A{HINT_ROW}:{last}{HINT_ROW}")
        cell = put(ws.cell(HINT_ROW, 1), hint)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[HINT_ROW].height = 46 if self.lang == "both" else 32
        bold = Font(bold=True)
        needed = 1
        for column in self.columns:
            text = words(column.title, self.lang) if column.title else ""
            needed = max(needed, text_lines(text, column.width)) if text else needed
            cell = put(ws.cell(HEADER_ROW, self.index[column.key]), text)
            cell.font = bold
            cell.fill = PatternFill("solid", fgColor=EDIT_FILL if column.editable
                                    else HEADER_FILL)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.row_dimensions[HEADER_ROW].height = LINE_HEIGHT * needed + 4

    def add(self, values: dict[str, Any]) -> int:
        ws, row = self.ws, self.row
        lines_needed = 1
        for key, value in values.items():
            put(ws.cell(row, self.index[key]), value)
            if isinstance(value, str) and value:
                lines_needed = max(lines_needed, text_lines(value, self.widths[key]))
        ws.row_dimensions[row].height = min(409, LINE_HEIGHT * lines_needed + 3)
        self.row += 1
        return row

    def finish(self, marking: str, title: str) -> None:
        """Wrapping, frozen header, filter, print titles, page header with the marking."""
        from openpyxl.styles import Alignment, Font

        ws = self.ws
        last_col = self.letters[self.columns[-1].key]
        last_row = max(self.row - 1, HEADER_ROW)
        wrap = Alignment(wrap_text=True, vertical="top")
        grey = Font(color=ID_FONT)
        for column in self.columns:
            index = self.index[column.key]
            for (cell,) in ws.iter_rows(min_row=FIRST_ROW, max_row=last_row, min_col=index,
                                        max_col=index):
                cell.alignment = wrap
                if column.key == "id":
                    cell.font = grey
                elif column.editable and column.key != "due":
                    cell.number_format = "@"     # typed text stays text, never a formula
        ws.freeze_panes = f"A{FIRST_ROW}"
        ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{last_row}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        setup = ws.page_setup
        setup.orientation = "landscape"
        setup.paperSize = ws.PAPERSIZE_A4
        setup.fitToWidth, setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.oddHeader.left.text = _header_text(title)
        ws.oddHeader.left.size = 8
        if marking:
            ws.oddHeader.right.text = _header_text(marking)
            ws.oddHeader.right.font = "-,Bold"
            ws.oddHeader.right.color = MARKING_COLOUR
        ws.oddFooter.right.text = "&P / &N"
        ws.oddFooter.right.size = 8


def text_lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes in a wrapped column ``width`` characters wide
    (Hangul and other wide characters count double): spreadsheets do not size rows of
    wrapped text themselves when they open a file, so the writer does."""

    usable = max(1.0, width - 1.5)
    total = 0
    for line in text.split("\n"):
        units = sum(1.6 if ord(ch) >= 0x1100 else 1.0 for ch in line)
        total += max(1, math.ceil(units / usable))
    return total


def _header_text(text: str) -> str:
    return text.replace("&", "&&")


def put(cell, value: Any):
    """Write ``value`` to ``cell``; text is always stored as text (``=1+1`` stays those four
    characters), without the control characters a workbook cannot hold."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        cell.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def _about(workbook, lang: str, fmt: str, third: tuple[str, str], company: str,
           rows: list[tuple[str, Any]], *, company_editable: bool = False) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    ws = workbook.create_sheet(sheet_name("about", lang))
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 70
    fixed = [(ABOUT_FORMAT, words(FILE_LABEL, lang), fmt),
             (ABOUT_VERSION, words(VERSION_LABEL, lang), FILE_VERSION),
             (ABOUT_ID, words(third[0], lang), third[1]),
             (ABOUT_COMPANY, words(COMPANY_FILL_IN if company_editable else COMPANY_LABEL,
                                   lang), company)]
    bold = Font(bold=True)
    for row, label, value in fixed:
        put(ws.cell(row, 1), label).font = bold
        put(ws.cell(row, 2), value)
    if company_editable:
        ws.cell(ABOUT_COMPANY, 2).fill = PatternFill("solid", fgColor=EDIT_FILL)
        ws.cell(ABOUT_COMPANY, 2).number_format = "@"
    row = ABOUT_COMPANY + 1
    for label, value in rows:
        put(ws.cell(row, 1), label).font = bold
        put(ws.cell(row, 2), value)
        row += 1
    row += 1
    cell = put(ws.cell(row, 1), words(NOTICE, lang))
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    cell.alignment = Alignment(wrap_text=True)
    for (a, b) in ws.iter_rows(min_row=1, max_row=row, max_col=2):
        b.alignment = Alignment(wrap_text=True, vertical="top")


def _lists(workbook, lang: str):
    ws = workbook.create_sheet(sheet_name("lists", lang))
    ws.sheet_state = "hidden"
    return ws


def _list_validation(ws_lists, column: int, values: list[str], lang: str):
    """A dropdown of ``values`` (written to a column of the hidden list sheet)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for row, value in enumerate(values, start=1):
        put(ws_lists.cell(row, column), value)
    letter = get_column_letter(column)
    ref = f"'{ws_lists.title}'!${letter}$1:${letter}${max(1, len(values))}"
    return DataValidation(type="list", formula1=ref, allow_blank=True, showErrorMessage=True,
                          errorTitle=words(NOT_IN_LIST, lang)[:32],
                          error=words(PICK_FROM_LIST, lang)[:255])


def _save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _new_workbook(title: str, subject: str):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    # the default cell font: Malgun Gothic with the Hangul character set, so Excel shows
    # Hangul (or substitutes a Korean font) wherever the file is opened
    workbook._named_styles["Normal"].font = Font(name=FONT, size=FONT_SIZE, charset=129,
                                                 family=2)
    workbook._fonts[0] = workbook._named_styles["Normal"].font
    workbook.properties.title = title
    workbook.properties.subject = subject
    workbook.properties.creator = "AI Trade Readiness"
    return workbook


# ----------------------------------------------------------------------------- the tracker

def render_tracker(report, lang: str, *, group: str = "area") -> bytes:
    """The action tracker of ``report`` in ``lang`` as .xlsx bytes (``group`` orders the
    checklist sheet by area or by a framework's elements)."""
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    from wizard.core.plan_import import status_names
    from wizard.report.view import checklist_groups

    meta = report.meta
    marking = marking_text(meta, lang)
    company = meta.get("company") or ""
    title = words(TRACKER_TITLE, lang) + (f" \u00b7 {company}" if company else "")
    workbook = _new_workbook(title, company)
    areas = {a.id: a for a in report.areas}
    findings = {f.id: f for f in report.findings}

    plan = _Sheet(workbook, "plan", lang, PLAN_COLUMNS, first=True)
    plan.top(title, words(TRACKER_HINT, lang))
    lists = _lists(workbook, lang)
    statuses = status_names(lang)
    by_key = dict(zip(("open", "in_progress", "done", "not_applicable"), statuses))
    for a in report.actions:
        due = dt.date.fromisoformat(a.plan.due) if a.plan.due else None
        row = plan.add({
            "priority": a.priority, "action": pick(a.title, lang),
            "area": pick(areas[a.area].title, lang) if a.area in areas else a.area,
            "severity": lab("severity", a.severity, lang),
            "timeframe": lab("timeframe", a.timeframe, lang),
            "findings": "\n".join(pick(findings[f].title, lang) for f in a.findings
                                  if f in findings),
            "citations": "; ".join(a.citations),
            "owner_role": lab("owner_role", a.owner_role, lang),
            "owner": a.plan.owner, "due": due, "status": by_key[a.plan.status],
            "comment": a.plan.comment, "id": a.id})
        plan.ws.cell(row, plan.index["due"]).number_format = "yyyy-mm-dd"
    last = max(plan.row - 1, FIRST_ROW)
    status_dv = _list_validation(lists, 1, statuses, lang)
    status_dv.add(f"{plan.letters['status']}{FIRST_ROW}:{plan.letters['status']}{last}")
    date_dv = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)",
                             formula2="DATE(2100,12,31)", allow_blank=True,
                             showErrorMessage=True, errorTitle=words(NOT_A_DATE, lang)[:32],
                             error=words(ENTER_DATE, lang)[:255])
    date_dv.add(f"{plan.letters['due']}{FIRST_ROW}:{plan.letters['due']}{last}")
    for column, limit in (("owner", 200), ("comment", 2000)):
        length = DataValidation(type="textLength", operator="lessThanOrEqual",
                                formula1=str(limit), allow_blank=True, showErrorMessage=True)
        length.add(f"{plan.letters[column]}{FIRST_ROW}:{plan.letters[column]}{last}")
        plan.ws.add_data_validation(length)
    plan.ws.add_data_validation(status_dv)
    plan.ws.add_data_validation(date_dv)
    plan.finish(marking, title)

    columns = list(CHECKLIST_COLUMNS) + [
        Column(f"fw:{f.id}", "", 30) for f in report.programme]
    checklist = _Sheet(workbook, "checklist", lang, columns)
    checklist.top(title, words(FOR_REFERENCE, lang))
    for f in report.programme:
        put(checklist.ws.cell(HEADER_ROW, checklist.index[f"fw:{f.id}"]), pick(f.short, lang))
    element_of = {}
    for f in report.programme:
        for e in f.elements:
            for q in e.questions:
                element_of[(f.id, q)] = pick(e.title, lang)
    for block in checklist_groups(report, group):
        for item in block.items:
            values = {"area": pick(areas[item.area].title, lang),
                      "control": pick(item.text, lang), "state": lab("state", item.state, lang),
                      "answer": pick(item.answer, lang) if item.answer else "",
                      "note": item.note, "weight": item.weight}
            for f in report.programme:
                values[f"fw:{f.id}"] = element_of.get((f.id, item.question)) or \
                    words(N_("Outside this framework"), lang)
            checklist.add(values)
    checklist.finish(marking, title)

    sheet = _Sheet(workbook, "findings", lang, FINDING_COLUMNS)
    sheet.top(title, words(FOR_REFERENCE, lang))
    priorities = {a.id: a.priority for a in report.actions}
    bold = Font(bold=True)
    for f in report.findings:
        row = sheet.add({
            "area": pick(areas[f.area].title, lang) if f.area in areas else f.area,
            "finding": pick(f.title, lang),
            "severity": words(WATCH_ITEM, lang) if f.watch else lab("severity", f.severity, lang),
            "status": status_text(f, lang),
            "confirm": words(YES, lang) if f.confirm else "",
            "citations": "; ".join(f.citations),
            "explanation": lines(f.explanation, lang),
            "actions": ", ".join(f"#{priorities[a]}" for a in f.actions if a in priorities)})
        sheet.ws.cell(row, sheet.index["finding"]).font = bold
    sheet.finish(marking, title)

    c = report.content

    _about(workbook, lang, TRACKER_FORMAT, (ID_LABEL, report.assessment_id), company, [
        (words(N_("Business registration number"), lang), meta.get("business_number") or ""),
        (words(N_("Assessor"), lang), meta.get("assessor") or ""),
        (words(N_("Assessment date"), lang), date_text(meta.get("date"), lang, short=True)),
        (words(CONTENT_VERSION, lang), content_name(c)
         + (f" ({words(UNVERIFIED, lang)})" if c.unverified else "")),
        (words(N_("Content as of"), lang), c.as_of),
        (words(N_("Review by"), lang), c.review_by),
        (words(N_("Program version"), lang), c.program_version),
        (words(EXPORTED, lang), dt.date.today().isoformat()),
    ])
    return _save(workbook)


# ----------------------------------------------------------------------------- questionnaire

def render_questionnaire(content, lang: str, pack_ids: Optional[Sequence[str]] = None) -> bytes:
    """The questionnaire a client answers before the session, as .xlsx bytes: the questions
    of the chosen packs numbered as on the paper checklist, with their options, help and skip
    rules in words."""
    from openpyxl.worksheet.datavalidation import DataValidation

    from wizard.core.answer_import import yes_no_names
    from wizard.core.model import YES_NO_UNSURE
    from wizard.report.blank import blank_parts

    title = words(QUESTIONNAIRE_TITLE, lang)
    workbook = _new_workbook(title, "")
    sheet = _Sheet(workbook, "questions", lang, QUESTION_COLUMNS, first=True)
    sheet.top(title, words(QUESTIONNAIRE_HINT, lang))
    lists = _lists(workbook, lang)
    list_column = 0
    parts = blank_parts(content, pack_ids)
    answer_col = sheet.letters["answer"]
    for part in parts:
        for section in part.sections:
            for item in section.questions:
                q = item.question
                conditions = [c for c in (part.condition, section.condition, item.condition)
                              if c]
                how = _how(q, item, lang)
                row = sheet.add({
                    "number": item.number, "part": lines(part.title, lang),
                    "section": lines(section.title, lang), "question": lines(q.text.as_dict(),
                                                                             lang),
                    "how": how, "help": lines(q.help.as_dict(), lang),
                    "condition": "\n".join(lines(c, lang) for c in conditions),
                    "id": item.qid})
                cell = f"{answer_col}{row}"
                validation = None
                if q.kind in ("yes_no_unsure", "single"):
                    if q.kind == "yes_no_unsure":
                        values = [_pick_name(yes_no_names(k), lang) for k in YES_NO_UNSURE]
                    else:
                        values = [_option_name(o, lang) for o in q.options]
                    list_column += 1
                    validation = _list_validation(lists, list_column, values, lang)
                elif q.kind == "number":
                    low = q.min if q.min is not None else -1e300
                    high = q.max if q.max is not None else 1e300
                    validation = DataValidation(
                        type="whole" if q.integer else "decimal", operator="between",
                        formula1=_num(low), formula2=_num(high), allow_blank=True,
                        showErrorMessage=True, errorTitle=words(OUT_OF_RANGE, lang)[:32],
                        error=how[:255])
                elif q.kind == "text":
                    validation = DataValidation(type="textLength", operator="lessThanOrEqual",
                                                formula1=str(q.max_length), allow_blank=True,
                                                showErrorMessage=True)
                if validation is not None:
                    validation.add(cell)
                    sheet.ws.add_data_validation(validation)
                if q.kind == "calculator":
                    from openpyxl.styles import PatternFill

                    sheet.ws[cell].fill = PatternFill("solid", fgColor="EEEEEE")
    sheet.finish("", title)
    versions = " \u00b7 ".join(f"{p.pack.id} {p.pack.version}" for p in parts)
    packs = [p.pack for p in parts]
    _about(workbook, lang, QUESTIONNAIRE_FORMAT, (LANGUAGE_LABEL, lang), "", [
        (words(CONTENT_VERSION, lang), versions),
        (words(N_("Content as of"), lang), min(p.as_of for p in packs).isoformat()),
        (words(N_("Review by"), lang), min(p.review_by for p in packs).isoformat()),
        (words(EXPORTED, lang), dt.date.today().isoformat()),
    ], company_editable=True)
    return _save(workbook)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)


def _pick_name(names: list[str], lang: str) -> str:
    """The name a dropdown shows: Korean, English, or "ko / en" (``yes_no_names`` order)."""
    return {"ko": names[0], "en": names[1]}.get(lang, names[2])


def _option_name(option, lang: str) -> str:
    from wizard.core.answer_import import option_names

    names = option_names(option)
    return _pick_name(names, lang) if names[0] != names[1] else names[0]


def _how(question, item, lang: str) -> str:
    """How to answer ``question`` in its cell, in the sheet's language."""
    kind = question.kind
    if kind == "calculator":
        return lines(item.computed_from, lang)
    if kind in ("yes_no_unsure", "single"):
        text = words(HOW_CHOOSE, lang)
    elif kind == "multi":
        options = "\n".join(f"{i}) {_option_name(o, lang)}"
                            for i, o in enumerate(question.options, start=1))
        text = f"{words(HOW_MULTI, lang)}\n{options}"
    elif kind == "countries":
        text = words(HOW_COUNTRIES, lang)
    elif kind == "number":
        text = words(HOW_WHOLE, lang) if question.integer else words(HOW_NUMBER, lang)
        if question.unit is not None:
            text += " " + both_or_one(
                lambda l: translate(HOW_UNIT, l, unit=question.unit.get(l)), lang)
        if question.min is not None and question.max is not None:
            text += " " + words(HOW_RANGE, lang, minimum=number_text(question.min, lang),
                                maximum=number_text(question.max, lang))
    else:
        text = words(HOW_TEXT, lang, limit=question.max_length)
    for note in item.exclusive:
        text += "\n" + lines(note, lang)
    return text
