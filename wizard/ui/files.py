"""New, Open, Save, Save As, recent files, the unsaved-changes question and crash recovery:
the file side of the main window. Reading and writing are the core's (``load_assessment``,
``parse_assessment``, ``save_assessment``: atomic, keeps a ``.bak``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from wizard.core.errors import WizardError
from wizard.i18n import N_
from wizard.ui import dialogs, lang
from wizard.ui.changes_dialog import show_changes

UNTITLED = N_("New assessment")
OPEN_TITLE = N_("Open an assessment")
SAVE_TITLE = N_("Save the assessment")
OPEN_FAILED = N_("The assessment could not be opened")
SAVE_FAILED = N_("The assessment could not be saved")
MORE = N_("... and {count} more")
RECOVER_TITLE = N_("Recover unsaved answers?")
RECOVER = N_("The program did not close properly last time. Unsaved work from {time} was kept "
             "({count} answers, {name}).\n\nYes: recover it now. No: delete it. Cancel: keep "
             "it and ask again at the next start.")
RECOVER_SEVERAL = N_("The program did not close properly, and unsaved work from {total} sessions "
                     "was kept. Number {number} of {total} is from {time} ({count} answers, "
                     "{name}).\n\nYes: recover it now (the others are kept and offered at the "
                     "next start). No: delete it. Cancel: keep it and ask again at the next start.")
KEPT_OTHERS_TITLE = N_("More unsaved work is kept")
KEPT_OTHERS = N_("{count} more sessions with unsaved work are kept. They will be offered again "
                 "when you next start the program.")
RECOVER_FAILED = N_("The unsaved work could not be recovered")
RECOVER_KEPT = N_("It was not deleted: the complete work is kept in {path}. You can open that "
                  "file with a version of the program and questionnaires it fits.")
RECOVER_NOT_KEPT = N_("It was not deleted and will be offered again at the next start.")
RECOVERED_PART_TITLE = N_("Some recovered answers no longer fit")
RECOVERED_PART = N_("This work was answered with other questionnaires than the current ones. {count} "
                    "answers, notes or plan entries no longer fit and were set aside (the report "
                    "lists them). The complete work, as it was, is kept in {path}.")
SAVED = N_("Saved: {path}")


class FileController:
    def __init__(self, window) -> None:
        self.window = window

    @property
    def session(self):
        return self.window.session

    def display_name(self) -> str:
        session = self.session
        if session is not None and session.path is not None:
            return session.path.name
        return lang.tr(UNTITLED)

    # -- questions before losing work ------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current assessment (saved, discarded, unchanged)."""
        session = self.session
        if session is None or not session.modified:
            return True
        choice = dialogs.ask_save_changes(self.window, self.display_name())
        if choice == "save":
            return self.save()
        if choice == "discard":
            self.window.autosave.clear()
            return True
        return False

    # -- commands --------------------------------------------------------------------------
    def new(self) -> None:
        if self.session is None or not self.maybe_save():
            return
        self.window.autosave.clear()
        self.session.new(self.window.assessment_language())

    def open(self) -> None:
        if self.session is None or not self.maybe_save():
            return
        path = dialogs.open_path(self.window, lang.tr(OPEN_TITLE), self._folder())
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Load ``path``; on a bad file, show why and keep the current assessment."""
        from wizard.core.assessment import load_assessment

        try:
            loaded = load_assessment(Path(path), self.session.content)
        except WizardError as exc:
            dialogs.error(self.window, lang.tr(OPEN_FAILED), lang.error_text(exc))
            self.window.settings.remove_recent(path)
            self.window.save_settings()
            return False
        self.window.autosave.clear()
        self.session.replace(loaded.assessment, Path(path), loaded.dropped)
        self._remember(Path(path))
        self.show_changes()
        return True

    def show_changes(self) -> None:
        """What changed for this company since the file was saved (content, statuses, new
        questions, answers kept that fit no question), before anything else; nothing when
        nothing changed."""
        # loaded when a file is opened, not at start-up
        from wizard import content_store
        from wizard.core.content_changes import changes, recorded_content

        session = self.session
        old = recorded_content(session.assessment.content, session.content,
                               content_store.folder_for)
        found = changes(session.content, session.assessment, session.dropped,
                        on=dt.date.today(), old_content=old)
        if not found.empty:
            show_changes(self.window, found)

    @staticmethod
    def _dropped_lines(dropped: list) -> str:
        lines = [f"\u2022 {item.key}: {lang.tr(item.reason)}" for item in dropped[:15]]
        if len(dropped) > 15:
            lines.append(lang.tr(MORE, count=len(dropped) - 15))
        return "\n".join(lines)

    def save(self) -> bool:
        if self.session is None:
            return False
        if self.session.path is None:
            return self.save_as()
        return self._write(self.session.path)

    def save_as(self) -> bool:
        if self.session is None:
            return False
        session = self.session
        if session.path is not None:
            suggested = str(session.path)
        else:
            from wizard.ui.pages.export import safe_name

            name = safe_name(session.assessment.meta.company) or "assessment"
            folder = self._folder()
            suggested = str(Path(folder) / f"{name}{dialogs.SUFFIX}") if folder \
                else f"{name}{dialogs.SUFFIX}"
        path = dialogs.save_path(self.window, lang.tr(SAVE_TITLE), suggested)
        if path is None:
            return False
        return self._write(path)

    def _write(self, path: Path) -> bool:
        from wizard.core.assessment import save_assessment
        from wizard.core.content_changes import record

        session = self.session
        try:
            # the content record of what the user sees now; set-aside entries are kept
            saved = record(session.content, session.assessment, session.dropped,
                           on=session.evaluation_day)
            save_assessment(path, saved)
        except (WizardError, OSError) as exc:
            dialogs.error(self.window, lang.tr(SAVE_FAILED), lang.error_text(exc))
            return False
        session.assessment.content = saved.content
        self.session.mark_saved(path)
        self.window.autosave.clear()
        self._remember(path)
        self.window.statusBar().showMessage(lang.tr(SAVED, path=str(path)), 5000)
        return True

    def _remember(self, path: Path) -> None:
        prefs = self.window.settings
        prefs.add_recent(str(Path(path).resolve()))
        prefs.last_dir = str(Path(path).resolve().parent)
        self.window.save_settings()
        self.window.update_title()

    def _folder(self) -> str:
        folder = self.window.settings.last_dir
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    # -- recovery --------------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """Offer each orphaned recovery file in turn, newest first; True when one was restored.
        Only what the user restored or declined is deleted; what does not fit the current
        questionnaires is set aside, never deleted."""
        autosave = self.window.autosave
        orphans = autosave.orphans()
        restored = False
        kept = 0
        for number, entry in enumerate(orphans, start=1):
            if restored:
                autosave.keep(entry)
                kept += 1
                continue
            choice = dialogs.ask_yes_no_cancel(self.window, lang.tr(RECOVER_TITLE),
                                               self._recover_question(entry, number,
                                                                      len(orphans)))
            if choice == "yes":
                restored = self._recover(entry)
            elif choice == "no":
                autosave.discard(entry)
            else:
                autosave.keep(entry)
        if restored and kept:
            dialogs.inform(self.window, lang.tr(KEPT_OTHERS_TITLE),
                           lang.tr(KEPT_OTHERS, count=kept))
        self.window.update_title()
        return restored

    def _recover_question(self, entry, number: int, total: int) -> str:
        name = Path(entry.source).name if entry.source else lang.tr(UNTITLED)
        when = entry.saved_at.replace("T", " ")
        if total == 1:
            return lang.tr(RECOVER, time=when, count=entry.answer_count, name=name)
        return lang.tr(RECOVER_SEVERAL, time=when, count=entry.answer_count, name=name,
                       number=number, total=total)

    def _recover(self, entry) -> bool:
        """Restore ``entry`` into this window, through the same migration as a saved file:
        what does not fit the current questionnaires is listed, and the complete work is set
        aside first."""
        from wizard.core.assessment import parse_assessment

        autosave = self.window.autosave
        try:
            loaded = parse_assessment(entry.assessment, self.session.content,
                                      entry.source or "recovery", salvage=True)
        except WizardError as exc:
            dialogs.error(self.window, lang.tr(RECOVER_FAILED),
                          lang.error_text(exc) + "\n\n" + self._set_aside(entry))
            return False
        where = self._set_aside(entry) if loaded.dropped else None
        source = Path(entry.source) if entry.source else None
        self.session.replace(loaded.assessment, source, loaded.dropped, modified=True)
        if where is None:
            if autosave.flush():      # now this session's own recovery file holds the work
                autosave.discard(entry)
            else:
                autosave.keep(entry)
        else:
            autosave.flush()
            dialogs.inform(self.window, lang.tr(RECOVERED_PART_TITLE),
                           lang.tr(RECOVERED_PART, count=len(loaded.dropped), path=where)
                           + "\n\n" + self._dropped_lines(loaded.dropped))
        return True

    def _set_aside(self, entry) -> str:
        """Move ``entry`` to the kept folder; what to tell the user about it."""
        autosave = self.window.autosave
        try:
            path = autosave.set_aside(entry)
        except (OSError, WizardError):
            autosave.keep(entry)
            return lang.tr(RECOVER_NOT_KEPT)
        return lang.tr(RECOVER_KEPT, path=str(path))
