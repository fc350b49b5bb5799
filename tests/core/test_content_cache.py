"""The checked-content cache: same content as parsing the YAML, never trusted blindly."""

from __future__ import annotations

import json

import pytest

from wizard.core import content as content_module
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


@pytest.mark.parametrize("damage", ["garbage", "unknown_action", "wrong_key"])
def test_a_damaged_cache_is_ignored_and_rebuilt(mini_dir, cache, damage):
    original = load_content(mini_dir)
    entry_file = next(cache.glob("content-*.json"))
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    if damage == "garbage":
        entry_file.write_text("{not json", encoding="utf-8")
    elif damage == "unknown_action":
        for item in entry["packs"]:
            item["json"] = item["json"].replace('"start_screening"]', '"no_such_action"]')
        entry_file.write_text(json.dumps(entry), encoding="utf-8")
    else:
        entry["key"] = "0" * 64
        entry_file.write_text(json.dumps(entry), encoding="utf-8")
    again = _reload(mini_dir)
    assert again.packs == original.packs
