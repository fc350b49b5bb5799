"""Content bundles (``*.aitr-content``): one signed file that carries a version of the content
to a computer without a network. Building one (publisher) and opening one (user).

A bundle is a zip archive, flat (no folders), holding:

* the content folder's files (``*.yaml``: the packs, ``glossary.yaml``, ``rules.yaml``,
  ``frameworks.yaml``, ``content.yaml``);
* ``changelog.json``: what changed against the content the publisher compared with
  (``wizard.core.changelog``), in Korean and English;
* ``manifest.json``: the content's id, version, title, as-of and review-by dates, publisher,
  the oldest program version that reads it, and the SHA-256 and size of every other member;
* ``signature``: JSON ``{"algorithm": "ed25519", "key_id", "signature"}``, an Ed25519
  signature over the exact bytes of ``manifest.json`` (``wizard.core.signing``). A bundle
  without it is unsigned.

:func:`open_bundle` refuses, with a :class:`BundleError` naming the reason (``code``), anything
that is not exactly such a bundle; nothing is written before every check passed, and the
content is checked like any folder of packs (:func:`unpack`) before a store installs it.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from wizard.core import changelog
from wizard.core.content import MANIFEST_FILE, load_content, validate_folder
from wizard.core.errors import BundleError, ContentError, InputError
from wizard.i18n import N_, NP_

EXTENSION = ".aitr-content"
FORMAT = 1
MANIFEST = "manifest.json"
CHANGELOG = "changelog.json"
SIGNATURE = "signature"
ALGORITHM = "ed25519"

# Limits: about twenty times today's built-in content (10 files, 0.6 MB, 0.19 MB zipped;
# the largest pack 0.16 MB; YAML compresses about 3.5 to 1).
MAX_ARCHIVE_BYTES = 6 * 1024 * 1024
MAX_MEMBERS = 64
MAX_MEMBER_BYTES = 4 * 1024 * 1024
MAX_TOTAL_BYTES = 12 * 1024 * 1024
MAX_RATIO = 40                       # uncompressed / compressed, for members over RATIO_FLOOR
RATIO_FLOOR = 64 * 1024
MAX_JSON_BYTES = 256 * 1024          # manifest.json, changelog.json, signature
SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$")
CONTENT_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}\.yaml$")

# reason codes (BundleError.code), matched by tests and tools instead of wording
NOT_A_FILE, TOO_BIG, DAMAGED, TOO_MANY, UNSAFE_NAME, LINK, DUPLICATE = (
    "B001", "B002", "B003", "B004", "B005", "B006", "B007")
BOMB, NO_MANIFEST, BAD_MANIFEST, MISMATCH, UNSIGNED, UNKNOWN_KEY, BAD_SIGNATURE = (
    "B008", "B009", "B010", "B011", "B012", "B013", "B014")
TOO_NEW, INVALID_CONTENT, NOT_CONTENT = "B015", "B016", "B017"

CANNOT_READ = N_("{path}: the bundle cannot be read ({reason}). Nothing was installed.")
ARCHIVE_TOO_BIG = N_("{path}: the bundle is {size} MB; a content bundle is at most {limit} MB. "
                     "Nothing was installed.")
DAMAGED_ZIP = N_("{path}: the bundle is damaged or not a content bundle ({reason}). Ask the "
                 "publisher for the file again. Nothing was installed.")
TOO_MANY_MEMBERS = N_("{path}: the bundle holds {count} files; at most {limit}. Nothing was "
                      "installed.")
UNSAFE = N_("{path}: the bundle holds a file named '{name}', which would be written outside "
            "its folder or is not a plain file name. Nothing was installed.")
LINKED = N_("{path}: the bundle holds '{name}', which is a link, not a file. Nothing was "
            "installed.")
DUPLICATED = N_("{path}: the bundle holds '{name}' twice. Nothing was installed.")
MEMBER_TOO_BIG = N_("{path}: '{name}' in the bundle unpacks to {size} MB; at most {limit} MB. "
                    "Nothing was installed.")
TOTAL_TOO_BIG = N_("{path}: the bundle unpacks to more than {limit} MB. Nothing was installed.")
COMPRESSED_TOO_FAR = N_("{path}: '{name}' in the bundle is compressed {ratio} to 1, which only "
                        "a zip bomb is. Nothing was installed.")
MISSING_MANIFEST = N_("{path}: the bundle has no manifest.json; it is not a content bundle. "
                      "Nothing was installed.")
MANIFEST_UNREADABLE = N_("{path}: the bundle's manifest.json is not valid ({reason}). Nothing "
                         "was installed.")
NOT_IN_MANIFEST = N_("{path}: '{name}' is in the bundle but not in its manifest. Nothing was "
                     "installed.")
NOT_IN_BUNDLE = N_("{path}: the manifest lists '{name}', which the bundle does not hold. "
                   "Nothing was installed.")
HASH_DIFFERS = N_("{path}: '{name}' in the bundle is not the file the manifest describes (its "
                  "size or SHA-256 differs): the bundle was changed after it was built. "
                  "Nothing was installed.")
NOT_SIGNED = N_("{path}: the bundle is not signed. Install it only if you trust where it came "
                "from, with --allow-unsigned; every report made with it will say 'unverified "
                "content'. Nothing was installed.")
KEY_UNKNOWN = N_("{path}: the bundle is signed with key {key}, which is neither a publisher key "
                 "shipped with the program nor one you trust. If you trust this publisher, run "
                 "'readiness-wizard content trust KEYFILE' with their public key first. Nothing "
                 "was installed.")
SIGNATURE_BAD = N_("{path}: the bundle's signature does not match its manifest: it was changed "
                   "after it was signed, or signed with another key. Nothing was installed.")
NEEDS_NEWER = N_("{path}: this content needs program version {needed} or later; this is "
                 "{version}. Update the program first. Nothing was installed.")
CONTENT_INVALID = NP_("{path}: the bundle's content has {count} problem; the publisher can see "
                      "it with 'readiness-wizard validate'. Nothing was installed.",
                      "{path}: the bundle's content has {count} problems; the publisher can see "
                      "them with 'readiness-wizard validate'. Nothing was installed.")
CONTENT_DIFFERS = N_("{path}: the manifest says content {said}, but content.yaml in the bundle "
                     "says {found}. Nothing was installed.")
# building
NOT_A_CONTENT_FOLDER = N_("{folder}: no content.yaml: a bundle carries named content. Add "
                          "content.yaml (docs/pack-format.md, 'What the content is').")
BUILD_PROBLEMS = NP_("{folder}: {count} problem in the content; nothing was built. Run "
                     "'readiness-wizard validate {folder}' to see it.",
                     "{folder}: {count} problems in the content; nothing was built. Run "
                     "'readiness-wizard validate {folder}' for the list.")
ODD_FILE = N_("{folder}: '{name}' cannot go into a bundle: only *.yaml files with plain names "
              "do. Move it out of the folder.")
SAME_VERSION = N_("{folder}: the content's version {version} is the version of the previous "
                  "content it is compared with; raise the version in content.yaml.")


@dataclass(frozen=True)
class Built:
    """A bundle just built: its bytes, its manifest and its changelog."""

    data: bytes
    manifest: dict
    changelog: dict


@dataclass
class Opened:
    """A bundle that passed every check of the archive, its manifest and its signature."""

    path: Path
    manifest: dict
    manifest_bytes: bytes
    files: dict[str, bytes]          # content files by name (the *.yaml and changelog.json)
    key_id: Optional[str]            # None: unsigned
    verified: bool
    changelog: dict = field(default_factory=dict)

    @property
    def content_id(self) -> str:
        return self.manifest["content_id"]

    @property
    def version(self) -> str:
        return self.manifest["version"]


def _refuse(code: str, msgid: str, **params) -> BundleError:
    return BundleError.said(msgid, {"code": code}, **params)


def version_tuple(text: str) -> tuple[int, ...]:
    """``0.1.0`` -> (0, 1, 0); parts that are not numbers count as 0."""
    parts = []
    for part in str(text).split("."):
        digits = re.match(r"\d*", part).group()
        parts.append(int(digits) if digits else 0)
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


# ------------------------------------------------------------------------------- building
def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _content_files(folder: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name == "__pycache__":
            continue
        if not path.is_file() or path.is_symlink() or not CONTENT_NAME.match(path.name):
            raise InputError.said(ODD_FILE, folder=str(folder), name=path.name)
        files[path.name] = path.read_bytes()
    return files


def build(folder: Path, private_key, previous: Path, *,
          built: Optional[dt.date] = None) -> Built:
    """A bundle of the content in ``folder``, signed with ``private_key`` (an
    Ed25519 private key), its changelog against the content in ``previous``. Refuses content
    with any problem."""
    from wizard.core import signing  # cryptography only to sign or check: not at start-up

    folder = Path(folder)
    if not (folder / MANIFEST_FILE).is_file():
        raise InputError.said(NOT_A_CONTENT_FOLDER, folder=str(folder))
    problems = validate_folder(folder)
    if problems:
        raise ContentError.said(BUILD_PROBLEMS, {"problems": problems}, folder=str(folder),
                                count=len(problems))
    files = _content_files(folder)
    content = load_content(folder)
    old = load_content(Path(previous))
    if (old.content_id, old.content_version) == (content.content_id, content.content_version) \
            and Path(previous).resolve() != folder.resolve():
        raise InputError.said(SAME_VERSION, folder=str(folder), version=content.content_version)
    log = changelog.document(content, old, changelog.compare(content, old))
    files[CHANGELOG] = json.dumps(log, ensure_ascii=False, indent=1, sort_keys=True).encode()
    manifest = {
        "format": FORMAT, "content_id": content.content_id,
        "version": content.content_version, "title": content.manifest.title.as_dict(),
        "as_of": content.as_of.isoformat(), "review_by": content.review_by.isoformat(),
        "publisher": content.manifest.publisher, "min_program": content.manifest.min_program,
        "built": (built or dt.date.today()).isoformat(),
        "files": [{"name": name, "sha256": _sha256(data), "size": len(data)}
                  for name, data in sorted(files.items())],
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1,
                                sort_keys=True).encode()
    signature = {"algorithm": ALGORITHM,
                 "key_id": signing.fingerprint(private_key.public_key()),
                 "signature": base64.b64encode(signing.sign(private_key,
                                                            manifest_bytes)).decode()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(SIGNATURE, json.dumps(signature, indent=1).encode())
        for name, data in sorted(files.items()):
            archive.writestr(name, data)
    return Built(out.getvalue(), manifest, log)


# -------------------------------------------------------------------------------- opening
def _check_names(path: Path, infos: list) -> None:
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        if not SAFE_NAME.match(name) or ".." in name:
            raise _refuse(UNSAFE_NAME, UNSAFE, path=str(path), name=name)
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode) or (stat.S_IFMT(mode) and not stat.S_ISREG(mode)):
            raise _refuse(LINK, LINKED, path=str(path), name=name)
        if name.lower() in seen:
            raise _refuse(DUPLICATE, DUPLICATED, path=str(path), name=name)
        seen.add(name.lower())


def _check_sizes(path: Path, infos: list) -> None:
    total = 0
    for info in infos:
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED,
                                                              zipfile.ZIP_DEFLATED):
            raise _refuse(DAMAGED, DAMAGED_ZIP, path=str(path),
                          reason=f"{info.filename}: encrypted or unknown compression")
        if info.file_size > MAX_MEMBER_BYTES:
            raise _refuse(TOO_BIG, MEMBER_TOO_BIG, path=str(path), name=info.filename,
                          size=f"{info.file_size / 2**20:.1f}", limit=MAX_MEMBER_BYTES // 2**20)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _refuse(BOMB, TOTAL_TOO_BIG, path=str(path), limit=MAX_TOTAL_BYTES // 2**20)
        if info.file_size > RATIO_FLOOR \
                and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(BOMB, COMPRESSED_TOO_FAR, path=str(path), name=info.filename,
                          ratio=info.file_size // max(info.compress_size, 1))


def _read_member(path: Path, archive: zipfile.ZipFile, info) -> bytes:
    """The member's bytes, never more than it declared (a lying header is damage)."""
    try:
        with archive.open(info) as fh:
            data = fh.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise _refuse(DAMAGED, DAMAGED_ZIP, path=str(path),
                      reason=f"{info.filename}: {exc}") from exc
    if len(data) != info.file_size:
        raise _refuse(DAMAGED, DAMAGED_ZIP, path=str(path),
                      reason=f"{info.filename}: size differs from its header")
    return data


def _manifest(path: Path, data: bytes) -> dict:
    def bad(reason: str) -> BundleError:
        return _refuse(BAD_MANIFEST, MANIFEST_UNREADABLE, path=str(path), reason=reason)

    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise bad("not JSON") from exc
    if not isinstance(manifest, dict):
        raise bad("not an object")
    for key in ("content_id", "version", "as_of", "review_by", "publisher", "min_program"):
        if not isinstance(manifest.get(key), str) or not manifest[key]:
            raise bad(f"'{key}' missing")
    if manifest.get("format") != FORMAT:
        raise bad(f"format {manifest.get('format')!r}, expected {FORMAT}")
    if not SAFE_NAME.match(manifest["content_id"]) or not SAFE_NAME.match(manifest["version"]):
        raise bad("content id or version is not a plain name")
    files = manifest.get("files")
    if not isinstance(files, list) or not files:
        raise bad("'files' missing")
    for entry in files:
        if not (isinstance(entry, dict) and isinstance(entry.get("name"), str)
                and isinstance(entry.get("sha256"), str) and isinstance(entry.get("size"), int)):
            raise bad("an entry of 'files' is not {name, sha256, size}")
    return manifest


def _signature(path: Path, data: Optional[bytes], manifest_bytes: bytes,
               keys: dict) -> tuple[Optional[str], bool]:
    from wizard.core import signing  # cryptography only to sign or check: not at start-up

    if data is None:
        return None, False
    try:
        plain = json.loads(data.decode("utf-8"))
        key_id, signature = plain["key_id"], base64.b64decode(plain["signature"], validate=True)
        if plain.get("algorithm") != ALGORITHM or not isinstance(key_id, str):
            raise ValueError(plain.get("algorithm"))
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise _refuse(BAD_SIGNATURE, SIGNATURE_BAD, path=str(path)) from exc
    key = keys.get(key_id)
    if key is None:
        raise _refuse(UNKNOWN_KEY, KEY_UNKNOWN, path=str(path), key=signing.spaced(key_id))
    if not signing.verifies(key, signature, manifest_bytes):
        raise _refuse(BAD_SIGNATURE, SIGNATURE_BAD, path=str(path))
    return key_id, True


def _archive_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(NOT_A_FILE, CANNOT_READ, path=str(path), reason="not a file")
        if info.st_size > MAX_ARCHIVE_BYTES:
            raise _refuse(TOO_BIG, ARCHIVE_TOO_BIG, path=str(path),
                          size=f"{info.st_size / 2**20:.1f}", limit=MAX_ARCHIVE_BYTES // 2**20)
        with open(path, "rb") as fh:
            data = fh.read(MAX_ARCHIVE_BYTES + 1)
    except OSError as exc:
        raise _refuse(NOT_A_FILE, CANNOT_READ, path=str(path),
                      reason=exc.strerror or exc.__class__.__name__) from exc
    if len(data) > MAX_ARCHIVE_BYTES:
        raise _refuse(TOO_BIG, ARCHIVE_TOO_BIG, path=str(path), size=f"{len(data) / 2**20:.1f}",
                      limit=MAX_ARCHIVE_BYTES // 2**20)
    return data


def open_bundle(path: Path, keys: dict, *, allow_unsigned: bool = False,
                program_version: str = "0") -> Opened:
    """The bundle at ``path`` checked: archive, names, sizes, signature against ``keys``
    (key id -> Ed25519 public key), manifest against the files, program version. Reads
    into memory only."""
    path = Path(path)
    data = _archive_bytes(path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise _refuse(DAMAGED, DAMAGED_ZIP, path=str(path), reason=str(exc) or "zip") from exc
    with archive:
        if len(infos) > MAX_MEMBERS:
            raise _refuse(TOO_MANY, TOO_MANY_MEMBERS, path=str(path), count=len(infos),
                          limit=MAX_MEMBERS)
        _check_names(path, infos)
        _check_sizes(path, infos)
        by_name = {info.filename: info for info in infos}
        if MANIFEST not in by_name:
            raise _refuse(NO_MANIFEST, MISSING_MANIFEST, path=str(path))
        for small in (MANIFEST, SIGNATURE, CHANGELOG):
            if small in by_name and by_name[small].file_size > MAX_JSON_BYTES:
                raise _refuse(TOO_BIG, MEMBER_TOO_BIG, path=str(path), name=small,
                              size=f"{by_name[small].file_size / 2**20:.1f}",
                              limit=f"{MAX_JSON_BYTES / 2**20:.2f}")
        manifest_bytes = _read_member(path, archive, by_name[MANIFEST])
        signature = (_read_member(path, archive, by_name[SIGNATURE])
                     if SIGNATURE in by_name else None)
        key_id, verified = _signature(path, signature, manifest_bytes, keys)
        if not verified and not allow_unsigned:
            raise _refuse(UNSIGNED, NOT_SIGNED, path=str(path))
        manifest = _manifest(path, manifest_bytes)
        files = _files(path, archive, by_name, manifest)
    if version_tuple(manifest["min_program"]) > version_tuple(program_version):
        raise _refuse(TOO_NEW, NEEDS_NEWER, path=str(path), needed=manifest["min_program"],
                      version=program_version)
    try:
        log = json.loads(files[CHANGELOG].decode("utf-8")) if CHANGELOG in files else {}
    except (UnicodeDecodeError, ValueError, RecursionError):
        log = {}
    return Opened(path, manifest, manifest_bytes, files, key_id, verified,
                  log if isinstance(log, dict) else {})


def _files(path: Path, archive, by_name: dict, manifest: dict) -> dict[str, bytes]:
    listed = {}
    for entry in manifest["files"]:
        name = entry["name"]
        if name in listed or name in (MANIFEST, SIGNATURE) or not SAFE_NAME.match(name) \
                or not (CONTENT_NAME.match(name) or name == CHANGELOG):
            raise _refuse(UNSAFE_NAME, UNSAFE, path=str(path), name=name)
        listed[name] = entry
    for name in by_name:
        if name not in listed and name not in (MANIFEST, SIGNATURE):
            raise _refuse(MISMATCH, NOT_IN_MANIFEST, path=str(path), name=name)
    files = {}
    for name, entry in listed.items():
        if name not in by_name:
            raise _refuse(MISMATCH, NOT_IN_BUNDLE, path=str(path), name=name)
        if by_name[name].file_size != entry["size"]:
            raise _refuse(MISMATCH, HASH_DIFFERS, path=str(path), name=name)
        data = _read_member(path, archive, by_name[name])
        if _sha256(data) != entry["sha256"].lower():
            raise _refuse(MISMATCH, HASH_DIFFERS, path=str(path), name=name)
        files[name] = data
    if MANIFEST_FILE not in files:
        raise _refuse(NOT_CONTENT, NOT_IN_BUNDLE, path=str(path), name=MANIFEST_FILE)
    return files


def unpack(opened: Opened, folder: Path) -> None:
    """Write the bundle's files into ``folder`` (new and empty, made by the caller) and check
    them as a folder of packs: BundleError when they do not validate or do not say the
    content the manifest says. The caller removes ``folder`` on error."""
    for name, data in opened.files.items():
        with open(Path(folder) / name, "xb") as fh:
            fh.write(data)
    (Path(folder) / MANIFEST).write_bytes(opened.manifest_bytes)
    try:      # checks every pack (or finds the same bytes already checked in the cache)
        content = load_content(Path(folder))
    except ContentError as exc:
        problems = exc.problems or [str(exc)]
        raise BundleError.said(CONTENT_INVALID, {"code": INVALID_CONTENT, "problems": problems},
                               path=str(opened.path), count=len(problems)) from exc
    found = f"{content.content_id} {content.content_version}"
    said = f"{opened.content_id} {opened.version}"
    if found != said:
        raise _refuse(NOT_CONTENT, CONTENT_DIFFERS, path=str(opened.path), said=said,
                      found=found)
