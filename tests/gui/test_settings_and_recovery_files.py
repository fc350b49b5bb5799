"""The settings and recovery files on their own (pure Python): garbage in, defaults out."""

from __future__ import annotations

import json

import pytest

from wizard import settings
from wizard.recovery import RecoveryStore
from wizard.settings import Settings

GARBAGE = [
    b"",
    b"{not json",
    b"\xff\xfe\x00garbage",
    b"[]",
    b"null",
    b'"text"',
    b'{"language": 7, "recent_files": "x", "last_dir": [], "geometry": {}, "show_steps": "no"}',
    b'{"language": "fr", "recent_files": [1, null, {"a": 1}, "ok.json"]}',
    b"[" * 100000,
    json.dumps({"recent_files": ["a\x00b", "x" * 10000]}).encode(),
]


@pytest.mark.parametrize("data", GARBAGE)
def test_settings_garbage_gives_defaults(tmp_path, data):
    (tmp_path / settings.FILE_NAME).write_bytes(data)
    loaded = settings.load(tmp_path)
    assert isinstance(loaded, Settings)
    assert loaded.language in (None, "ko", "en", "both")
    assert all(isinstance(p, str) for p in loaded.recent_files)


def test_settings_keep_what_is_good(tmp_path):
    (tmp_path / settings.FILE_NAME).write_text(json.dumps(
        {"language": "both", "recent_files": [3, "a.json", "a.json", "b.json"],
         "geometry": 5, "unknown": True}), encoding="utf-8")
    loaded = settings.load(tmp_path)
    assert loaded.language == "both"
    assert loaded.recent_files == ["a.json", "b.json"]
    assert loaded.geometry == ""


def test_settings_size_limit_and_round_trip(tmp_path):
    (tmp_path / settings.FILE_NAME).write_bytes(b" " * (settings.MAX_BYTES + 1))
    assert settings.load(tmp_path) == Settings()
    prefs = Settings(language="ko")
    for number in range(20):
        prefs.add_recent(f"/tmp/{number}.json")
    assert len(prefs.recent_files) == settings.MAX_RECENT
    assert prefs.recent_files[0] == "/tmp/19.json"
    assert settings.save(prefs, tmp_path)
    assert settings.load(tmp_path) == prefs


def test_settings_folder_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(settings.ENV_VAR, str(tmp_path / "env"))
    assert settings.config_dir("/somewhere/else") == tmp_path / "env"
    monkeypatch.delenv(settings.ENV_VAR)
    assert str(settings.config_dir("/somewhere/else")) == "/somewhere/else"


def test_unwritable_settings_do_not_raise(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert settings.save(Settings(), blocker / "sub") is False


def test_settings_garbage_does_not_stop_the_wizard(make_window, config_dir):
    (config_dir / settings.FILE_NAME).write_bytes(b'{"language": ["ko"], "recent_files": 1}')
    window = make_window()
    assert window.session is not None
    window.recent_menu.aboutToShow.emit()


def test_recovery_store_round_trip_and_garbage(tmp_path):
    store = RecoveryStore(tmp_path)
    assert store.write("abc123", '{"format": "x", "answers": {"a.b": "yes"}}', "/tmp/f.json")
    (entry,) = store.entries()
    assert entry.session == "abc123" and entry.source == "/tmp/f.json"
    assert entry.answer_count == 1
    (tmp_path / "recovery-bad.json").write_bytes(b"\x00\x01 nonsense")
    (tmp_path / "recovery-other.json").write_text(json.dumps(
        {"format": "ai-trade-readiness-recovery", "version": 1, "session": "mismatch",
         "assessment": {}}))
    assert [e.session for e in store.entries()] == ["abc123"]
    store.remove("abc123")
    assert store.entries() == []
    with pytest.raises(ValueError):
        store.path_for("../escape")
    assert store.write("s1", "not json") is False
