"""Autosave: after every change the unsaved work goes to this session's recovery file
(``wizard.recovery``), shortly debounced so that typing does not write on every key. While the
wizard runs it holds a QLockFile; recovery files whose lock nobody holds belong to sessions
that ended without closing properly, and those are offered at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from wizard.recovery import Entry, RecoveryStore, new_session_id

DELAY_MS = 400


class Autosave(QObject):
    saved = Signal(str)      # the time of the last autosave (ISO)

    def __init__(self, folder: Path, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.store = RecoveryStore(folder)
        self.session_id = new_session_id()
        self.session = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        self.lock = QLockFile(str(self.store.lock_path(self.session_id)))
        self.lock.setStaleLockTime(0)
        self.locked = self.lock.tryLock(0)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.flush)

    def attach(self, session) -> None:
        self.session = session
        session.changed.connect(self.schedule)

    def schedule(self) -> None:
        if self.session is not None and self.session.modified:
            self.timer.start()

    def flush(self) -> bool:
        """Write the recovery file now (if there is unsaved work)."""
        self.timer.stop()
        session = self.session
        if session is None or not session.modified:
            return False
        ok = self.store.write(self.session_id, session.assessment.to_json(),
                              str(session.path) if session.path else None)
        if ok:
            import datetime as dt

            self.saved.emit(dt.datetime.now().strftime("%H:%M:%S"))
        return ok

    def clear(self) -> None:
        """The work is saved or deliberately discarded: forget the recovery file."""
        self.timer.stop()
        self.store.remove(self.session_id)

    def orphans(self) -> list[Entry]:
        """Recovery files of sessions that are not running any more, newest first."""
        found = []
        for entry in self.store.entries():
            if entry.session == self.session_id:
                continue
            other = QLockFile(str(self.store.lock_path(entry.session)))
            other.setStaleLockTime(0)
            if other.tryLock(0):
                other.unlock()
                found.append(entry)
        return found

    def discard(self, entry: Entry) -> None:
        self.store.discard(entry)

    def close(self) -> None:
        self.clear()
        if self.locked:
            self.lock.unlock()
            self.locked = False
