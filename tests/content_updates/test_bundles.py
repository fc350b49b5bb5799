"""Building, signing, checking and installing content bundles; every refusal installs nothing
and leaves what was installed before as it was."""

from __future__ import annotations

import json
import shutil
import stat
import zipfile

import pytest

from tests.conftest import BUILTIN
from tests.content_updates.conftest import (NEW_VERSION, bump, members, private_key, signed,
                                            snapshot)
from wizard.core import bundle
from wizard.core.errors import BundleError

pytestmark = pytest.mark.slow  # builds, signs and attacks dozens of bundles


def test_round_trip_installs_verified_content_and_makes_it_the_content_in_use(store,
                                                                              good_bundle):
    result = store.install(good_bundle)
    row = result.row
    assert (row.content_id, row.version, row.verified, row.active) == (
        "us-ai-trade-rules", NEW_VERSION, True, True)
    assert result.activated and not result.already
    folder = store.folder_for("us-ai-trade-rules", NEW_VERSION)
    assert folder == store.content_root() / "us-ai-trade-rules" / NEW_VERSION
    assert store.active_folder() == folder and store.is_verified(folder)
    assert store.folder_for("us-ai-trade-rules", "2026.12.03") == store.builtin_folder()
    assert store.folder_for("us-ai-trade-rules", "1999.01.01") is None
    assert store.folder_for("..", "..") is None
    from wizard.core.content import load_content

    assert load_content(folder).content_version == NEW_VERSION
    # installing the same bundle again changes nothing
    before = snapshot(store.content_root())
    again = store.install(good_bundle)
    assert again.already and snapshot(store.content_root()) == before


def test_changelog_names_the_rule_whose_status_changed_in_both_languages(store, good_bundle):
    log = store.install(good_bundle).changelog
    assert log["from"]["version"] == "2026.12.03" and log["to"]["version"] == NEW_VERSION
    changes = [e for e in log["entries"] if e["id"] == "affiliates_rule"]
    assert [e["kind"] for e in changes] == ["rule_status"]
    assert "In force -> Suspended" in changes[0]["en"]
    assert "90 FR 47201" in changes[0]["ko"] and "In force" not in changes[0]["ko"]
    assert all(e["kind"] != "question_changed" for e in log["entries"])


def test_changelog_lists_questions_added_changed_and_retired(tmp_path, keypair):
    from wizard.core import changelog
    from wizard.core.content import load_content

    old = load_content(BUILTIN)
    folder = tmp_path / "content"
    shutil.copytree(BUILTIN, folder)
    bump(folder)
    text = (folder / "llm.yaml").read_text("utf-8")
    assert changelog.compare(load_content(folder), old) == []
    first = next(q for q, i in old.questions.items() if i.pack_id == "llm")
    english = old.questions[first].question.text.en
    assert english in text
    (folder / "llm.yaml").write_text(text.replace(english, english + " (revised)", 1), "utf-8")
    entries = changelog.compare(load_content(folder), old)
    assert [(e.kind, e.id) for e in entries] == [("question_changed", first)]
    assert "(revised)" in entries[0].text["en"] and entries[0].text["ko"] != entries[0].text["en"]


def test_installed_content_keeps_older_versions_side_by_side(store, good_bundle, tmp_path,
                                                             keypair):
    store.install(good_bundle)
    folder = tmp_path / "newer"
    shutil.copytree(BUILTIN, folder)
    bump(folder, "2099.02.01")
    newer = tmp_path / "newer.aitr-content"
    newer.write_bytes(bundle.build(folder, private_key(keypair), BUILTIN).data)
    store.install(newer)
    versions = [(r.version, r.active, r.builtin) for r in store.installed()]
    assert versions == [("2026.12.03", False, True), (NEW_VERSION, False, False),
                        ("2099.02.01", True, False)]
    store.use(NEW_VERSION)
    assert store.active_folder().name == NEW_VERSION
    store.use("builtin")
    assert store.active_folder() == store.builtin_folder()
    # an older bundle installed later does not take over from the newer one in use
    store.use("2099.02.01")
    assert store.install(good_bundle).already


def test_a_different_bundle_with_the_same_version_needs_force_and_keeps_the_old_aside(
        store, good_bundle, keypair):
    store.install(good_bundle)
    files = members(good_bundle)
    files["glossary.yaml"] = files["glossary.yaml"] + b"\n# re-issued\n"
    other = good_bundle.parent / "same-version.aitr-content"
    other.write_bytes(signed(files, keypair))
    before = snapshot(store.content_root())
    with pytest.raises(Exception) as refused:
        store.install(other)
    assert "--force" in str(refused.value)
    assert snapshot(store.content_root()) == before
    store.install(other, force=True)
    kept = [p.name for p in (store.content_root() / "us-ai-trade-rules").iterdir()]
    assert any(name.startswith(".replaced-") for name in kept)


# ------------------------------------------------------------------------------- refusals
def _bad(name: str, good_bundle, keypair, other_keypair, monkeypatch) -> bytes:
    files = members(good_bundle)
    if name == "tampered file":
        files_ = dict(files)
        manifest, signature = files_.pop("manifest.json"), files_.pop("signature")
        files_["rules.yaml"] = files_["rules.yaml"].replace(b"suspended", b"in_force", 1)
        return _zip({"manifest.json": manifest, "signature": signature, **files_})
    if name == "tampered manifest":
        manifest = json.loads(files["manifest.json"])
        manifest["review_by"] = "2099-12-31"
        files["manifest.json"] = json.dumps(manifest).encode()
        return _zip(files)
    if name == "unknown key":
        return signed(files, other_keypair)
    if name == "wrong key":   # claims the trusted key, signed with another
        from wizard.core import signing

        return signed(files, other_keypair, key_id=signing.fingerprint(
            private_key(keypair).public_key()))
    if name == "unsigned":
        return signed(files, keypair, sign=False)
    if name.startswith("path "):
        member = {"path traversal": "../evil.yaml", "path absolute": "/etc/evil.yaml",
                  "path backslash": "sub\\evil.yaml", "path drive": "C:evil.yaml",
                  "path folder": "sub/evil.yaml"}[name]
        return signed(files, keypair, raw=[(zipfile.ZipInfo(member), b"x: 1\n")])
    if name == "symlink":
        info = zipfile.ZipInfo("link.yaml")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        return signed(files, keypair, raw=[(info, b"/etc/passwd")])
    if name == "zip bomb":
        return signed({**files, "bomb.yaml": b"\0" * (2 * 1024 * 1024)}, keypair)
    if name == "oversized member":
        return signed({**files, "big.yaml": b"\0" * (bundle.MAX_MEMBER_BYTES + 1)}, keypair)
    if name == "oversized total":
        monkeypatch.setattr(bundle, "MAX_TOTAL_BYTES", 300_000)
        return signed(files, keypair)
    if name == "oversized archive":
        monkeypatch.setattr(bundle, "MAX_ARCHIVE_BYTES", 50_000)
        return signed(files, keypair)
    if name == "too many members":
        monkeypatch.setattr(bundle, "MAX_MEMBERS", 5)
        return signed(files, keypair)
    if name == "duplicate member":
        return signed(files, keypair, raw=[(zipfile.ZipInfo("glossary.yaml"), b"terms: []\n")])
    if name == "extra member":
        return signed(files, keypair, extra={"notes.yaml": b"x: 1\n"})
    if name == "missing member":
        data = signed(files, keypair)
        return _zip({k: v for k, v in members_of(data).items() if k != "glossary.yaml"})
    if name == "damaged zip":
        return good_bundle.read_bytes()[: len(good_bundle.read_bytes()) // 2]
    if name == "newer program":
        manifest = json.loads(files["manifest.json"])
        manifest["min_program"] = "99.0"
        files["manifest.json"] = json.dumps(manifest).encode()
        return signed(files, keypair)
    if name == "invalid packs":
        files["llm.yaml"] = files["llm.yaml"].replace(b"severity: high", b"severity: dire", 1)
        return signed(files, keypair)
    if name == "content differs":
        files["content.yaml"] = files["content.yaml"].replace(NEW_VERSION.encode(),
                                                              b"2099.09.09")
        return signed(files, keypair)
    raise AssertionError(name)


def _zip(files: dict[str, bytes]) -> bytes:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def members_of(data: bytes) -> dict[str, bytes]:
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@pytest.fixture(scope="session")
def earlier_bundle(tmp_path_factory, keypair):
    """Content installed before each refusal, which must stay as it was."""
    folder = tmp_path_factory.mktemp("earlier") / "content"
    shutil.copytree(BUILTIN, folder)
    bump(folder, "2098.01.01")
    path = folder.parent / "earlier.aitr-content"
    path.write_bytes(bundle.build(folder, private_key(keypair), BUILTIN).data)
    return path


REFUSALS = {
    "tampered file": bundle.MISMATCH, "tampered manifest": bundle.BAD_SIGNATURE,
    "unknown key": bundle.UNKNOWN_KEY, "wrong key": bundle.BAD_SIGNATURE,
    "unsigned": bundle.UNSIGNED, "path traversal": bundle.UNSAFE_NAME,
    "path absolute": bundle.UNSAFE_NAME, "path backslash": bundle.UNSAFE_NAME,
    "path drive": bundle.UNSAFE_NAME, "path folder": bundle.UNSAFE_NAME,
    "symlink": bundle.LINK, "zip bomb": bundle.BOMB, "oversized member": bundle.TOO_BIG,
    "oversized total": bundle.BOMB, "oversized archive": bundle.TOO_BIG,
    "too many members": bundle.TOO_MANY, "duplicate member": bundle.DUPLICATE,
    "extra member": bundle.MISMATCH, "missing member": bundle.MISMATCH,
    "damaged zip": bundle.DAMAGED, "newer program": bundle.TOO_NEW,
    "invalid packs": bundle.INVALID_CONTENT, "content differs": bundle.NOT_CONTENT,
}


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_a_bad_bundle_is_refused_with_its_reason_and_installs_nothing(
        name, store, good_bundle, earlier_bundle, keypair, other_keypair, tmp_path,
        monkeypatch):
    import warnings

    store.install(earlier_bundle)
    before = snapshot(store.content_root())
    bad = tmp_path / f"{name.replace(' ', '-')}.aitr-content"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")       # zipfile warns about the duplicate it writes
        bad.write_bytes(_bad(name, good_bundle, keypair, other_keypair, monkeypatch))
    with pytest.raises(BundleError) as refused:
        store.install(bad)
    assert refused.value.code == REFUSALS[name]
    message = str(refused.value)
    assert str(bad) in message and "Nothing was installed." in message
    assert "Nothing was installed" not in refused.value.render("ko")   # said in Korean too
    assert snapshot(store.content_root()) == before
    assert store.active_folder().name == "2098.01.01"


def test_an_unsigned_bundle_installs_only_when_allowed_and_is_then_unverified(
        store, good_bundle, keypair, tmp_path):
    bad = tmp_path / "unsigned.aitr-content"
    bad.write_bytes(signed(members(good_bundle), keypair, sign=False))
    with pytest.raises(BundleError):
        store.install(bad)
    result = store.install(bad, allow_unsigned=True)
    assert not result.row.verified and result.row.key_id is None
    assert not store.is_verified(result.row.folder)
    from wizard.core.content import load_content

    assert load_content(result.row.folder).unverified


def test_an_installed_file_edited_afterwards_is_no_longer_verified(store, good_bundle):
    folder = store.install(good_bundle).row.folder
    assert store.is_verified(folder)
    with open(folder / "glossary.yaml", "ab") as fh:
        fh.write(b"\n# edited\n")
    assert not store.is_verified(folder)


def test_the_content_in_use_falls_back_to_the_built_in_content_when_it_is_gone(store,
                                                                              good_bundle):
    folder = store.install(good_bundle).row.folder
    assert store.active_folder() == folder
    (folder / "profile.yaml").write_text("id: [broken\n", "utf-8")
    assert store.active_folder() == store.builtin_folder()
    shutil.rmtree(folder)
    assert store.active_folder() == store.builtin_folder()
    assert [r.builtin for r in store.installed() if r.active] == [True]


def test_build_refuses_content_with_problems_and_content_without_a_name(tmp_path, keypair):
    from wizard.core.errors import ContentError, InputError

    folder = tmp_path / "content"
    shutil.copytree(BUILTIN, folder)
    bump(folder)
    text = (folder / "llm.yaml").read_text("utf-8")
    (folder / "llm.yaml").write_text(text.replace("severity: high", "severity: dire", 1),
                                     "utf-8")
    with pytest.raises(ContentError) as refused:
        bundle.build(folder, private_key(keypair), BUILTIN)
    assert refused.value.problems
    (folder / "llm.yaml").write_text(text, "utf-8")
    (folder / "content.yaml").unlink()
    with pytest.raises(InputError):
        bundle.build(folder, private_key(keypair), BUILTIN)


def test_trusting_and_untrusting_keys(store, other_keypair, tmp_path):
    from wizard.core import signing

    key = tmp_path / "other.pub"
    key.write_bytes(other_keypair.public_pem)
    key_id = store.trust(key)
    assert key_id == other_keypair.key_id and key_id in store.known_keys()
    store.untrust(signing.spaced(key_id))
    assert key_id not in store.known_keys()
    with pytest.raises(Exception):
        store.untrust(key_id)
    not_a_key = tmp_path / "not-a-key.pub"
    not_a_key.write_text("hello")
    with pytest.raises(Exception) as refused:
        store.trust(not_a_key)
    assert "not an Ed25519" in str(refused.value)


def test_the_program_ships_the_project_publisher_key():
    from wizard import paths
    from wizard.core import signing

    keys = signing.keys_in(paths.publisher_keys_dir())
    assert len(keys) == 1
    assert not list(paths.publisher_keys_dir().glob("*.pem")), "never a private key"


def test_what_an_install_cut_off_by_a_crash_left_is_swept_by_the_next_install(store,
                                                                               good_bundle):
    """A kill during unpacking leaves a .installing-* folder; the next install removes it once
    it is an hour old (a younger one may be another install at work) and keeps the rest."""
    import os
    import time

    parent = store.content_root() / "us-ai-trade-rules"
    parent.mkdir(parents=True, exist_ok=True)
    old, young = parent / ".installing-old", parent / ".installing-young"
    for folder in (old, young):
        folder.mkdir()
        (folder / "profile.yaml").write_text("half written", "utf-8")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    store.install(good_bundle)
    assert not old.exists() and young.exists()
    assert store.active_folder() == parent / NEW_VERSION
