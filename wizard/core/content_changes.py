"""What changed for one company since its assessment was last saved: findings new, resolved
and changed in status, new questions to answer, and entries kept that fit no question.

An assessment records the content it was saved against (``ContentRecord``: id, version, the day
statuses were taken on, the findings that fired with their rule's status, and the questions
shown but not answered; ``docs/assessment-format.md``). :func:`record` makes that record when
the wizard or the command line saves; :func:`changes` compares it with the current content on a
day:

* with the old content installed (``basis == "content"``) both contents are evaluated on the
  answers, the old one on the record's day and the current one on ``on``;
* without it (``basis == "snapshot"``) the record's snapshot stands for the old evaluation;
* a file without a record (schema 1 and 2: ``basis == "unknown"``) shows only what can be
  known: the entries kept that fit no question.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Optional

from wizard.core.assessment import (Assessment, ContentRecord, parse_assessment,
                                    with_set_aside)
from wizard.core.content import load_content
from wizard.core.engine import compute_state, evaluation_day, fired_findings
from wizard.core.errors import WizardError
from wizard.core.localize import date_text
from wizard.core.status_words import status_name
from wizard.core.timeline import WATCH
from wizard.i18n import LANGUAGES, N_, translate

BASES = ("content", "snapshot", "unknown")
# a status known only from the snapshot: its name and the day it was taken on
SNAPSHOT_STATUS = N_("{status} (on {date})")


@dataclass(frozen=True)
class Status:
    """A finding's status: its principal rule's status key and its words ``{ko, en}``."""

    status: str
    label: dict[str, str]
    watch: bool = False


@dataclass(frozen=True)
class FindingChange:
    """A finding new, resolved or changed in status. ``before``/``after``: None when it did
    not fire then/now. ``title`` is ``{ko, en}``, empty when the finding is in neither content
    available (a retired finding known only from the snapshot: show its id)."""

    id: str
    title: dict[str, str]
    severity: str
    before: Optional[Status]
    after: Optional[Status]


@dataclass(frozen=True)
class NewQuestion:
    """A question shown now and not answered that was not waiting for an answer before."""

    qid: str
    text: dict[str, str]
    section: dict[str, str]
    area: str


@dataclass(frozen=True)
class KeptEntry:
    """An answer, note or plan entry that fits no question or action of the current content:
    kept in the file, never dropped. ``reason`` is a gettext id."""

    key: str
    value: Any
    reason: str


@dataclass(frozen=True)
class ContentChanges:
    basis: str                          # BASES
    recorded: Optional[ContentRecord]   # None: the content answered against is unknown
    current_id: str
    current_version: str
    on: str                             # the day statuses are taken on now
    new: tuple[FindingChange, ...] = ()
    resolved: tuple[FindingChange, ...] = ()
    status_changed: tuple[FindingChange, ...] = ()
    new_questions: tuple[NewQuestion, ...] = ()
    kept: tuple[KeptEntry, ...] = ()

    @property
    def content_changed(self) -> bool:
        """The content now is not the content recorded (or the recorded one is unknown)."""
        return self.recorded is None or (self.recorded.id, self.recorded.version) != (
            self.current_id, self.current_version)

    @property
    def empty(self) -> bool:
        """Nothing to tell the user."""
        return not (self.new or self.resolved or self.status_changed or self.new_questions
                    or self.kept)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON output (``readiness-wizard changes --format json``)."""
        data = dataclasses.asdict(self)
        recorded = data.pop("recorded")
        data["recorded"] = ({"id": recorded["id"], "version": recorded["version"],
                             "on": recorded["on"]} if recorded else None)
        data["content_changed"] = self.content_changed
        data["empty"] = self.empty
        return data


def snapshot(content, assessment: Assessment, on: Optional[dt.date] = None) -> ContentRecord:
    """The record of ``content`` for ``assessment``'s answers, statuses taken on ``on`` (default:
    the assessment's date, else today). ``set_aside`` is left empty (see :func:`record`)."""
    day = dt.date.fromisoformat(evaluation_day(assessment, on).date)
    state = compute_state(content, assessment.answers)
    findings = {f.id: f.status for f in fired_findings(content, state, day)}
    waiting = [info.qid for info in state.asked if assessment.answers.get(info.qid) is None]
    return ContentRecord(id=content.content_id, version=content.content_version,
                         on=day.isoformat(), findings=dict(sorted(findings.items())),
                         open=waiting)


def record(content, assessment: Assessment, kept=(), on: Optional[dt.date] = None) -> Assessment:
    """A copy of ``assessment`` to save: its content record made now (:func:`snapshot`) and the
    entries set aside when it was read (``kept``: ``Loaded.dropped``) put back, listed in the
    record's ``set_aside``."""
    stamped = dataclasses.replace(assessment, content=snapshot(content, assessment, on))
    return with_set_aside(stamped, kept)


def recorded_content(record_: Optional[ContentRecord], current,
                     folder_for: Callable[[str, str], Any]):
    """The content ``record_`` names, when it is installed and is not ``current`` (which is
    then used as it is); else None. ``folder_for`` is ``wizard.content_store.folder_for``. An
    installed copy that cannot be loaded, or that names itself otherwise, counts as absent."""
    if record_ is None or (record_.id, record_.version) == (current.content_id,
                                                           current.content_version):
        return None
    folder = folder_for(record_.id, record_.version)
    if folder is None:
        return None
    try:
        old = load_content(folder)
    except (WizardError, OSError):
        return None
    if (old.content_id, old.content_version) != (record_.id, record_.version):
        return None
    return old


def changes(content, assessment: Assessment, kept=(), on: Optional[dt.date] = None,
            old_content=None) -> ContentChanges:
    """What changed for ``assessment`` (read against ``content``, with ``kept`` set aside)
    between its content record and ``content`` with statuses on ``on`` (default: today).
    ``old_content``: the recorded content, when it is installed (:func:`recorded_content`)."""
    day = on or dt.date.today()
    recorded = assessment.content
    kept_entries = tuple(KeptEntry(d.key, d.value, d.reason) for d in kept)
    base = dict(recorded=recorded, current_id=content.content_id,
                current_version=content.content_version, on=day.isoformat(), kept=kept_entries)
    if recorded is None:
        return ContentChanges(basis="unknown", **base)
    before_day = _day(recorded.on) or dt.date.fromisoformat(evaluation_day(assessment).date)
    state = compute_state(content, assessment.answers)
    now = {f.id: f for f in fired_findings(content, state, day)}
    waiting_now = [info for info in state.asked if assessment.answers.get(info.qid) is None]
    titles = {info.finding.id: info.finding for info in content.findings}
    if old_content is not None:
        basis = "content"
        raw = with_set_aside(assessment, kept).to_json().encode("utf-8", "replace")
        old = parse_assessment(raw, old_content, "old content", salvage=True).assessment
        old_state = compute_state(old_content, old.answers)
        fired = fired_findings(old_content, old_state, before_day)
        before = {f.id: Status(f.status, dict(f.status_label), f.watch) for f in fired}
        waiting_before = {info.qid for info in old_state.asked
                          if old.answers.get(info.qid) is None}
        for info in old_content.findings:
            titles.setdefault(info.finding.id, info.finding)
    else:
        basis = "snapshot"
        before = {fid: Status(status, _snapshot_label(status, before_day), status in WATCH)
                  for fid, status in recorded.findings.items()}
        waiting_before = set(recorded.open)

    def change(fid: str, after) -> FindingChange:
        finding = titles.get(fid)
        return FindingChange(
            id=fid, title=finding.title.as_dict() if finding else {},
            severity=finding.severity if finding else "",
            before=before.get(fid),
            after=Status(after.status, dict(after.status_label), after.watch) if after else None)

    new = tuple(change(fid, f) for fid, f in now.items() if fid not in before)
    resolved = tuple(change(fid, None) for fid in sorted(before) if fid not in now)
    moved = tuple(change(fid, f) for fid, f in now.items()
                  if fid in before and before[fid].status != f.status)
    questions = tuple(NewQuestion(info.qid, info.text, info.section_title, info.area)
                      for info in waiting_now if info.qid not in waiting_before)
    return ContentChanges(basis=basis, new=new, resolved=resolved, status_changed=moved,
                          new_questions=questions, **base)


def _day(text: str) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def _snapshot_label(status: str, day: dt.date) -> dict[str, str]:
    return {lang: translate(SNAPSHOT_STATUS, lang, status=status_name(status, lang),
                            date=date_text(day, lang)) for lang in LANGUAGES}
