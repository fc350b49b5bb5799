"""Evidence for an answer or a plan action: files kept beside the assessment, and references.

An assessment ``acme.json`` keeps its evidence files in the folder ``acme.evidence/`` beside
it, each named by the SHA-256 of its content plus the original extension
(``<sha256>.pdf``), so the same content attached twice is stored once and a file cannot be
swapped without :func:`check` noticing. The assessment records, per question
(``question:<id>``) or plan action (``action:<id>``), a list of :class:`EvidenceItem`: a file
(original name, size, date added, SHA-256) or a reference (a document number or location).
The folder is always found from the assessment's own path, so moving the assessment together
with its folder keeps everything working.

Nothing here destroys what the user has: :func:`attach` copies (the original stays where it
was) through a temporary file and one rename, read-only (POSIX), and sets a stored copy that
was edited since aside instead of replacing it; :func:`remove` only takes the item out of the
assessment, and :func:`sweep` deletes a stored file only after the assessment was saved
without it, when no item in the saved assessment still uses it, and when it is still the very
copy that was attached.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Optional

from wizard.core.errors import InputError
from wizard.core.storage import fsync_dir
from wizard.i18n import N_, Note

KINDS = ("file", "reference")
TARGETS = ("question", "action")
STATUSES = ("present", "missing", "altered", "reference")
FOLDER_SUFFIX = ".evidence"
MAX_FILE_BYTES = 100 * 1024 * 1024   # one evidence file
MAX_ITEMS = 20                       # items on one question or action
MAX_KEYS = 2000                      # questions and actions with evidence
MAX_FILE_NAME = 200                  # an original file name, in characters
MAX_REFERENCE = 500                  # a document number or location
MAX_EVIDENCE_NOTE = 1000             # the note on an item
MAX_TARGET_ID = 64                   # a question or action id
_SHA256 = re.compile(r"[0-9a-f]{64}\Z")
_EXTENSION = re.compile(r"\.[a-z0-9]{1,10}\Z")
_CHUNK = 1024 * 1024
_READ_ONLY = os.name == "posix"   # Windows cannot replace or delete a read-only file
_HASHED: dict[tuple, str] = {}   # (path, inode, size, mtime, ctime) -> SHA-256 found

# What a state is called wherever it is shown
STATUS_WORDS = {"present": N_("present"), "missing": N_("missing"), "altered": N_("altered"),
                "reference": N_("reference")}

# Refusals (``{file}``: the file given; ``{limit}`` and the like: numbers already formatted)
NO_FOLDER_YET = N_("the assessment has not been saved yet; save it first, so that its "
                   "evidence has a folder beside it")
NOT_FOUND = N_("{file}: no such file; give the path of the file to attach")
NOT_ORDINARY = N_("{file}: not an ordinary file (a folder, device or pipe); attach a file")
TOO_LARGE = N_("{file}: the file is {size} MB; an evidence file is at most {limit} MB. Attach a "
               "smaller file, or add a reference to where the file is kept")
CANNOT_READ = N_("{file}: cannot read the file ({reason})")
CANNOT_STORE = N_("{folder}: cannot store the evidence file ({reason}); nothing was attached")
TOO_MANY_ITEMS = N_("{target} already has {limit} evidence items, the most one question or "
                    "action can carry; remove one first")
TOO_MANY_KEYS = N_("evidence is recorded for {limit} questions and actions, the most an "
                   "assessment can carry")
NAME_TOO_LONG = N_("the file name {name} is longer than {limit} characters; rename the file "
                   "and attach it again")
EMPTY_REFERENCE = N_("the reference is empty; give a document number or where the document is "
                     "kept")
REFERENCE_TOO_LONG = N_("the reference is {length} characters long; at most {limit}")
NOTE_TOO_LONG = N_("the note on the evidence is {length} characters long; at most {limit}")
BAD_TARGET = N_("{target}: evidence belongs to \"question:<id>\" or \"action:<id>\"")
NO_SUCH_ITEM = N_("{target} has no evidence item {number}")
# Checks of a file's records (the schema shows them with the place they were found)
BAD_SHA256 = N_("\"sha256\" must be 64 lower-case hexadecimal digits")
BAD_NAME = N_("the file name {name} is empty, contains a path separator or a control "
              "character, or is \".\" or \"..\"; not a file name this program records")
BAD_SIZE = N_("the size must be a whole number from 0 to {limit}")
FILE_FIELDS = N_("a file item has a name, a size and a sha256, and no reference")
REFERENCE_FIELDS = N_("a reference item has a reference, and no name, size or sha256")
BAD_KEY = N_("{key} is not \"question:<id>\" or \"action:<id>\" with an id of at most {limit} "
             "characters")
LIST_TOO_LONG = N_("{key} has {count} evidence items; at most {limit}")
KEYS_TOO_MANY = N_("evidence for {count} questions and actions; at most {limit}")


class Refused(ValueError):
    """A record refused while a file is read; ``msgid`` and ``params`` say why."""

    def __init__(self, msgid: str, **params: Any) -> None:
        self.note = Note(msgid, params)
        super().__init__(self.note.english())


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One piece of evidence as the assessment records it. ``kind`` is ``file`` (``name``,
    ``size``, ``sha256``) or ``reference`` (``reference``); ``added`` is an ISO date."""

    kind: str = "file"
    name: str = ""
    size: int = 0
    sha256: str = ""
    reference: str = ""
    note: str = ""
    added: str = ""

    def stored_name(self) -> str:
        """The stored file's name in the evidence folder (files only)."""
        return self.sha256 + extension(self.name)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name, "size": self.size, "sha256": self.sha256,
                "reference": self.reference, "note": self.note, "added": self.added}


@dataclass(frozen=True, slots=True)
class Checked:
    """One item with where it belongs (``key``, ``number`` from 1) and, for a file, its state
    on disk now: ``present`` (there, same SHA-256), ``missing`` or ``altered`` (another content
    or not an ordinary file); a reference is ``reference``."""

    key: str
    number: int
    item: EvidenceItem
    status: str
    path: Optional[Path] = None


# -- names and places -------------------------------------------------------------------------
def extension(name: str) -> str:
    """The extension a stored file keeps (lower case, letters and digits, at most 10), or ""."""
    suffix = os.path.splitext(name)[1].lower()
    return suffix if _EXTENSION.match(suffix) else ""


def key_for(target: str, target_id: str) -> str:
    """``question:<id>`` or ``action:<id>``."""
    return f"{target}:{target_id}"


def split_key(key: str) -> tuple[str, str]:
    """(``question`` or ``action``, id) of a key, else a :class:`Refused`."""
    target, _, ident = key.partition(":")
    if target not in TARGETS or not ident or len(ident) > MAX_TARGET_ID or not ident.isprintable():
        raise Refused(BAD_KEY, key=_quoted(key), limit=MAX_TARGET_ID)
    return target, ident


def folder_for(assessment_path: Path) -> Path:
    """``<folder>/<stem>.evidence`` for the assessment ``<folder>/<stem>.<ext>``."""
    path = Path(assessment_path)
    return path.with_name(path.stem + FOLDER_SUFFIX)


def _quoted(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


# -- checks shared with the file schema ----------------------------------------------------
def check_name(name: str) -> str:
    if (not name or name in (".", "..") or "/" in name or "\\" in name
            or not name.isprintable()):
        raise Refused(BAD_NAME, name=_quoted(name))
    if len(name) > MAX_FILE_NAME:
        raise Refused(NAME_TOO_LONG, name=_quoted(name), limit=MAX_FILE_NAME)
    return name


def check_item(item: EvidenceItem) -> EvidenceItem:
    """``item`` if its fields fit its kind and the limits, else a :class:`Refused`."""
    if item.kind == "file":
        if item.reference:
            raise Refused(FILE_FIELDS)
        if not _SHA256.match(item.sha256):
            raise Refused(BAD_SHA256)
        check_name(item.name)
        if (isinstance(item.size, bool) or not isinstance(item.size, int)
                or not 0 <= item.size <= MAX_FILE_BYTES):
            raise Refused(BAD_SIZE, limit=f"{MAX_FILE_BYTES:,}")
    else:
        if item.name or item.size or item.sha256:
            raise Refused(REFERENCE_FIELDS)
        if not item.reference.strip():
            raise Refused(EMPTY_REFERENCE)
        if len(item.reference) > MAX_REFERENCE:
            raise Refused(REFERENCE_TOO_LONG, length=f"{len(item.reference):,}",
                          limit=MAX_REFERENCE)
    if len(item.note) > MAX_EVIDENCE_NOTE:
        raise Refused(NOTE_TOO_LONG, length=f"{len(item.note):,}", limit=MAX_EVIDENCE_NOTE)
    if item.added:
        try:
            dt.date.fromisoformat(item.added)
        except ValueError as exc:
            raise Refused(N_("{value} is not a date in YYYY-MM-DD form"),
                          value=_quoted(item.added)) from exc
    return item


def check_map(evidence: dict[str, list]) -> dict[str, list]:
    """The whole ``evidence`` map: keys, and at most ``MAX_ITEMS`` per key and ``MAX_KEYS``."""
    if not isinstance(evidence, dict):
        return evidence      # the schema says what it must be
    if len(evidence) > MAX_KEYS:
        raise Refused(KEYS_TOO_MANY, count=f"{len(evidence):,}", limit=f"{MAX_KEYS:,}")
    for key, items in evidence.items():
        split_key(key)
        if isinstance(items, list) and len(items) > MAX_ITEMS:
            raise Refused(LIST_TOO_LONG, key=_quoted(key), count=len(items), limit=MAX_ITEMS)
    return evidence


# -- changing what an assessment records -----------------------------------------------------
def _with_item(assessment, key: str, item: EvidenceItem) -> None:
    evidence = dict(assessment.evidence)
    items = list(evidence.get(key, ()))
    if len(items) >= MAX_ITEMS:
        raise InputError.said(TOO_MANY_ITEMS, target=key, limit=MAX_ITEMS)
    if key not in evidence and len(evidence) >= MAX_KEYS:
        raise InputError.said(TOO_MANY_KEYS, limit=f"{MAX_KEYS:,}")
    evidence[key] = items + [item]
    assessment.evidence = evidence


def _target(target: str) -> str:
    try:
        split_key(target)
    except Refused as exc:
        raise InputError.said(BAD_TARGET, target=_quoted(target)) from exc
    return target


def _refusal(exc: Refused) -> InputError:
    return InputError.said(exc.note.msgid, **exc.note.params)


def add_reference(assessment, key: str, reference: str, note: str = "",
                  today: Optional[dt.date] = None) -> EvidenceItem:
    """Record a reference (a document number or where the document is kept) on ``key``."""
    _target(key)
    item = EvidenceItem(kind="reference", reference=reference.strip(), note=note.strip(),
                        added=(today or dt.date.today()).isoformat())
    try:
        check_item(item)
    except Refused as exc:
        raise _refusal(exc) from exc
    _with_item(assessment, key, item)
    return item


def attach(assessment, assessment_path: Optional[Path], key: str, source: Path,
           note: str = "", today: Optional[dt.date] = None) -> EvidenceItem:
    """Copy ``source`` into the assessment's evidence folder (named by its SHA-256; stored
    once however often it is attached) and record it on ``key``. The assessment must have a
    path (saved once); it is not saved here: the caller saves it as usual."""
    _target(key)
    if assessment_path is None:
        raise InputError.said(NO_FOLDER_YET)
    source = Path(source)
    try:
        check_name(source.name)
    except Refused as exc:
        raise _refusal(exc) from exc
    if len(assessment.evidence.get(key, ())) >= MAX_ITEMS:
        raise InputError.said(TOO_MANY_ITEMS, target=key, limit=MAX_ITEMS)
    digest, size = _store(source, folder_for(assessment_path))
    item = EvidenceItem(kind="file", name=source.name, size=size, sha256=digest,
                        note=note.strip(), added=(today or dt.date.today()).isoformat())
    try:
        check_item(item)
    except Refused as exc:
        raise _refusal(exc) from exc
    _with_item(assessment, key, item)
    return item


def _too_large(source: Path, size: int) -> InputError:
    return InputError.said(TOO_LARGE, file=str(source), size=f"{size / 2**20:.1f}",
                           limit=MAX_FILE_BYTES // 2**20)


def _open_source(source: Path) -> int:
    try:
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_BINARY", 0))
    except FileNotFoundError as exc:
        raise InputError.said(NOT_FOUND, file=str(source)) from exc
    except IsADirectoryError as exc:
        raise InputError.said(NOT_ORDINARY, file=str(source)) from exc
    except OSError as exc:
        raise InputError.said(CANNOT_READ, file=str(source), reason=exc.strerror) from exc
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise InputError.said(NOT_ORDINARY, file=str(source))
    if info.st_size > MAX_FILE_BYTES:
        os.close(fd)
        raise _too_large(source, info.st_size)
    return fd


def _store(source: Path, folder: Path) -> tuple[str, int]:
    """Copy ``source`` into ``folder`` as ``<sha256><ext>`` (a temporary file, fsynced, then
    one rename); (sha256, size). A stored copy that is already there and intact is kept."""
    fd = _open_source(source)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        os.close(fd)
        raise InputError.said(CANNOT_STORE, folder=str(folder), reason=exc.strerror) from exc
    digest = hashlib.sha256()
    size = 0
    try:
        out, tmp = tempfile.mkstemp(prefix=".evidence.", suffix=".tmp", dir=folder)
    except OSError as exc:
        os.close(fd)
        raise InputError.said(CANNOT_STORE, folder=str(folder), reason=exc.strerror) from exc
    try:
        try:
            with os.fdopen(fd, "rb") as reader, os.fdopen(out, "wb") as writer:
                while chunk := reader.read(_CHUNK):
                    size += len(chunk)
                    if size > MAX_FILE_BYTES:
                        raise _too_large(source, size)
                    digest.update(chunk)
                    writer.write(chunk)
                writer.flush()
                os.fsync(writer.fileno())
        except OSError as exc:
            raise InputError.said(CANNOT_STORE, folder=str(folder),
                                  reason=exc.strerror or str(exc)) from exc
        target = folder / (digest.hexdigest() + extension(source.name))
        state = status_of(target, digest.hexdigest(), size)
        if state != "present":
            try:
                if state == "altered":
                    _set_aside(target)
                if _READ_ONLY:         # a stored copy is not to be edited in place
                    os.chmod(tmp, 0o400)
                os.replace(tmp, target)
            except OSError as exc:
                raise InputError.said(CANNOT_STORE, folder=str(folder),
                                      reason=exc.strerror) from exc
            fsync_dir(folder)
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    return digest.hexdigest(), size


def _set_aside(path: Path) -> Path:
    """Rename a stored file whose content is no longer what was attached (someone edited it)
    to ``<name>.altered-<UTC time>`` beside it: replacing it would lose those edits."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    aside = path.with_name(f"{path.name}.altered-{stamp}")
    os.rename(path, aside)
    return aside


def remove(assessment, key: str, number: int) -> EvidenceItem:
    """Take item ``number`` (from 1) off ``key`` in the assessment; the stored file stays
    until :func:`sweep` runs after the assessment was saved without it."""
    items = list(assessment.evidence.get(key, ()))
    if not 1 <= number <= len(items):
        raise InputError.said(NO_SUCH_ITEM, target=key, number=number)
    item = items.pop(number - 1)
    evidence = dict(assessment.evidence)
    if items:
        evidence[key] = items
    else:
        evidence.pop(key, None)
    assessment.evidence = evidence
    return item


def carry(old_path: Path, new_path: Path, assessment) -> list[str]:
    """After the assessment was saved under another name (Save As): copy the files it uses from
    the old evidence folder into the new one, each checked against its SHA-256 (the old folder
    is left as it was). The stored names that could not be carried (missing or altered there,
    or refused): :func:`check` will show them."""
    old, new = folder_for(old_path), folder_for(new_path)
    if old == new or not old.is_dir():
        return sorted(used_names(assessment)) if old != new else []
    failed = []
    for items in assessment.evidence.values():
        for item in items:
            if item.kind != "file":
                continue
            source = old / item.stored_name()
            if status_of(new / item.stored_name(), item.sha256, item.size) == "present":
                continue
            if status_of(source, item.sha256, item.size) != "present":
                failed.append(item.stored_name())
                continue
            try:
                _store(source, new)
            except InputError:
                failed.append(item.stored_name())
    return sorted(set(failed))


def used_names(assessment) -> set[str]:
    return {item.stored_name() for items in assessment.evidence.values() for item in items
            if item.kind == "file"}


def sweep(saved_path: Path, saved, removed: Iterable[EvidenceItem]) -> list[Path]:
    """After ``saved`` was written to ``saved_path``: delete the stored files of ``removed``
    items that no item of ``saved`` uses any more and whose content is still what was
    attached (an altered file is left alone); the files deleted. Never raises."""
    keep = used_names(saved)
    folder = folder_for(saved_path)
    deleted = []
    for item in removed:
        if item.kind != "file" or item.stored_name() in keep:
            continue
        path = folder / item.stored_name()
        # only the very copy that was attached: an edited (altered) file is someone's work
        if status_of(path, item.sha256, item.size) != "present":
            continue
        try:
            os.unlink(path)
            deleted.append(path)
        except OSError:
            continue
    return deleted


# -- checking what is on disk ----------------------------------------------------------------
def status_of(path: Path, sha256: str, size: int) -> str:
    """``present``, ``missing`` or ``altered`` for the stored file ``path``."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "missing"
    if not stat.S_ISREG(info.st_mode) or info.st_size != size:
        return "altered"
    # a file hashed before and not touched since is not read again (reports and the wizard
    # check often; an evidence file may be 100 MB)
    seen = (str(path), info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    digest = _HASHED.get(seen)
    if digest is None:
        hasher = hashlib.sha256()
        try:
            with open(path, "rb") as fh:
                while chunk := fh.read(_CHUNK):
                    hasher.update(chunk)
        except OSError:
            return "missing"
        digest = hasher.hexdigest()
        if len(_HASHED) >= 4096:
            _HASHED.clear()
        _HASHED[seen] = digest
    return "present" if digest == sha256 else "altered"


def check(assessment, assessment_path: Optional[Path]) -> list[Checked]:
    """Every item of the assessment with its state now, in the order recorded (keys sorted).
    Without a path (never saved) files are ``missing``: they have no folder yet."""
    folder = folder_for(assessment_path) if assessment_path is not None else None
    result = []
    for key in sorted(assessment.evidence):
        for number, item in enumerate(assessment.evidence[key], 1):
            if item.kind != "file":
                result.append(Checked(key, number, item, "reference"))
                continue
            path = folder / item.stored_name() if folder is not None else None
            state = status_of(path, item.sha256, item.size) if path is not None else "missing"
            result.append(Checked(key, number, item, state, path))
    return result


def counts(checked: Iterable[Checked]) -> dict[str, int]:
    """How many items are in each state (every state of ``STATUSES``, zeros included)."""
    result = dict.fromkeys(STATUSES, 0)
    for entry in checked:
        result[entry.status] += 1
    return result


def size_text(size: int) -> str:
    """A file size for people: ``512 B``, ``12.3 KB``, ``4.0 MB`` (the same in both
    languages)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 2**20:.1f} MB"


def item_from(data: dict) -> EvidenceItem:
    """An item from a file's checked record (the schema's model dumped)."""
    return replace(EvidenceItem(), **data)
