"""Content-update test set-up: each test has its own data folder (installed content, trusted
keys) and no shipped publisher key; a publisher key made here and trusted; the built-in
content with a raised version and one rule status changed (affiliates rule suspended again),
built once per session into a signed bundle."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import BUILTIN

NEW_VERSION = "2099.01.01"


@pytest.fixture(autouse=True, scope="session")
def _widgets_application(qapp):
    """A QApplication before any report code runs (the chart and PDF code would otherwise
    create a bare QGuiApplication, and the dialog tests need widgets)."""
    return qapp


def bump(folder: Path, version: str = NEW_VERSION, min_program: str = "0.1") -> None:
    text = (folder / "content.yaml").read_text("utf-8")
    text = text.replace('version: "2026.12.03"', f'version: "{version}"')
    text = text.replace('min_program: "0.1"', f'min_program: "{min_program}"')
    (folder / "content.yaml").write_text(text, "utf-8")


def suspend_again(folder: Path) -> None:
    """The affiliates rule suspended for another year instead of reimposed."""
    path = folder / "rules.yaml"
    text = path.read_text("utf-8")
    old = "      - date: 2026-11-10\n        event: reimposed\n        confirm: true\n"
    assert old in text
    path.write_text(text.replace(old, "      - date: 2026-11-10\n        event: suspended\n"
                                      "        until: 2027-11-09\n"), "utf-8")


@pytest.fixture(scope="session")
def keypair():
    from wizard.core import signing

    return signing.generate()


@pytest.fixture(scope="session")
def other_keypair():
    from wizard.core import signing

    return signing.generate()


def private_key(pair):
    from cryptography.hazmat.primitives import serialization

    return serialization.load_pem_private_key(pair.private_pem, password=None)


@pytest.fixture(scope="session")
def new_content(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("new-content") / "content"
    shutil.copytree(BUILTIN, folder)
    bump(folder)
    suspend_again(folder)
    return folder


@pytest.fixture(scope="session")
def good_bundle(tmp_path_factory, new_content, keypair) -> Path:
    from wizard.core import bundle

    built = bundle.build(new_content, private_key(keypair), BUILTIN)
    path = tmp_path_factory.mktemp("bundles") / "new.aitr-content"
    path.write_bytes(built.data)
    return path


@pytest.fixture
def store(tmp_path, monkeypatch, keypair):
    """An empty data folder, no shipped keys, ``keypair`` trusted; the store module."""
    from wizard import content_store, paths

    monkeypatch.setenv("READINESS_DATA_DIR", str(tmp_path / "data"))
    shipped = tmp_path / "shipped-keys"
    shipped.mkdir()
    monkeypatch.setattr(paths, "publisher_keys_dir", lambda: shipped)
    key = tmp_path / "publisher.pub"
    key.write_bytes(keypair.public_pem)
    content_store.trust(key)
    return content_store


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def signed(files: dict[str, bytes], pair, *, manifest: dict | None = None,
           extra: dict | None = None, sign: bool = True, key_id: str | None = None,
           raw: list | None = None) -> bytes:
    """A bundle of ``files`` with a manifest that lists them (``manifest`` overrides fields),
    signed with ``pair`` (``key_id`` claims another key); ``extra`` members are added after
    the manifest was made (not listed); ``raw``: (ZipInfo, data) written as they are."""
    from wizard.core import signing

    plain = json.loads(files.pop("manifest.json")) if "manifest.json" in files else {}
    files.pop("signature", None)
    plain.update({"files": [{"name": n, "sha256": hashlib.sha256(d).hexdigest(),
                             "size": len(d)} for n, d in sorted(files.items())]})
    plain.update(manifest or {})
    manifest_bytes = json.dumps(plain).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest_bytes)
        if sign:
            key = private_key(pair)
            archive.writestr("signature", json.dumps({
                "algorithm": "ed25519",
                "key_id": key_id or signing.fingerprint(key.public_key()),
                "signature": base64.b64encode(key.sign(manifest_bytes)).decode()}))
        for name, data in {**files, **(extra or {})}.items():
            archive.writestr(name, data)
        for info, data in raw or ():
            archive.writestr(info, data)
    return out.getvalue()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (what a refused install must not change)."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}
