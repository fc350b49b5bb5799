"""The content installed on this computer: bundles side by side by id and version in the
user's data folder, the built-in content as the floor, the choice of content in use, and
the publisher keys the user trusts.

Layout under ``paths.data_dir()``::

    content/<id>/<version>/     one installed bundle: its *.yaml, manifest.json,
                                changelog.json, installed.json (the record: verified or not,
                                key id, when, the bundle's SHA-256), and .unverified when it
                                was installed without a checked signature
    content/active.json         the content in use: {"id", "version"} or {"builtin": true}
    keys/<key id>.pub           publisher keys the user chose to trust

A bundle is unpacked into a temporary folder beside its place, checked there and renamed
into place: a refused or interrupted install leaves nothing behind and never touches what
was installed before. The content in use falls back to the built-in content when the folder
chosen has gone or no longer loads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from wizard import __version__, paths
from wizard.core import bundle
from wizard.core.content import MANIFEST_FILE, UNVERIFIED_MARK, load_content
from wizard.core.errors import BundleError, InputError, WizardError
from wizard.core.storage import atomic_write
from wizard.i18n import N_

BUILTIN = "builtin"
RECORD = "installed.json"
ACTIVE = "active.json"

ALREADY_DIFFERENT = N_("{path}: content {content} {version} is already installed from another "
                       "bundle. Give the new bundle another version, or install with --force "
                       "to replace the installed one (it is kept aside, not deleted).")
NOT_INSTALLED = N_("content version {version} is not installed. Installed: {versions}. Install "
                   "it with 'readiness-wizard content install FILE'.")
AMBIGUOUS = N_("version {version} is installed for several contents ({ids}); say which with "
               "--id.")
CANNOT_INSTALL = N_("{folder}: the content cannot be installed here ({reason}). Nothing was "
                    "installed.")
NOT_TRUSTED = N_("no trusted key has the fingerprint {key}. Trusted keys: {keys}.")
SHIPPED_KEY = N_("key {key} is shipped with the program and cannot be untrusted.")
NONE = N_("none")


@dataclass(frozen=True)
class Installed:
    """One version of the content on this computer."""

    content_id: str
    version: str
    as_of: str
    publisher: str
    verified: bool
    active: bool
    folder: Path
    builtin: bool = False
    key_id: Optional[str] = None
    installed_on: str = ""


# ------------------------------------------------------------------------------- places
def content_root() -> Path:
    return paths.data_dir() / "content"


def keys_dir() -> Path:
    """The publisher keys the user trusts (``content trust``)."""
    return paths.data_dir() / "keys"


def builtin_folder() -> Path:
    return paths.questionnaires_dir()


def _record(folder: Path) -> Optional[dict]:
    try:
        record = json.loads((folder / RECORD).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def _manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / bundle.MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


# ------------------------------------------------------------------------------ queries
def _builtin_identity() -> tuple[str, str]:
    content = load_content(builtin_folder())
    return content.content_id, content.content_version


def folder_for(content_id: str, version: str) -> Optional[Path]:
    """The folder of content ``content_id`` at ``version`` on this computer (the built-in
    content included), or None when it is not installed."""
    if not (bundle.SAFE_NAME.match(content_id or "") and bundle.SAFE_NAME.match(version or "")):
        return None
    folder = content_root() / content_id / version
    if (folder / RECORD).is_file() and (folder / MANIFEST_FILE).is_file():
        return folder
    try:
        if _builtin_identity() == (content_id, version):
            return builtin_folder()
    except WizardError:
        pass
    return None


def _chosen() -> Optional[Path]:
    """The installed folder chosen with ``content use`` (None: the built-in content)."""
    try:
        choice = json.loads((content_root() / ACTIVE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(choice, dict) or choice.get(BUILTIN):
        return None
    folder = folder_for(str(choice.get("id", "")), str(choice.get("version", "")))
    return folder if folder is not None and not _same(folder, builtin_folder()) else None


def active_folder() -> Path:
    """The content the wizard and the command line load when given no folder: the version
    chosen with ``content use``, or the built-in content when none was chosen or the chosen
    folder has gone or no longer loads."""
    folder = _chosen()
    if folder is None:
        return builtin_folder()
    try:
        load_content(folder)
    except WizardError:
        return builtin_folder()
    return folder


def _files_match(folder: Path, manifest: dict) -> bool:
    for entry in manifest.get("files") or ():
        try:
            data = (folder / entry["name"]).read_bytes()
        except (OSError, KeyError, TypeError):
            return False
        if len(data) != entry.get("size") or hashlib.sha256(data).hexdigest() != entry.get(
                "sha256"):
            return False
    return bool(manifest.get("files"))


def is_verified(folder: Path) -> bool:
    """True for the built-in content and for installed content whose bundle's signature was
    checked and whose files are still the ones signed; False for anything else (unsigned
    bundles, edited installs, folders of packs given by hand)."""
    folder = Path(folder)
    if _same(folder, builtin_folder()):
        return True
    record = _record(folder)
    if not record or not record.get("verified") or (folder / UNVERIFIED_MARK).exists():
        return False
    return _files_match(folder, _manifest(folder))


def installed() -> list[Installed]:
    """Every version of the content on this computer, the built-in content first, then the
    installed ones by id and version (newest last)."""
    active = active_folder()
    builtin = load_content(builtin_folder())
    found = [Installed(builtin.content_id, builtin.content_version, builtin.as_of.isoformat(),
                       builtin.manifest.publisher if builtin.manifest else "", True,
                       _same(active, builtin_folder()), builtin_folder(), builtin=True)]
    root = content_root()
    rows = []
    for folder in sorted(root.glob("*/*")) if root.is_dir() else ():
        record = _record(folder)
        if record is None or not folder.is_dir() or folder.name.startswith("."):
            continue
        manifest = _manifest(folder)
        rows.append(Installed(
            str(manifest.get("content_id", folder.parent.name)),
            str(manifest.get("version", folder.name)), str(manifest.get("as_of", "")),
            str(manifest.get("publisher", "")), is_verified(folder), _same(active, folder),
            folder, key_id=record.get("key_id"), installed_on=str(record.get("installed", ""))))
    rows.sort(key=lambda row: (row.content_id, bundle.version_tuple(row.version)))
    return found + rows


# ------------------------------------------------------------------------------- keys
def trusted_keys() -> dict:
    """Key id -> public key: the user's trusted keys."""
    from wizard.core import signing  # cryptography: not at the wizard's start-up

    return signing.keys_in(keys_dir())


def shipped_keys() -> dict:
    from wizard.core import signing  # cryptography: not at the wizard's start-up

    return signing.keys_in(paths.publisher_keys_dir())


def known_keys() -> dict:
    """The keys a bundle may be signed with: shipped with the program, then trusted."""
    return {**trusted_keys(), **shipped_keys()}


def trust(keyfile: Path) -> str:
    """Trust the public key in ``keyfile`` (a copy goes into the keys folder); its id."""
    from wizard.core import signing  # cryptography: not at the wizard's start-up

    key = signing.load_public(Path(keyfile))
    key_id = signing.fingerprint(key)
    keys_dir().mkdir(parents=True, exist_ok=True)
    atomic_write(keys_dir() / f"{key_id}{signing.PUBLIC_SUFFIX}", signing.public_pem(key),
                 private=False)
    return key_id


def untrust(key_id: str) -> None:
    from wizard.core import signing  # cryptography: not at the wizard's start-up

    wanted = key_id.replace(" ", "").lower()
    if wanted in shipped_keys():
        raise InputError.said(SHIPPED_KEY, key=signing.spaced(wanted))
    for path in sorted(keys_dir().glob("*" + signing.PUBLIC_SUFFIX)) \
            if keys_dir().is_dir() else ():
        try:
            key = signing.public_key_from(path.read_bytes())
        except (OSError, ValueError, TypeError):
            continue
        if signing.fingerprint(key) == wanted:
            path.unlink()
            return
    raise InputError.said(NOT_TRUSTED, key=signing.spaced(wanted),
                          keys=", ".join(signing.spaced(k) for k in trusted_keys()) or NONE)


# ----------------------------------------------------------------------------- changes
def _write_choice(choice: dict) -> None:
    content_root().mkdir(parents=True, exist_ok=True)
    atomic_write(content_root() / ACTIVE, json.dumps(choice, indent=1).encode(), private=False)


def use(version: str, content_id: Optional[str] = None) -> Installed:
    """Make ``version`` (or ``builtin``) the content in use; the row now active."""
    rows = installed()
    if version == BUILTIN:
        _write_choice({BUILTIN: True})
        return next(row for row in installed() if row.builtin)
    matches = [row for row in rows if row.version == version
               and (content_id is None or row.content_id == content_id)]
    if len({row.content_id for row in matches}) > 1:
        raise InputError.said(AMBIGUOUS, version=version,
                              ids=", ".join(sorted({row.content_id for row in matches})))
    if not matches:
        raise InputError.said(NOT_INSTALLED, version=version,
                              versions=", ".join(row.version for row in rows))
    row = next((r for r in matches if not r.builtin), matches[0])
    _write_choice({BUILTIN: True} if row.builtin else {"id": row.content_id,
                                                       "version": row.version})
    return next(r for r in installed() if r.folder == row.folder)


@dataclass(frozen=True)
class InstallResult:
    row: Installed
    already: bool           # the same bundle was installed before: nothing changed
    activated: bool         # it became the content in use
    changelog: dict


UNFINISHED_AGE = 3600  # seconds: an install still unpacking after an hour was cut off


def _sweep_unfinished(parent: Path) -> None:
    """Remove what an install cut off by a crash or a kill left behind (``.installing-*``
    folders more than an hour old; a younger one may be another install still running). Only
    never-finished copies go: installed versions are renamed into place whole."""
    now = time.time()
    for leftover in parent.glob(".installing-*"):
        try:
            if leftover.is_dir() and now - leftover.stat().st_mtime > UNFINISHED_AGE:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            pass


def install(path: Path, *, allow_unsigned: bool = False, force: bool = False,
            activate: bool = True) -> InstallResult:
    """Check the bundle at ``path`` and install it beside the other versions; with
    ``activate``, it becomes the content in use when it is newer than the content in use of
    the same id (or the built-in content is in use). Raises BundleError/InputError having
    installed nothing."""
    opened = bundle.open_bundle(Path(path), known_keys(), allow_unsigned=allow_unsigned,
                                program_version=__version__)
    parent = content_root() / opened.content_id
    target = parent / opened.version
    if (target / RECORD).is_file():
        if (target / bundle.MANIFEST).read_bytes() == opened.manifest_bytes \
                and bool(_record(target).get("verified")) == opened.verified:
            row = next(r for r in installed() if r.folder == target)
            return InstallResult(row, True, False, opened.changelog)
        if not force:
            raise InputError.said(ALREADY_DIFFERENT, path=str(path), content=opened.content_id,
                                  version=opened.version)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _sweep_unfinished(parent)
        temp = Path(tempfile.mkdtemp(prefix=".installing-", dir=parent))
    except OSError as exc:
        raise InputError.said(CANNOT_INSTALL, folder=str(parent),
                              reason=exc.strerror or exc.__class__.__name__) from exc
    try:
        bundle.unpack(opened, temp)
        record = {"verified": opened.verified, "key_id": opened.key_id,
                  "installed": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                  "bundle": Path(path).name, "program": __version__}
        (temp / RECORD).write_text(json.dumps(record, indent=1), "utf-8")
        if not opened.verified:
            (temp / UNVERIFIED_MARK).write_text("installed without a checked signature\n")
        if target.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            os.rename(target, parent / f".replaced-{opened.version}-{stamp}")
        os.rename(temp, target)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise InputError.said(CANNOT_INSTALL, folder=str(parent),
                              reason=exc.strerror or exc.__class__.__name__) from exc
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    activated = activate and _newer_than_active(opened)
    if activated:
        _write_choice({"id": opened.content_id, "version": opened.version})
    row = next(r for r in installed() if r.folder == target)
    return InstallResult(row, False, activated, opened.changelog)


def _newer_than_active(opened) -> bool:
    current = next((row for row in installed() if row.active), None)
    if current is None or current.content_id != opened.content_id:
        return current is None or current.builtin
    return bundle.version_tuple(opened.version) > bundle.version_tuple(current.version)


__all__ = ["BundleError", "Installed", "InstallResult", "active_folder", "folder_for",
           "install", "installed", "is_verified", "known_keys", "trust", "untrust", "use"]
