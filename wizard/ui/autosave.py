"""Autosave: after every change the unsaved work goes to this session's recovery file
(``wizard.recovery``), shortly debounced so that typing does not write on every key. While the
wizard runs it holds an operating-system lock on its session's lock file
(:class:`wizard.recovery.SessionLock`); recovery files whose lock can be taken belong to
sessions that ended without closing properly, and those are offered at start-up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QObject, QTimer, Signal

from wizard.recovery import Entry, RecoveryStore, SessionLock, new_session_id

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
        self.lock = self.store.lock(self.session_id)
        self.locked = self.lock.acquire()
        self.claims: dict[str, SessionLock] = {}   # other sessions' locks, while offered
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
            self.saved.emit(dt.datetime.now().strftime("%H:%M:%S"))
        return ok

    def clear(self) -> None:
        """The work is saved or deliberately discarded: forget the recovery file."""
        self.timer.stop()
        self.store.remove(self.session_id)

    def orphans(self) -> list[Entry]:
        """Recovery files of sessions that are not running any more, newest first. Each one's
        lock is held until :meth:`discard`, :meth:`keep` or :meth:`set_aside`, so that no
        other window offers the same work meanwhile."""
        self.store.sweep_locks()
        found = []
        for entry in self.store.entries():
            if entry.session == self.session_id or entry.session in self.claims:
                continue
            claim = self.store.claim(entry)
            if claim is not None:
                self.claims[entry.session] = claim
                found.append(entry)
        return found

    def _release(self, entry: Entry) -> None:
        claim = self.claims.pop(entry.session, None)
        if claim is not None:
            claim.release(remove=True)

    def discard(self, entry: Entry) -> None:
        """Delete ``entry`` (restored into this session, or declined by the user)."""
        self.store.discard(entry)
        self._release(entry)

    def keep(self, entry: Entry) -> None:
        """Leave ``entry`` where it is, to be offered again at the next start."""
        self._release(entry)

    def set_aside(self, entry: Entry) -> Path:
        """Move ``entry`` to the kept folder (see ``RecoveryStore.set_aside``)."""
        path = self.store.set_aside(entry)
        self._release(entry)
        return path

    def close(self) -> None:
        self.clear()
        for claim in list(self.claims.values()):
            claim.release(remove=True)
        self.claims.clear()
        if self.locked:
            self.lock.release(remove=True)
            self.locked = False
