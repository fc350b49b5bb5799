"""The autosave (recovery) files that let the wizard bring back answers after a crash.

Pure Python (no Qt). Every running wizard has a session id and writes its unsaved work to
``recovery-<session>.json`` in the settings folder after each change, atomically (a crash
while writing leaves the previous complete file). A clean save or a clean close removes the
file, so a file found at start-up belongs to a session that ended without closing properly,
or to another window that is still running.

Which of the two is decided by an operating-system lock (:class:`SessionLock`: ``flock`` on
POSIX, ``msvcrt.locking`` on Windows) that a running wizard holds on ``recovery-<session>.lock``.
The system releases it when the process ends, however it ends, so a crashed session's lock can
always be taken, whatever host name or age its lock file has (a renamed laptop, a settings
folder synced from another computer). Taking it (:meth:`RecoveryStore.claim`) also keeps a
second window from offering the same work at the same time.

Nothing is deleted unless the user restored it or declined it. Work that no longer fits the
current questionnaires is set aside in ``kept/`` (:meth:`RecoveryStore.set_aside`), a complete
assessment file, instead of being deleted.

The file wraps the assessment exactly as it would be saved::

    {"format": "ai-trade-readiness-recovery", "version": 1, "session": "...",
     "saved_at": "2026-11-24T10:31:02", "source": "/path/file.aitr.json" | null,
     "assessment": { ...the assessment file's JSON... }}

Reading tolerates anything: an unreadable or malformed file is skipped (``entries()``) rather
than raising, and the assessment itself is checked later by the core's loader.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from wizard.core.errors import WizardError

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
try:  # Windows
    import msvcrt
except ImportError:
    msvcrt = None  # type: ignore[assignment]

FORMAT = "ai-trade-readiness-recovery"
VERSION = 1
PREFIX = "recovery-"
SUFFIX = ".json"
LOCK_SUFFIX = ".lock"
KEPT_FOLDER = "kept"
MAX_BYTES = 11 * 1024 * 1024          # an assessment is at most 10 MB
_SESSION = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def new_session_id() -> str:
    return os.urandom(16).hex()


class SessionLock:
    """An operating-system lock on one lock file, held while a session runs.

    ``acquire()`` never waits: ``False`` means another living process holds it. A process
    that ends (crash, kill, power off of that process) holds nothing any more."""

    def __init__(self, path: Union[str, Path]) -> None:
        self.path = Path(path)
        self.fd: Optional[int] = None

    @property
    def held(self) -> bool:
        return self.fd is not None

    def acquire(self) -> bool:
        if self.fd is not None:
            return True
        for _ in range(5):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
                             | getattr(os, "O_BINARY", 0), 0o600)
            except OSError:
                return False
            if not _lock(fd):
                os.close(fd)
                return False
            try:   # a lock file removed meanwhile by its closing owner: take the new one
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except OSError:
                same = False
            if same:
                self.fd = fd
                return True
            os.close(fd)
        return False

    def release(self, remove: bool = True) -> None:
        """Let go (and remove the lock file: nobody needs it once its owner is done)."""
        fd, self.fd = self.fd, None
        if fd is None:
            return
        if remove and os.name == "posix":   # POSIX: remove while still holding it
            _unlink(self.path)
        _unlock(fd)
        os.close(fd)
        if remove and os.name != "posix":   # Windows cannot remove an open file
            _unlink(self.path)


def _lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        elif msvcrt is not None:  # pragma: no cover - Windows
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return True
    except OSError as exc:
        if exc.errno in (errno.ENOLCK, errno.ENOSYS, getattr(errno, "EOPNOTSUPP", -1)):
            return True   # a folder without locks: treat the session as not running
        return False


def _unlock(fd: int) -> None:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        elif msvcrt is not None:  # pragma: no cover - Windows
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    except OSError:
        pass


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


@dataclass(frozen=True)
class Entry:
    """One recovery file found on disk."""

    session: str
    path: Path
    saved_at: str
    source: Optional[str]
    assessment: bytes          # the assessment JSON, ready for ``parse_assessment``

    @property
    def answer_count(self) -> int:
        try:
            answers = json.loads(self.assessment.decode("utf-8")).get("answers")
        except (ValueError, AttributeError):
            return 0
        return len(answers) if isinstance(answers, dict) else 0


class RecoveryStore:
    """The recovery files in one folder (the settings folder)."""

    def __init__(self, folder: Union[str, Path]) -> None:
        self.folder = Path(folder)

    def path_for(self, session: str) -> Path:
        if not _SESSION.match(session):
            raise ValueError(f"bad session id {session!r}")
        return self.folder / f"{PREFIX}{session}{SUFFIX}"

    def lock_path(self, session: str) -> Path:
        """The lock file a running session holds (:class:`SessionLock`)."""
        return self.folder / f"{PREFIX}{session}{LOCK_SUFFIX}"

    def lock(self, session: str) -> SessionLock:
        """The lock of ``session`` (not yet taken)."""
        return SessionLock(self.lock_path(session))

    def claim(self, entry: "Entry") -> Optional[SessionLock]:
        """The lock of ``entry``'s session, taken, when that session is not running and its
        file is still there; ``None`` when a living window holds it (or the file is gone)."""
        lock = self.lock(entry.session)
        if not lock.acquire():
            return None
        if not entry.path.exists():      # its window closed cleanly meanwhile
            lock.release()
            return None
        return lock

    def sweep_locks(self) -> None:
        """Remove the lock files of ended sessions that left no work behind."""
        try:
            paths = list(self.folder.glob(f"{PREFIX}*{LOCK_SUFFIX}"))
        except OSError:
            return
        for path in paths:
            session = path.name[len(PREFIX):-len(LOCK_SUFFIX)]
            if not _SESSION.match(session) or self.path_for(session).exists():
                continue
            lock = SessionLock(path)
            if lock.acquire():
                lock.release(remove=True)

    def write(self, session: str, assessment_json: str, source: Optional[str] = None) -> bool:
        """Save the unsaved work of ``session``; ``False`` if it could not be written."""
        from wizard.core.storage import atomic_write  # not needed to show the first page

        try:
            assessment = json.loads(assessment_json)
        except ValueError:
            return False
        record = {"format": FORMAT, "version": VERSION, "session": session,
                  "saved_at": dt.datetime.now().replace(microsecond=0).isoformat(),
                  "source": source, "assessment": assessment}
        try:
            data = json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path_for(session), data)
        except (OSError, WizardError, ValueError):
            return False
        return True

    def remove(self, session: str) -> None:
        """Forget the recovery file of ``session`` (after a clean save or close)."""
        try:
            self.path_for(session).unlink()
        except (OSError, ValueError):
            pass

    def read(self, path: Path) -> Optional[Entry]:
        """The entry in ``path``, or ``None`` if it is not a usable recovery file."""
        from wizard.core.storage import read_regular  # not needed to show the first page

        try:
            if path.stat().st_size > MAX_BYTES:
                return None
            data = read_regular(path, MAX_BYTES)    # never a pipe, never more than the limit
            if len(data) > MAX_BYTES:
                return None
            raw = json.loads(data.decode("utf-8"))
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            return None
        if raw.get("version") != VERSION or not isinstance(raw.get("assessment"), dict):
            return None
        session = raw.get("session")
        if not isinstance(session, str) or not _SESSION.match(session):
            return None
        if path.name != f"{PREFIX}{session}{SUFFIX}":
            return None
        source = raw.get("source")
        saved_at = raw.get("saved_at")
        try:
            assessment = json.dumps(raw["assessment"], ensure_ascii=False).encode("utf-8")
            if isinstance(source, str):
                source.encode("utf-8")
            if isinstance(saved_at, str):
                saved_at.encode("utf-8")
        except (ValueError, RecursionError):   # unpaired surrogates: not a usable file
            return None
        return Entry(session=session, path=path,
                     saved_at=saved_at[:40] if isinstance(saved_at, str) else "",
                     source=source if isinstance(source, str) and source else None,
                     assessment=assessment)

    def entries(self) -> list[Entry]:
        """Every readable recovery file, newest first."""
        try:
            paths = sorted(self.folder.glob(f"{PREFIX}*{SUFFIX}"))
        except OSError:
            return []
        found = [entry for entry in map(self.read, paths) if entry is not None]
        found.sort(key=lambda e: e.saved_at, reverse=True)
        return found

    def discard(self, entry: Entry) -> None:
        try:
            entry.path.unlink()
        except OSError:
            pass

    def kept_folder(self) -> Path:
        return self.folder / KEPT_FOLDER

    def set_aside(self, entry: Entry) -> Path:
        """Move ``entry``'s work out of the way as a complete assessment file in ``kept/``
        (never offered again, never deleted by the program) and return its path. Raises
        ``OSError`` or ``WizardError`` when it cannot be written; the recovery file then
        stays where it is."""
        from wizard.core.storage import atomic_write  # not needed to show the first page

        folder = self.kept_folder()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = re.sub(r"[^0-9]", "", entry.saved_at)[:14] or "unknown"
        target = folder / f"unsaved-work-{stamp}-{entry.session[:8]}.aitr.json"
        try:
            data = json.dumps(json.loads(entry.assessment), ensure_ascii=False, indent=2)
        except (ValueError, RecursionError):
            data = entry.assessment.decode("utf-8", "replace")
        atomic_write(target, (data + "\n").encode("utf-8", "replace"))
        self.discard(entry)
        return target
