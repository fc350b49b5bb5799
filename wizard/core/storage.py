"""Writing files so that a crash never leaves a half-written one.

``atomic_write(path, data)`` writes a temporary file ``.<name>.<random>.tmp`` in the same
folder, flushes and fsyncs it, keeps the previous file as ``<name>.bak`` (when asked, itself
written the same way), then renames the temporary file over the target. At every moment the
target is either the complete old or the complete new file.

A process killed while saving can leave its temporary file behind (never in place of the
target). The next save of the same file removes such leftovers: on POSIX a writer holds an
``flock`` on its temporary file until the rename, so only files no living writer holds are
removed; elsewhere (Windows, where an open file cannot be deleted anyway) only leftovers older
than ``STALE_SECONDS``.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path
from typing import Optional

from wizard.core.errors import InputError
from wizard.i18n import N_, Note

try:  # POSIX only
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

STALE_SECONDS = 600
NO_FOLDER = N_("{path}: the folder {folder} does not exist")
NOT_SAVED = N_("{path}: cannot save ({reason}); the previous file is unchanged")
IS_A_FOLDER = N_("{path}: is a folder; give a file name")
EXISTS = N_("{path}: already exists; choose another name or add --force to replace it")
_REASONS = {  # errno name -> what the reader is told (others: the system's own words)
    "EACCES": N_("permission denied"), "EPERM": N_("permission denied"),
    "ENOSPC": N_("the disk is full"), "EDQUOT": N_("the disk quota is used up"),
    "EROFS": N_("the disk is read-only"), "ENAMETOOLONG": N_("the file name is too long"),
}
_KEEP_OPEN = os.name == "posix"   # Windows cannot rename a file that is still open


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def temp_pattern(path: Path) -> "re.Pattern[str]":
    """Names of the temporary files a save of ``path`` (or of its backup) uses."""
    return re.compile(re.escape(f".{Path(path).name}.") + r"(?:bak\.)?[A-Za-z0-9_]+\.tmp\Z")


def atomic_write(path: Path, data: bytes, *, backup: bool = False) -> None:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError.said(NO_FOLDER, path=str(path), folder=str(folder))
    remove_stale_temps(path)
    try:
        if backup and path.is_file():
            _install(backup_path(path), path.read_bytes())
        _install(path, data)
        _fsync_dir(folder)
    except OSError as exc:
        raise InputError.said(NOT_SAVED, path=str(path), reason=_reason(exc)) from exc


def _reason(exc: OSError):
    import errno

    msgid = _REASONS.get(errno.errorcode.get(exc.errno or 0, ""))
    return Note(msgid) if msgid else exc.strerror or exc.__class__.__name__


def _locked_temp(folder: Path, prefix: str) -> tuple[Optional[int], str]:
    """A new temporary file, locked (POSIX) so that no other save removes it as stale."""
    for _ in range(5):
        fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
        if fcntl is None:
            return fd, tmp
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pass            # another save is removing it as a leftover: take a new one
        except OSError:
            return fd, tmp  # no locks on this file system: unlocked files are never removed
        else:
            if os.fstat(fd).st_nlink > 0:
                return fd, tmp
            # removed as a leftover between mkstemp and flock: take a new one
        os.close(fd)
    raise OSError(0, "could not create a temporary file")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


def _install(target: Path, data: bytes) -> None:
    """Write ``data`` to a locked temporary file beside ``target``, fsync it, rename it over
    ``target``; on failure the temporary file is removed and ``target`` is untouched."""
    fd, tmp = _locked_temp(target.parent, f".{target.name}.")
    try:
        try:
            _write_all(fd, data)
            if not _KEEP_OPEN:
                os.close(fd)
                fd = None
            os.replace(tmp, target)
        finally:
            if fd is not None:
                os.close(fd)   # releases the lock only after the rename
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def remove_stale_temps(path: Path) -> list[str]:
    """Remove the temporary files that killed saves of ``path`` left behind; never raises.
    Returns the names removed."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    pattern = temp_pattern(path)
    removed: list[str] = []
    try:
        entries = [e for e in os.scandir(folder) if pattern.match(e.name)]
    except OSError:
        return removed
    for entry in entries:
        try:
            if _remove_if_stale(entry):
                removed.append(entry.name)
        except OSError:
            pass
    return removed


def _remove_if_stale(entry: os.DirEntry) -> bool:
    if not entry.is_file(follow_symlinks=False):
        return False
    if fcntl is None:
        if time.time() - entry.stat(follow_symlinks=False).st_mtime < STALE_SECONDS:
            return False
        os.unlink(entry.path)
        return True
    fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False   # a living save holds it
        now = os.stat(entry.path, follow_symlinks=False)
        mine = os.fstat(fd)
        if (now.st_ino, now.st_dev) != (mine.st_ino, mine.st_dev):
            return False
        os.unlink(entry.path)
        return True
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def check_new_file(path: Path, *, force: bool = False) -> Path:
    """Refuse a folder, and an existing file unless ``force``: exports never replace a file
    the user did not ask to replace."""
    path = Path(path)
    if path.is_dir():
        raise InputError.said(IS_A_FOLDER, path=str(path))
    if path.exists() and not force:
        raise InputError.said(EXISTS, path=str(path))
    return path


def write_new_file(path: Path, data: bytes, *, force: bool = False) -> Path:
    """:func:`check_new_file`, then :func:`atomic_write`."""
    path = check_new_file(path, force=force)
    atomic_write(path, data)
    return path
