"""The autosave (recovery) files that let the wizard bring back answers after a crash.

Pure Python (no Qt). Every running wizard has a session id and writes its unsaved work to
``recovery-<session>.json`` in the settings folder after each change, atomically (a crash
while writing leaves the previous complete file). A clean save or a clean close removes the
file, so a file found at start-up belongs to a session that ended without closing properly.
Whether that session is still running (a second window) is for the caller to decide: the
wizard holds a lock file (``lock_path``) while it runs.

The file wraps the assessment exactly as it would be saved::

    {"format": "ai-trade-readiness-recovery", "version": 1, "session": "...",
     "saved_at": "2026-11-24T10:31:02", "source": "/path/file.aitr.json" | null,
     "assessment": { ...the assessment file's JSON... }}

Reading tolerates anything: an unreadable or malformed file is skipped (``entries()``) rather
than raising, and the assessment itself is checked later by the core's loader.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

FORMAT = "ai-trade-readiness-recovery"
VERSION = 1
PREFIX = "recovery-"
SUFFIX = ".json"
MAX_BYTES = 11 * 1024 * 1024          # an assessment is at most 10 MB
_SESSION = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def new_session_id() -> str:
    return os.urandom(16).hex()


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
        """The lock file a running session holds (the UI locks it with QLockFile)."""
        return self.folder / f"{PREFIX}{session}.lock"

    def write(self, session: str, assessment_json: str, source: Optional[str] = None) -> bool:
        """Save the unsaved work of ``session``; ``False`` if it could not be written."""
        from wizard.core.errors import WizardError
        from wizard.core.storage import atomic_write

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
        try:
            if path.stat().st_size > MAX_BYTES:
                return None
            raw = json.loads(path.read_bytes().decode("utf-8"))
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
