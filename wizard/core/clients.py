"""The client library: a folder of assessment files read as a list of clients.

:func:`scan` reads every ``*.json`` file directly in a folder (not its subfolders, hidden files,
``.bak`` backups or temporary files) through the quick reader
(:func:`wizard.core.assessment.read_quickly`); a file that cannot be read is listed with the
reason (:class:`Unreadable`) and never stops the rest. :func:`read_library` adds each client's
standing (exposure and readiness per area, open critical actions, overdue actions) as the
engine computes it on one day. Nothing in the folder is written.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from wizard.core import assessment as assessment_file
from wizard.core.assessment import Loaded
from wizard.core.quick_read import AnswerChecks, read_quickly
from wizard.core.engine import evaluate
from wizard.core.errors import AssessmentError, InputError
from wizard.core.model import EXPOSURE_LEVELS
from wizard.core.storage import NotRegular, read_regular
from wizard.i18n import LANGUAGES, N_

UNKNOWN = "unknown"     # content id or version of a file that does not record it
OPEN_STATUSES = ("open", "in_progress")

# Why a file is not in the list, by kind (the reason itself is the reader's own message).
KINDS = {
    "not_json": N_("not a JSON file"),
    "not_assessment": N_("not an assessment"),
    "too_new": N_("saved by a newer program"),
    "damaged": N_("damaged"),
    "unreadable": N_("cannot be read"),
}
_KIND_OF = {
    assessment_file.NOT_JSON: "not_json", assessment_file.NOT_UTF8: "not_json",
    assessment_file.TOO_DEEP: "not_json", assessment_file.NOT_OBJECT: "not_assessment",
    assessment_file.NOT_OURS: "not_assessment", assessment_file.NO_FORMAT: "not_assessment",
    assessment_file.NEWER: "too_new",
    assessment_file.UNREADABLE: "unreadable", assessment_file.NOT_A_FILE: "unreadable",
    assessment_file.NO_FILE: "unreadable", assessment_file.IS_FOLDER: "unreadable",
}

FOLDER_UNREADABLE = N_("{folder}: cannot read the folder ({reason}); check that it exists and "
                      "that you may open it")

SORT_KEYS = ("company", "date", "readiness", "exposure", "critical", "overdue")


@dataclass(frozen=True)
class Client:
    """One readable assessment file and who it is for."""

    path: Path
    company: str
    assessor: str
    date: str               # ISO date or empty
    content_id: str         # UNKNOWN when the file does not record it
    content_version: str
    loaded: Optional[Loaded] = field(repr=False, compare=False)  # None once no longer needed

    @property
    def day(self) -> Optional[dt.date]:
        try:
            return dt.date.fromisoformat(self.date)
        except ValueError:
            return None


@dataclass(frozen=True)
class Unreadable:
    """A file in the folder that is not in the list, and why."""

    path: Path
    kind: str                   # a key of KINDS
    reason: dict[str, str]      # the reader's message, by language


@dataclass(frozen=True)
class AreaStanding:
    area: str
    title: dict[str, str]
    applicable: bool
    exposure: str               # EXPOSURE_LEVELS
    readiness: Optional[int]    # percent; None: no control shown


@dataclass(frozen=True)
class OverdueAction:
    id: str
    title: dict[str, str]
    due: str


@dataclass(frozen=True)
class Standing:
    """One client as the list shows it, evaluated on ``on``."""

    client: Client
    areas: tuple[AreaStanding, ...]
    open_critical: int
    overdue: tuple[OverdueAction, ...]

    @property
    def exposure(self) -> str:
        """The highest exposure over the areas."""
        return max((a.exposure for a in self.areas), key=EXPOSURE_LEVELS.index, default="none")

    @property
    def readiness(self) -> Optional[int]:
        """The lowest readiness over the areas that have one."""
        scores = [a.readiness for a in self.areas if a.readiness is not None]
        return min(scores) if scores else None


@dataclass(frozen=True)
class Scan:
    folder: Path
    clients: tuple[Client, ...]
    unreadable: tuple[Unreadable, ...]


@dataclass(frozen=True)
class Library:
    folder: Path
    on: dt.date
    standings: tuple[Standing, ...]
    unreadable: tuple[Unreadable, ...]


def client_files(folder: Path) -> list[Path]:
    """The assessment files of a client folder: ``*.json`` directly in it, leaving out hidden
    and temporary files (the program's own are ``.<name>.<random>.tmp``)."""
    folder = Path(folder)
    names = [entry.name for entry in os.scandir(folder)
             if entry.name.endswith(".json") and not entry.name.startswith((".", "~"))]
    return [folder / name for name in sorted(names, key=str.casefold)]


def recorded_content(assessment: Any) -> tuple[str, str]:
    """The content id and version the assessment was answered against, or UNKNOWN."""
    record = getattr(assessment, "content", None)
    if isinstance(record, dict):
        cid, version = record.get("id"), record.get("version")
    else:
        cid, version = getattr(record, "id", None), getattr(record, "version", None)
    return (cid if isinstance(cid, str) and cid else UNKNOWN,
            version if isinstance(version, str) and version else UNKNOWN)


def _unreadable(path: Path, exc: AssessmentError) -> Unreadable:
    msgid = exc.note.msgid if exc.note is not None else ""
    return Unreadable(path, _KIND_OF.get(msgid, "damaged"),
                      {lang: exc.render(lang) for lang in LANGUAGES})


def read_client(path: Path, checks: AnswerChecks) -> Client:
    """One client file, or AssessmentError saying why it cannot be read (named by its file
    name: the list is of one folder)."""
    name = path.name
    try:
        data = read_regular(path, assessment_file.MAX_BYTES)
    except NotRegular as exc:
        raise AssessmentError.said(assessment_file.NOT_A_FILE, file=name) from exc
    except OSError as exc:
        raise AssessmentError.said(assessment_file.UNREADABLE, file=name,
                                   reason=exc.strerror or str(exc)) from exc
    loaded = read_quickly(data, checks, name)
    meta = loaded.assessment.meta
    cid, version = recorded_content(loaded.assessment)
    return Client(path, meta.company, meta.assessor, meta.date, cid, version, loaded)


def each_client(folder: Path, content, checks: AnswerChecks, unreadable: list):
    """The clients of ``folder`` one by one, read against ``content``; each file that cannot be
    read is added to ``unreadable`` with the reason instead."""
    try:
        paths = client_files(folder)
    except OSError as exc:
        raise InputError.said(FOLDER_UNREADABLE, folder=str(folder),
                              reason=exc.strerror or str(exc)) from exc
    for path in paths:
        try:
            client = read_client(path, checks)
        except AssessmentError as exc:
            unreadable.append(_unreadable(path, exc))
            continue
        yield client


def scan(folder: Path, content, checks: Optional[AnswerChecks] = None) -> Scan:
    """Every client file in ``folder`` read against ``content``; files that cannot be read
    are listed with the reason."""
    unreadable: list[Unreadable] = []
    clients = tuple(each_client(folder, content, checks or AnswerChecks(content), unreadable))
    return Scan(Path(folder), clients, tuple(unreadable))


def standing(client: Client, content, on: dt.date) -> Standing:
    """What the list shows for ``client``: the engine's figures on ``on``."""
    loaded = client.loaded
    report = evaluate(content, loaded.assessment, loaded.dropped, on=on)
    areas = tuple(AreaStanding(a.id, a.title, a.applicable, a.exposure, a.readiness)
                  for a in report.areas)
    today = on.isoformat()
    critical = sum(1 for a in report.actions if a.severity == "critical" and not a.watch_only
                   and a.plan.status in OPEN_STATUSES)
    overdue = tuple(OverdueAction(a.id, a.title, a.plan.due) for a in report.actions
                    if a.plan.due and a.plan.due < today and a.plan.status in OPEN_STATUSES)
    return Standing(client, areas, critical, overdue)


def read_library(folder: Path, content, on: Optional[dt.date] = None) -> Library:
    """The client list of ``folder``: each client's standing on ``on`` (default today)."""
    on = on or dt.date.today()
    found = scan(folder, content)
    standings = tuple(standing(client, content, on) for client in found.clients)
    return Library(found.folder, on, sort_standings(standings, "company"), found.unreadable)


def _none_last(value, reverse: bool):
    return (value is None, -value if reverse and value is not None else value)


def sort_standings(standings, key: str) -> tuple[Standing, ...]:
    """``standings`` in the order ``key`` (SORT_KEYS) asks: company A-Z, newest date first,
    lowest readiness first, highest exposure first, most open critical or overdue actions
    first; company, then file name, break ties."""
    if key not in SORT_KEYS:
        raise ValueError(key)

    def order(s: Standing):
        c = s.client
        tie = (c.company.casefold(), c.path.name.casefold())
        if key == "date":
            return (not c.date, "".join(chr(0x10FFFF - ord(ch)) for ch in c.date), tie)
        if key == "readiness":
            return (*_none_last(s.readiness, False), tie)
        if key == "exposure":
            return (-EXPOSURE_LEVELS.index(s.exposure), tie)
        if key == "critical":
            return (-s.open_critical, tie)
        if key == "overdue":
            return (-len(s.overdue), tie)
        return tie
    return tuple(sorted(standings, key=order))
