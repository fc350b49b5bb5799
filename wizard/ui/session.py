"""The assessment being worked on, as the wizard's pages see it.

A thin Qt wrapper around the core: the answers live in the core's ``Assessment`` and every
change goes through ``wizard.core.assessment.set_answer``; what is visible, which areas apply
and everything a report shows come from ``wizard.core.engine``. Pages listen to ``changed``
(answers, notes, meta or plan edited) and ``reset`` (another assessment loaded).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import QObject, Signal

from wizard.core.assessment import (MAX_NOTE, Assessment, PlanEdit, edit_meta, edit_plan,
                                    new_assessment, set_answer)
from wizard.core import evidence
from wizard.core.engine import State, compute_state, evaluate, progress
from wizard.core.errors import AssessmentError
from wizard.ui import lang


class Session(QObject):
    changed = Signal()               # the state may differ: refresh what is shown
    reset = Signal()                 # a different assessment was loaded
    modified_changed = Signal(bool)

    def __init__(self, content, language: str = "ko", parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.content = content
        self.assessment: Assessment = new_assessment(content, language)
        self.dropped: list = []
        self.path: Optional[Path] = None
        self.modified = False
        self.state: State = compute_state(content, self.assessment.answers)
        # the day rule statuses are evaluated on when the user chose one ("as of today");
        # None: the assessment's date. Not saved with the assessment.
        self.evaluation_day: Optional[dt.date] = None
        # evidence items removed since the last save: their stored files are deleted only
        # once the assessment has been saved without them (wizard.core.evidence.sweep)
        self.removed_evidence: list = []

    # -- loading ---------------------------------------------------------------------------
    def replace(self, assessment: Assessment, path: Optional[Path] = None,
                dropped: Optional[list] = None, modified: bool = False) -> None:
        self.assessment = assessment
        self.path = Path(path) if path else None
        self.dropped = list(dropped or [])
        self.evaluation_day = None
        self.removed_evidence = []
        self.state = compute_state(self.content, assessment.answers)
        self._set_modified(modified)
        self.reset.emit()
        self.changed.emit()

    def new(self, language: str) -> None:
        self.replace(new_assessment(self.content, language))

    def mark_saved(self, path: Path) -> None:
        """The assessment was saved to ``path``: stored files of evidence removed before the
        save that nothing uses now are deleted."""
        if self.path is not None and Path(path) != self.path:
            evidence.carry(self.path, Path(path), self.assessment)   # Save As: files come along
        self.path = Path(path)
        evidence.sweep(self.path, self.assessment, self.removed_evidence)
        self.removed_evidence = []
        self._set_modified(False)

    # -- edits -----------------------------------------------------------------------------
    def answer(self, qid: str) -> Any:
        return self.assessment.answers.get(qid)

    def set_answer(self, qid: str, value: Any) -> Optional[str]:
        """Record an answer (``None`` clears it); the core's message, in the display language,
        if it is refused."""
        if self.assessment.answers.get(qid) == value:
            return None
        try:
            set_answer(self.assessment, self.content, qid, value)
        except AssessmentError as exc:
            problem = getattr(exc, "problem", None)  # the field shows whose problem it is
            return lang.say(problem) if problem is not None else lang.error_text(exc)
        self._changed()
        return None

    def note(self, qid: str) -> str:
        return self.assessment.notes.get(qid, "")

    def set_note(self, qid: str, text: str) -> None:
        if self.note(qid) == text:
            return
        notes = dict(self.assessment.notes)
        if text:
            notes[qid] = text[:MAX_NOTE]
        else:
            notes.pop(qid, None)
        self.assessment.notes = notes
        self._changed(recompute=False)

    def set_meta(self, **fields: Any) -> None:
        meta = edit_meta(self.assessment.meta, **fields)
        if meta == self.assessment.meta:
            return
        self.assessment.meta = meta
        self._changed(recompute=False)

    def plan(self, action_id: str) -> PlanEdit:
        return self.assessment.plan.get(action_id) or PlanEdit()

    def set_plan(self, action_id: str, **fields: Any) -> None:
        current = self.plan(action_id)
        edit = edit_plan(current, **fields)
        if edit == current:
            return
        plan = dict(self.assessment.plan)
        if edit == PlanEdit():
            plan.pop(action_id, None)
        else:
            plan[action_id] = edit
        self.assessment.plan = plan
        self._changed(recompute=False)

    # -- evidence --------------------------------------------------------------------------
    def evidence(self, key: str) -> list:
        """The items recorded on ``key`` (``question:<id>`` or ``action:<id>``)."""
        return list(self.assessment.evidence.get(key, ()))

    def checked_evidence(self, key: str) -> list:
        """The items on ``key`` with the state of their files now."""
        return [entry for entry in evidence.check(self.assessment, self.path)
                if entry.key == key]

    def attach_evidence(self, key: str, source: Path, note: str = "") -> None:
        """Copy ``source`` into the evidence folder and record it (InputError if refused)."""
        evidence.attach(self.assessment, self.path, key, source, note)
        self._changed(recompute=False)

    def add_reference(self, key: str, reference: str, note: str = "") -> None:
        evidence.add_reference(self.assessment, key, reference, note)
        self._changed(recompute=False)

    def remove_evidence(self, key: str, number: int) -> None:
        self.removed_evidence.append(evidence.remove(self.assessment, key, number))
        self._changed(recompute=False)

    def evidence_file(self, key: str, number: int) -> Optional[Path]:
        """Where item ``number`` of ``key`` is stored (None: a reference, or no folder)."""
        items = self.assessment.evidence.get(key, ())
        if self.path is None or not 1 <= number <= len(items) or items[number - 1].kind != "file":
            return None
        return evidence.folder_for(self.path) / items[number - 1].stored_name()

    def apply_imported(self, apply) -> None:
        """Apply changes read from an Excel file (``apply(assessment)`` puts them in through
        the core) and refresh every page, as after opening a file; the work is then unsaved."""
        apply(self.assessment)
        self.assessment.packs = self.content.versions
        self.replace(self.assessment, self.path, self.dropped, modified=True)

    # -- what the core says ----------------------------------------------------------------
    def report(self):
        return evaluate(self.content, self.assessment, self.dropped, on=self.evaluation_day,
                        evidence_checked=evidence.check(self.assessment, self.path))

    def set_evaluation_day(self, day: Optional[dt.date]) -> None:
        """Evaluate rule statuses on ``day`` (None: the assessment's date) from now on."""
        if day != self.evaluation_day:
            self.evaluation_day = day
            self.changed.emit()

    def visible_sections(self) -> set[tuple[str, str]]:
        """(pack id, section id) of every section with a question shown now."""
        questions = self.content.questions
        return {(questions[q].pack.id, questions[q].section.id) for q in self.state.visible}

    def pack_progress(self, pack_id: str) -> tuple[int, int]:
        """(answered, shown) over the pack's questions shown now, calculators left out."""
        return progress(self.content, self.state, pack_id)

    # -- internals -------------------------------------------------------------------------
    def _changed(self, recompute: bool = True) -> None:
        if recompute:
            self.state = compute_state(self.content, self.assessment.answers)
        self._set_modified(True)
        self.changed.emit()

    def _set_modified(self, modified: bool) -> None:
        if modified != self.modified:
            self.modified = modified
            self.modified_changed.emit(modified)
