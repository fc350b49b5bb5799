"""Reading back the workbooks of :mod:`wizard.report.xlsx`: the action tracker and the client
questionnaire, as plain cells with their places (``'Action plan'!K7``) for the core's import
checks (:mod:`wizard.core.plan_import`, :mod:`wizard.core.answer_import`).

The file is not trusted: its size and the size of what it unpacks to are limited before
openpyxl parses it, it must say in its "About this file" sheet that it is one of ours, the
columns are found by their headers (in any of the report languages, so moving a column is
harmless), and formulas are reported as formulas, never evaluated. Every refusal of the file
as a whole is an :class:`~wizard.core.errors.InputError` naming the file and what to do.
"""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path
from typing import Optional

from wizard.core.cells import Cell
from wizard.core.errors import InputError
from wizard.i18n import N_, Note, translate
from wizard.report import xlsx

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
MAX_MEMBERS = 2000
MAX_ROWS = 5000

NO_FILE = N_("{file}: no such file")
TOO_BIG = N_("{file}: the file is {size} MB; a tracker or questionnaire is at most {limit} MB")
NOT_XLSX = N_("{file}: not an Excel workbook (.xlsx) this program can read; save it from Excel "
              "as an .xlsx workbook")
UNPACKS_TOO_BIG = N_("{file}: the workbook unpacks to more than {limit} MB; it is not a tracker "
                     "or questionnaire made by this program")
NOT_OURS = N_("{file}: not an action tracker or questionnaire exported by AI Trade Readiness "
              "(the sheet \u201c{sheet}\u201d with the file's details is missing or was "
              "changed); export a new one")
WRONG_KIND = N_("{file}: this is {found}, not {expected}; use {command}")
NEWER = N_("{file}: made by a newer version of the program (file format {found}); update AI "
           "Trade Readiness to read it")
NO_SHEET = N_("{file}: the sheet \u201c{sheet}\u201d is missing (was it renamed or deleted?)")
NO_COLUMN = N_("{place}: the column \u201c{column}\u201d is missing from the header row (was it "
               "renamed or deleted?)")
TOO_MANY_ROWS = N_("{file}: more than {limit} rows in \u201c{sheet}\u201d; not a file made by "
                   "this program")
KIND_NAMES = {"tracker": N_("an action tracker"),
              "questionnaire": N_("a client questionnaire")}
COMMANDS = {"tracker": "readiness-wizard import-plan", "questionnaire":
            "readiness-wizard import-answers"}


def place(sheet_title: str, coordinate: str) -> str:
    """A cell as Excel writes a reference to it: ``'Action plan'!K7``."""
    return "'" + sheet_title.replace("'", "''") + "'!" + coordinate


def _check_file(path: Path) -> None:
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError.said(NO_FILE, file=name) from exc
    if not path.is_file():
        raise InputError.said(NO_FILE, file=name)
    if size > MAX_BYTES:
        raise InputError.said(TOO_BIG, file=name, size=f"{size / 2**20:.1f}",
                              limit=MAX_BYTES // 2**20)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError.said(NOT_XLSX, file=name) from exc
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        raise InputError.said(UNPACKS_TOO_BIG, file=name, limit=MAX_UNPACKED // 2**20)


class Workbook:
    """An opened workbook of ours: its kind (``tracker`` or ``questionnaire``) and sheets."""

    def __init__(self, path) -> None:
        from openpyxl import load_workbook

        self.path = Path(path)
        self.name = str(path)
        _check_file(self.path)
        try:
            self.book = load_workbook(self.path, read_only=True, data_only=False)
        except Exception as exc:  # noqa: BLE001 - any parse failure is a file we cannot read
            raise InputError.said(NOT_XLSX, file=self.name) from exc
        try:
            self.kind = self._kind()
        except Exception:
            self.close()
            raise

    def close(self) -> None:
        try:
            self.book.close()
        except Exception:  # noqa: BLE001 - closing must not hide the real message
            pass

    def __enter__(self) -> "Workbook":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def sheet(self, key: str):
        names = xlsx.sheet_names(key)
        for ws in self.book.worksheets:
            if ws.title in names:
                return ws
        raise InputError.said(NO_SHEET, file=self.name, sheet=xlsx.sheet_name(key, "both"))

    def about(self, row: int) -> Cell:
        ws = self.sheet("about")
        return _cell(ws, row, 2)

    def _kind(self) -> str:
        try:
            marker = self.about(xlsx.ABOUT_FORMAT).value
        except InputError as exc:
            raise InputError.said(NOT_OURS, file=self.name,
                                  sheet=xlsx.sheet_name("about", "both")) from exc
        kinds = {xlsx.TRACKER_FORMAT: "tracker", xlsx.QUESTIONNAIRE_FORMAT: "questionnaire"}
        if marker not in kinds:
            raise InputError.said(NOT_OURS, file=self.name,
                                  sheet=xlsx.sheet_name("about", "both"))
        version = self.about(xlsx.ABOUT_VERSION).value
        if isinstance(version, (int, float)) and version > xlsx.FILE_VERSION:
            raise InputError.said(NEWER, file=self.name, found=version)
        return kinds[marker]

    def expect(self, kind: str) -> None:
        if self.kind != kind:
            raise InputError.said(WRONG_KIND, file=self.name, found=Note(KIND_NAMES[self.kind]),
                                  expected=Note(KIND_NAMES[kind]), command=COMMANDS[self.kind])

    def rows(self, key: str, columns: tuple) -> list[dict[str, Cell]]:
        """The data rows of sheet ``key`` as {column key: Cell} for ``columns`` (Column
        objects), found by their header text."""
        ws = self.sheet(key)
        header = {}
        for cell in next(ws.iter_rows(min_row=xlsx.HEADER_ROW, max_row=xlsx.HEADER_ROW), ()):
            if isinstance(cell.value, str):
                header.setdefault(cell.value.strip(), cell.column)
        found = {}
        for column in columns:
            index = next((header[n] for n in xlsx.header_names(column) if n in header), None)
            if index is None:
                raise InputError.said(NO_COLUMN, place=place(ws.title, str(xlsx.HEADER_ROW)),
                                      column=translate(column.title, "en"))
            found[column.key] = index
        out = []
        last = max(found.values())
        for number, row in enumerate(ws.iter_rows(min_row=xlsx.FIRST_ROW, max_col=last),
                                     start=xlsx.FIRST_ROW):
            if number - xlsx.FIRST_ROW >= MAX_ROWS:
                raise InputError.said(TOO_MANY_ROWS, file=self.name, sheet=ws.title,
                                      limit=MAX_ROWS)
            cells = {key: _from(ws.title, row, index, number) for key, index in found.items()}
            if all(c.empty for c in cells.values()):
                continue
            out.append(cells)
        return out


def _cell(ws, row: int, column: int) -> Cell:
    for cells in ws.iter_rows(min_row=row, max_row=row, min_col=column, max_col=column):
        for cell in cells:
            return Cell(place(ws.title, cell.coordinate), cell.value,
                        getattr(cell, "data_type", None) == "f")
    from openpyxl.utils import get_column_letter

    return Cell(place(ws.title, f"{get_column_letter(column)}{row}"))


def _from(title: str, row, index: int, number: int) -> Cell:
    from openpyxl.utils import get_column_letter

    coordinate = f"{get_column_letter(index)}{number}"
    if index - 1 >= len(row):
        return Cell(place(title, coordinate))
    cell = row[index - 1]
    if getattr(cell, "value", None) is None:
        return Cell(place(title, coordinate))
    return Cell(place(title, coordinate), cell.value, getattr(cell, "data_type", None) == "f")


def _guarded(read):
    """``read`` with any failure of the parser (openpyxl reads sheets lazily, so a damaged
    sheet shows only while its rows are read) turned into the one message for a workbook we
    cannot read: only InputError ever leaves this module."""

    @functools.wraps(read)
    def guarded(path, *args):
        try:
            return read(path, *args)
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged file, whatever the parser says
            raise InputError.said(NOT_XLSX, file=str(path)) from exc

    return guarded


@_guarded
def read_tracker(path):
    """The tracker at ``path`` as a core :class:`~wizard.core.plan_import.Tracker`."""
    from wizard.core.cells import text_of
    from wizard.core.plan_import import Tracker, TrackerRow

    columns = tuple(c for c in xlsx.PLAN_COLUMNS
                    if c.key in ("id", "owner", "due", "status", "comment"))
    with Workbook(path) as book:
        book.expect("tracker")
        ident = book.about(xlsx.ABOUT_ID)
        company = text_of(book.about(xlsx.ABOUT_COMPANY))
        rows = [TrackerRow(action=r["id"], owner=r["owner"], due=r["due"], status=r["status"],
                           comment=r["comment"]) for r in book.rows("plan", columns)]
    return Tracker(ident, company, rows)


@_guarded
def read_questionnaire(path) -> tuple[Optional[Cell], list]:
    """The answers at ``path``: (the company cell, the rows as core ``AnswerRow``)."""
    from wizard.core.answer_import import AnswerRow

    columns = tuple(c for c in xlsx.QUESTION_COLUMNS if c.key in ("id", "answer", "note"))
    with Workbook(path) as book:
        book.expect("questionnaire")
        company = book.about(xlsx.ABOUT_COMPANY)
        rows = [AnswerRow(question=r["id"], answer=r["answer"], note=r["note"])
                for r in book.rows("questions", columns)]
    return company, rows


@_guarded
def kind(path) -> str:
    """``tracker`` or ``questionnaire``: which of our workbooks ``path`` is."""
    with Workbook(path) as book:
        return book.kind


@_guarded
def questionnaire_language(path) -> str:
    """The language a questionnaire was written in (``ko``, ``en``, ``both``; '' if unknown)."""
    from wizard.core.cells import text_of

    with Workbook(path) as book:
        book.expect("questionnaire")
        language = text_of(book.about(xlsx.ABOUT_ID))
    return language if language in ("ko", "en", "both") else ""
