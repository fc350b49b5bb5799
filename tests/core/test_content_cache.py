"""The checked-content cache: same content as parsing the YAML, never trusted blindly."""

from __future__ import annotations

import json

import pytest

from wizard.core import content as content_module
from wizard import fingerprint
from wizard.core.content import load_content
from wizard.core.errors import ContentError


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("READINESS_CACHE_DIR", str(folder))
    content_module._load_cached.cache_clear()
    yield folder
    content_module._load_cached.cache_clear()


def _reload(folder):
    content_module._load_cached.cache_clear()
    return load_content(folder)


def test_second_load_comes_from_the_cache_and_is_equal(mini_dir, cache, monkeypatch):
    first = load_content(mini_dir)
    assert len(list(cache.glob("content-*.json"))) == 1
    monkeypatch.setattr(content_module, "_build", lambda folder: pytest.fail("parsed YAML again"))
    second = _reload(mini_dir)
    assert second.packs == first.packs and second.lines == first.lines
    assert [f.finding.id for f in second.findings] == [f.finding.id for f in first.findings]


def test_an_edited_pack_misses_the_cache(mini_dir, cache):
    load_content(mini_dir)
    path = mini_dir / "chips.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Do you do KYC?", "KYC done?"),
                    encoding="utf-8")
    content = _reload(mini_dir)
    assert content.questions["chips.kyc"].question.text.en == "KYC done?"


def test_a_broken_pack_is_reported_even_if_an_old_cache_exists(mini_dir, cache):
    load_content(mini_dir)
    (mini_dir / "chips.yaml").write_text("id: [", encoding="utf-8")
    with pytest.raises(ContentError):
        _reload(mini_dir)


def _entry(cache):
    path = next(cache.glob("content-*.json"))
    header, _, body = path.read_bytes().partition(b"\n")
    return path, json.loads(header), json.loads(body)


def _write(path, header, body, *, digest=True):
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    if digest:
        header = {**header, "digest": fingerprint.digest(data)}
    path.write_bytes(json.dumps(header).encode() + b"\n" + data)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "edited", "unknown_action",
                                    "wrong_type", "wrong_key"])
def test_a_damaged_cache_is_ignored_and_rebuilt(mini_dir, cache, damage, monkeypatch):
    original = load_content(mini_dir)
    path, header, body = _entry(cache)
    if damage == "garbage":
        path.write_text("{not json", encoding="utf-8")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:-200])
    elif damage == "edited":        # a changed byte: the digest no longer matches
        body["packs"][0]["data"]["version"] = "9.9.9"
        _write(path, header, body, digest=False)
    elif damage == "unknown_action":  # whole (digest matches) but wrong: the checks refuse it
        text = json.dumps(body).replace('"start_screening"]', '"no_such_action"]')
        _write(path, header, json.loads(text))
    elif damage == "wrong_type":    # whole but not content at all
        body["packs"][0]["data"]["sections"] = "none"
        _write(path, header, body)
    else:
        _write(path, {**header, "key": "0" * 64}, body)
    rebuilt = []
    real_build = content_module._build
    monkeypatch.setattr(content_module, "_build",
                        lambda folder: rebuilt.append(folder) or real_build(folder))
    again = _reload(mini_dir)
    assert again.packs == original.packs and rebuilt == [mini_dir.resolve()]


def test_a_change_to_the_code_that_checks_packs_misses_the_cache(mini_dir, cache, monkeypatch,
                                                                 tmp_path):
    """The key is made from the code that produced an entry, not a hand-bumped number: a
    schema whose normalisation changed must not be served the old entry for unchanged YAML."""
    from wizard.core import content_cache

    producer = tmp_path / "producer_probe.py"
    producer.write_text("NORMALISE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(content_cache, "PRODUCERS",
                        content_cache.PRODUCERS + ("producer_probe",))
    fingerprint.code_digest.cache_clear()
    load_content(mini_dir)
    assert len(list(cache.glob("content-*.json"))) == 1

    producer.write_text("NORMALISE = 2\n", encoding="utf-8")  # the same YAML, new code
    fingerprint.code_digest.cache_clear()
    built = []
    real_build = content_module._build
    monkeypatch.setattr(content_module, "_build",
                        lambda folder: built.append(folder) or real_build(folder))
    _reload(mini_dir)
    assert built, "served the entry the old code made"
    fingerprint.code_digest.cache_clear()


def test_code_that_cannot_be_read_means_no_cache_not_a_stale_one(mini_dir, cache, monkeypatch):
    from wizard.core import content_cache

    monkeypatch.setattr(content_cache, "PRODUCERS", ("no_such_module_anywhere",))
    fingerprint.code_digest.cache_clear()
    load_content(mini_dir)
    assert not list(cache.glob("content-*.json"))
    fingerprint.code_digest.cache_clear()
