"""Writing files so that a crash, a full disk or a mistake never costs the user a version.

``atomic_write(path, data)`` (assessments, settings, autosave, caches) works in this order:

1. Find the real file: a symbolic link is followed and its target is written (the link stays
   a link). A folder, a device, a pipe or a socket is refused, never renamed over.
2. Write the new data to a temporary file beside the real file, flush and fsync it. A full
   disk fails here, before anything else has changed.
3. Only then, when asked (assessments), keep the previous file as ``<name>.bak``: a hard link
   to the old file (no space needed; a copy where links are not supported), put in place with
   one rename.
4. Rename the temporary file over the real file and fsync the folder.

At every moment the target is the complete old or the complete new file, and the ``.bak`` is
the complete previous or the complete older one. A replaced file keeps its permissions (and
its group, where the system allows it); a new file is private (0600) unless written for a
report (``private=False``: the user's umask decides).

Temporary files are named ``.<name>.<random>.tmp`` (a long name is cut short and marked with a
digest, so that a 255-byte name still saves). A killed save can leave one behind, never in
place of the target; the next save of the same file removes such leftovers: on POSIX a writer
holds an ``flock`` on its temporary file until the rename, so only files no living writer holds
are removed; elsewhere (Windows) only leftovers older than ``STALE_SECONDS``.

``write_new_file(path, data, force=..., inputs=...)`` is for outputs (reports): without
``force`` the file is created exclusively (a hard link of the finished temporary file, so of two
exports racing for one new name exactly one wins); an output that is one of the command's
inputs is refused even with ``force``; a terminal, a pipe or ``/dev/stdout`` is written into
directly.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import stat
import tempfile
import time
from pathlib import Path
from typing import Iterable, Optional, Union

from wizard.core.errors import InputError
from wizard.i18n import N_, Note

try:  # POSIX only
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

STALE_SECONDS = 600
NAME_MAX = 255          # bytes in one file name on most file systems (pathconf says more)
_SHORT_STEM = 64        # temporary names keep at most this many bytes of the target's name

NO_FOLDER = N_("{path}: the folder {folder} does not exist")
NOT_SAVED = N_("{path}: cannot save ({reason}); the previous file is unchanged")
IS_A_FOLDER = N_("{path}: is a folder; give a file name")
EXISTS = N_("{path}: already exists; choose another name or add --force to replace it")
DANGLING = N_("{path}: is a link to {target}, which does not exist; choose another name or add "
              "--force to write to {target}")
LINK_LOOP = N_("{path}: is a link that leads in a circle; choose another name")
NOT_REGULAR = N_("{path}: is not an ordinary file (a device, pipe or socket); choose a file "
                 "name")
IS_A_DISK = N_("{path}: is a disk device; a report is never written onto a disk; choose a "
               "file name")
BACKUP_IN_THE_WAY = N_("{path}: not saved: {backup} is a folder (or another thing that is not a "
                       "file), so the previous version cannot be kept there. Rename or move "
                       "{backup}, then save again; the previous file is unchanged")
SAME_AS_INPUT = N_("{path}: is the input file {input}; writing the output there would destroy "
                   "it, so it is never done (not even with --force). Choose another name for "
                   "the output")
_REASONS = {  # errno name -> what the reader is told (others: the system's own words)
    "EACCES": N_("permission denied"), "EPERM": N_("permission denied"),
    "ENOSPC": N_("the disk is full"), "EDQUOT": N_("the disk quota is used up"),
    "EROFS": N_("the disk is read-only"), "ENAMETOOLONG": N_("the file name is too long"),
}
_KEEP_OPEN = os.name == "posix"   # Windows cannot rename a file that is still open
_NO_LINKS = {errno.EPERM, errno.EACCES, errno.EXDEV, errno.EMLINK, errno.ENOSYS,
             getattr(errno, "EOPNOTSUPP", -1), getattr(errno, "ENOTSUP", -1)}
_PROC_FD = re.compile(r"^/proc/(?:self|thread-self|\d+)(?:/task/\d+)?/fd/\d+\Z")

PathLike = Union[str, Path]


# -- names ---------------------------------------------------------------------------------
def _fit(name: str, limit: int) -> str:
    """The longest start of ``name`` that is at most ``limit`` bytes (whole characters)."""
    encoded = os.fsencode(name)
    if len(encoded) <= limit:
        return name
    cut = name
    while cut and len(os.fsencode(cut)) > limit:
        cut = cut[:-1]
    return cut


def _digest(name: str) -> str:
    return hashlib.sha1(os.fsencode(name)).hexdigest()[:8]


def _name_max(folder: Path) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return NAME_MAX


def backup_path(path: PathLike) -> Path:
    """``<name>.bak`` beside ``path``; for a name too long for that, the name is cut short and
    marked with a digest of the whole name (``<start>~<digest>.bak``)."""
    path = Path(path)
    name = path.name + ".bak"
    folder = path.parent if str(path.parent) else Path(".")
    limit = _name_max(folder)
    if len(os.fsencode(name)) <= limit:
        return path.with_name(name)
    suffix = f"~{_digest(path.name)}.bak"
    return path.with_name(_fit(path.name, limit - len(suffix)) + suffix)


def _stem(name: str) -> str:
    """The part of a temporary file's name that says which file it belongs to."""
    if len(os.fsencode(name)) <= _SHORT_STEM:
        return name
    return _fit(name, _SHORT_STEM - 9) + "~" + _digest(name)


def temp_pattern(path: PathLike) -> "re.Pattern[str]":
    """Names of the temporary files a save of ``path`` (or of its backup) uses."""
    return re.compile(re.escape(f".{_stem(Path(path).name)}.") + r"(?:bak\.)?[A-Za-z0-9_]+\.tmp\Z")


# -- where a path really leads -------------------------------------------------------------
def _is_fd_link(path: PathLike) -> bool:
    """True when ``path`` reaches a process's open file through ``/proc/<pid>/fd/N``
    (``/dev/stdout``, ``/dev/fd/1``): writing there means writing into that open file."""
    current = os.path.abspath(os.fspath(path))
    for _ in range(40):
        folder = os.path.realpath(os.path.dirname(current))
        full = os.path.join(folder, os.path.basename(current))
        if _PROC_FD.match(full):
            return True
        if not os.path.islink(full):
            return False
        current = os.path.join(folder, os.readlink(full))
    return False


def real_target(path: PathLike) -> Path:
    """The file that writing to ``path`` should change: a symbolic link's final target (even a
    missing one), else ``path`` itself. A circle of links is refused."""
    path = Path(path)
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if target.is_symlink():          # realpath stops inside a circle of links
        raise InputError.said(LINK_LOOP, path=str(path))
    return target


def _kind(path: Path) -> Optional[os.stat_result]:
    """``stat`` of what ``path`` leads to, ``None`` when nothing is there."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError.said(LINK_LOOP, path=str(path)) from exc
        if exc.errno == errno.ENOTDIR:
            return None
        raise InputError.said(NOT_SAVED, path=str(path), reason=_reason(exc)) from exc


def _refuse_odd(path: Path, info: Optional[os.stat_result]) -> None:
    if info is None or stat.S_ISREG(info.st_mode):
        return
    if stat.S_ISDIR(info.st_mode):
        raise InputError.said(IS_A_FOLDER, path=str(path))
    if stat.S_ISBLK(info.st_mode):
        raise InputError.said(IS_A_DISK, path=str(path))
    raise InputError.said(NOT_REGULAR, path=str(path))


# -- writing -------------------------------------------------------------------------------
def atomic_write(path: PathLike, data: bytes, *, backup: bool = False,
                 private: bool = True) -> Path:
    """Replace (or create) the file at ``path`` with ``data`` as described in the module
    docstring; returns the file written (a link's target). ``private``: a new file is 0600
    (assessments, settings, autosave); otherwise it follows the umask (reports)."""
    given = Path(path)
    target = real_target(given)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError.said(NO_FOLDER, path=str(given), folder=str(folder))
    old = _kind(target)
    _refuse_odd(given, old)
    bak = backup_path(target) if backup and old is not None else None
    if bak is not None:
        _check_backup_place(given, bak)
    remove_stale_temps(target)
    try:
        _install(target, data, old=old, private=private, bak=bak)
        fsync_dir(folder)
    except OSError as exc:
        raise InputError.said(NOT_SAVED, path=str(given), reason=_reason(exc)) from exc
    return target


def _check_backup_place(given: Path, bak: Path) -> None:
    try:
        info = os.lstat(bak)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError.said(NOT_SAVED, path=str(given), reason=_reason(exc)) from exc
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
        raise InputError.said(BACKUP_IN_THE_WAY, path=str(given), backup=str(bak))


def _reason(exc: OSError):
    msgid = _REASONS.get(errno.errorcode.get(exc.errno or 0, ""))
    return Note(msgid) if msgid else exc.strerror or exc.__class__.__name__


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)   # the only portable way to read it
    os.umask(mask)
    return mask


def _set_mode(fd: int, old: Optional[os.stat_result], private: bool) -> None:
    """The new file gets the old file's permissions (and owner and group where allowed);
    a new file is 0600 when private, else what the umask leaves of 0666."""
    if not hasattr(os, "fchmod"):      # Windows: permissions are the folder's ACLs
        return
    if old is not None:
        os.fchmod(fd, stat.S_IMODE(old.st_mode) & 0o777)
        if hasattr(os, "fchown"):
            for uid in (old.st_uid, -1):
                try:
                    os.fchown(fd, uid, old.st_gid)
                    break
                except OSError:
                    continue   # not allowed to give it away, or not in that group: keep ours
    elif not private:
        os.fchmod(fd, 0o666 & ~_umask())


def _locked_temp(folder: Path, prefix: str) -> tuple[int, str]:
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


def _write_all(fd: int, data: bytes, *, sync: bool = True) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    if sync:
        os.fsync(fd)


def _install(target: Path, data: bytes, *, old: Optional[os.stat_result] = None,
             private: bool = True, bak: Optional[Path] = None,
             exclusive: bool = False) -> None:
    """Write ``data`` to a locked temporary file beside ``target`` and fsync it; then keep the
    old file as ``bak`` (if given); then put the new file in place: renamed over ``target``, or
    with ``exclusive`` linked to it (refused if ``target`` exists by then). On failure the
    temporary file is removed and ``target`` is untouched."""
    fd, tmp = _locked_temp(target.parent, f".{_stem(target.name)}.")
    try:
        try:
            _set_mode(fd, old, private)
            _write_all(fd, data)
            if not _KEEP_OPEN:
                os.close(fd)
                fd = None
            if bak is not None:
                _keep_backup(target, bak)
            if exclusive:
                _link_new(tmp, target)
            else:
                os.replace(tmp, target)
        finally:
            if fd is not None:
                os.close(fd)   # releases the lock only after the rename
    except (OSError, InputError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _keep_backup(target: Path, bak: Path) -> None:
    """Make ``bak`` the current (old) ``target``, in one rename: a hard link needs no disk
    space; where links are not supported the old file is copied."""
    stem = f".{_stem(target.name)}.bak."
    try:
        if os.path.samestat(os.stat(target), os.lstat(bak)):
            return   # a save killed after keeping the backup: it already is the old file
    except OSError:
        pass
    for _ in range(5):
        link = target.parent / f"{stem}{secrets.token_hex(4)}.tmp"
        try:
            os.link(target, link)   # ``target`` is the real file already
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            break
        try:
            os.replace(link, bak)
            if os.path.lexists(link):   # rename between two names of one file does nothing
                os.unlink(link)
            return
        except FileNotFoundError:
            continue           # another save took the unlocked link for a leftover: again
        except OSError:
            try:
                os.unlink(link)
            except OSError:
                pass
            raise
    with open(target, "rb") as fh:
        previous = fh.read()
    _install(bak, previous, old=os.stat(target))


def _link_new(tmp: str, target: Path) -> None:
    """Give the finished temporary file the name ``target`` only if nothing has it."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise InputError.said(EXISTS, path=str(target)) from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        # no hard links here (FAT, some network shares): claim the name, then rename over it
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise InputError.said(EXISTS, path=str(target)) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def remove_stale_temps(path: PathLike) -> list[str]:
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
    fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_NONBLOCK", 0))
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


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (POSIX; elsewhere nothing to do)."""
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


# -- outputs -------------------------------------------------------------------------------
def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _check_inputs(path: Path, info: Optional[os.stat_result], inputs: Iterable[PathLike]) -> None:
    if info is None:
        return
    for item in inputs:
        if item is None:
            continue
        try:
            other = os.stat(item)
        except OSError:
            continue
        if _same_file(info, other):
            raise InputError.said(SAME_AS_INPUT, path=str(path), input=str(item))


def is_stream(path: PathLike) -> bool:
    """True for an output that is written into rather than replaced: a terminal or other
    character device, a pipe, or an open file reached through ``/dev/stdout``-style links."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        return True
    try:
        return stat.S_ISREG(info.st_mode) and _is_fd_link(path)
    except OSError:
        return False


def check_new_file(path: PathLike, *, force: bool = False,
                   inputs: Iterable[PathLike] = ()) -> Path:
    """Refuse a folder, a device or socket, an output that is one of ``inputs`` (same file,
    even through another name), and an existing file or link unless ``force``: exports never
    replace a file the user did not ask to replace."""
    path = Path(path)
    info = _kind(path)
    _check_inputs(path, info, inputs)
    if is_stream(path):
        return path
    _refuse_odd(path, info)
    if not force:
        if info is not None:
            raise InputError.said(EXISTS, path=str(path))
        if path.is_symlink():
            raise InputError.said(DANGLING, path=str(path), target=str(real_target(path)))
    return path


def write_new_file(path: PathLike, data: bytes, *, force: bool = False,
                   inputs: Iterable[PathLike] = ()) -> Path:
    """Write an output (a report): checked by :func:`check_new_file`; then written into a
    stream, created exclusively (without ``force``) or replaced atomically (with it)."""
    inputs = list(inputs)
    path = check_new_file(path, force=force, inputs=inputs)
    if is_stream(path):
        _write_stream(path, data)
        return path
    if force:
        return atomic_write(path, data, private=False)
    target = real_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError.said(NO_FOLDER, path=str(path), folder=str(folder))
    try:
        _install(target, data, private=False, exclusive=True)
        fsync_dir(folder)
    except OSError as exc:
        raise InputError.said(NOT_SAVED, path=str(path), reason=_reason(exc)) from exc
    return target


def _write_stream(path: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
        try:
            _write_all(fd, data, sync=False)
        finally:
            os.close(fd)
    except OSError as exc:
        raise InputError.said(NOT_SAVED, path=str(path), reason=_reason(exc)) from exc


# -- reading -------------------------------------------------------------------------------
class NotRegular(OSError):
    """Raised by :func:`read_regular` for a folder, device, pipe or socket."""


def read_regular(path: PathLike, limit: int) -> bytes:
    """The bytes of the ordinary file ``path``, at most ``limit + 1`` of them (the caller
    refuses more). Anything else (a folder, a pipe, a device) raises :class:`NotRegular`
    without waiting: a pipe is opened without blocking and never read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(errno.EINVAL, "not an ordinary file", str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
