"""New, Open, Save, Save As, recent files, the unsaved-changes question and crash recovery:
the file side of the main window. Reading and writing are the core's (``load_assessment``,
``parse_assessment``, ``save_assessment``: atomic, keeps a ``.bak``)."""

from __future__ import annotations

from pathlib import Path

from wizard.core.errors import WizardError
from wizard.i18n import N_
from wizard.ui import dialogs, lang

UNTITLED = N_("New assessment")
OPEN_TITLE = N_("Open an assessment")
SAVE_TITLE = N_("Save the assessment")
OPEN_FAILED = N_("The assessment could not be opened")
SAVE_FAILED = N_("The assessment could not be saved")
DROPPED_TITLE = N_("Some answers no longer fit")
DROPPED = N_("This file was answered with an older version of the questionnaires. {count} "
             "answers, notes or plan entries no longer fit the current questions and were set "
             "aside (the report lists them):")
MORE = N_("... and {count} more")
RECOVER_TITLE = N_("Recover unsaved answers?")
RECOVER = N_("The program did not close properly last time. Unsaved work from {time} was kept "
             "({count} answers, {name}). Recover it? If you choose No, it is deleted.")
RECOVER_FAILED = N_("The unsaved work could not be recovered")
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
        if loaded.dropped:
            self.show_dropped(loaded.dropped)
        return True

    def show_dropped(self, dropped: list) -> None:
        lines = [f"\u2022 {item.key}: {lang.tr(item.reason)}" for item in dropped[:15]]
        if len(dropped) > 15:
            lines.append(lang.tr(MORE, count=len(dropped) - 15))
        dialogs.inform(self.window, lang.tr(DROPPED_TITLE),
                       lang.tr(DROPPED, count=len(dropped)) + "\n\n" + "\n".join(lines))

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

        try:
            save_assessment(path, self.session.assessment)
        except (WizardError, OSError) as exc:
            dialogs.error(self.window, lang.tr(SAVE_FAILED), lang.error_text(exc))
            return False
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
        """Offer the newest orphaned recovery file; True when its work was restored."""
        from wizard.core.assessment import parse_assessment

        orphans = self.window.autosave.orphans()
        if not orphans:
            return False
        entry = orphans[0]
        name = Path(entry.source).name if entry.source else lang.tr(UNTITLED)
        when = entry.saved_at.replace("T", " ")
        question = lang.tr(RECOVER, time=when, count=entry.answer_count, name=name)
        accepted = dialogs.ask_yes_no(self.window, lang.tr(RECOVER_TITLE), question)
        restored = False
        if accepted:
            try:
                loaded = parse_assessment(entry.assessment, self.session.content,
                                          entry.source or "recovery")
            except WizardError as exc:
                dialogs.error(self.window, lang.tr(RECOVER_FAILED), lang.error_text(exc))
            else:
                source = Path(entry.source) if entry.source else None
                self.session.replace(loaded.assessment, source, loaded.dropped, modified=True)
                self.window.autosave.flush()
                restored = True
                if loaded.dropped:
                    self.show_dropped(loaded.dropped)
        for other in orphans:
            self.window.autosave.discard(other)
        self.window.update_title()
        return restored

