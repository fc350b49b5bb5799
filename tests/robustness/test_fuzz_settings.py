"""Fuzzing the other two files the program reads at start-up: the settings file
(``wizard.settings.load``: defaults for whatever is bad, never an exception) and the autosave
recovery files (``wizard.recovery.RecoveryStore``: unusable files are skipped, never an
exception). A crash here would stop the program before the user sees their work.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard import settings as prefs

pytestmark = pytest.mark.slow  # fuzzing: hundreds of generated inputs

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(),
    st.sampled_from([10**400, math.nan, math.inf, "", "\x00", "\ud800", "ko", "en", "both",
                     "KO", "x" * 5000, "/홈/상담사/고객 자료/a.aitr.json"]),
    st.text(max_size=20),
)
JUNK = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6)
VALID = {"language": "en", "recent_files": ["/a/한빛.aitr.json", "/b/c.json"],
         "last_dir": "/a", "geometry": "AdnQywADAAAAAA==", "show_steps": False}
KEYS = list(VALID) + ["extra"]


@st.composite
def settings_dicts(draw):
    data = dict(VALID)
    for _ in range(draw(st.integers(0, 4))):
        key = draw(st.sampled_from(KEYS))
        if draw(st.booleans()):
            data[key] = draw(JUNK)
        else:
            data.pop(key, None)
    if draw(st.booleans()):
        data["recent_files"] = draw(st.lists(st.one_of(st.text(max_size=30), SCALARS),
                                             max_size=12))
    return data


def _dump(data) -> bytes:
    return json.dumps(data, ensure_ascii=True, allow_nan=True).encode("utf-8")


VALID_BYTES = _dump(VALID)
FILES = st.one_of(
    settings_dicts().map(_dump), settings_dicts().map(_dump),
    JUNK.map(_dump),
    st.binary(max_size=200),
    st.integers(0, len(VALID_BYTES)).map(lambda n: VALID_BYTES[:n]),
    st.sampled_from([b"[" * 100000, b'{"language": 1' + b"0" * 5000 + b"}",
                     b"\xef\xbb\xbf" + VALID_BYTES]),
)
FOLDER = Path(tempfile.mkdtemp(prefix="readiness-fuzz-settings-"))


def _well_typed(loaded: prefs.Settings) -> None:
    assert loaded.language in (None, "ko", "en", "both")
    assert isinstance(loaded.recent_files, list) and len(loaded.recent_files) <= prefs.MAX_RECENT
    assert all(isinstance(p, str) and p and "\x00" not in p for p in loaded.recent_files)
    assert len(set(loaded.recent_files)) == len(loaded.recent_files)
    assert isinstance(loaded.last_dir, str) and isinstance(loaded.geometry, str)
    assert isinstance(loaded.show_steps, bool)


@settings(max_examples=1000, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(FILES)
def test_any_settings_file_gives_well_typed_settings_and_keeps_what_is_right(monkeypatch, data):
    monkeypatch.delenv(prefs.ENV_VAR, raising=False)
    monkeypatch.setattr(os, "fsync", lambda fd: None)   # durability is not the point here
    (FOLDER / prefs.FILE_NAME).write_bytes(data)
    loaded = prefs.load(FOLDER)                      # never raises
    _well_typed(loaded)
    try:
        raw = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return
    if isinstance(raw, dict) and raw.get("language") in ("ko", "en", "both"):
        assert loaded.language == raw["language"]    # a bad value elsewhere costs nothing here
    if isinstance(raw, dict) and isinstance(raw.get("show_steps"), bool):
        assert loaded.show_steps is raw["show_steps"]
    if prefs.save(loaded, FOLDER):                   # what loads saves and loads the same
        assert prefs.load(FOLDER) == loaded


def test_missing_oversized_and_unreadable_settings_give_defaults(monkeypatch, tmp_path):
    monkeypatch.delenv(prefs.ENV_VAR, raising=False)
    assert prefs.load(tmp_path / "없는 폴더") == prefs.Settings()
    with (tmp_path / prefs.FILE_NAME).open("wb") as fh:
        fh.truncate(prefs.MAX_BYTES + 1)
    assert prefs.load(tmp_path) == prefs.Settings()
    (tmp_path / prefs.FILE_NAME).unlink()
    (tmp_path / prefs.FILE_NAME).mkdir()              # a folder where the file should be
    assert prefs.load(tmp_path) == prefs.Settings()


def test_settings_with_an_unpaired_surrogate_neither_keep_it_nor_crash_on_save(monkeypatch,
                                                                              tmp_path):
    """Found by the fuzzer above (fixed in wizard/settings.py): JSON allows "\\ud800"; the
    value was kept and ``save`` then raised UnicodeEncodeError although it promises to return
    False instead of raising."""
    monkeypatch.delenv(prefs.ENV_VAR, raising=False)
    data = dict(VALID, recent_files=["/a/\ud800.json", "/b/c.json"])
    (tmp_path / prefs.FILE_NAME).write_bytes(_dump(data))
    loaded = prefs.load(tmp_path)
    assert loaded.recent_files == ["/b/c.json"]
    assert prefs.save(loaded, tmp_path) is True
    loaded.recent_files.append("/c/\udfff.json")
    assert prefs.save(loaded, tmp_path) is False      # refused, not raised


# ------------------------------------------------------------------------ recovery files

def _recovery_store():
    from wizard.recovery import RecoveryStore

    return RecoveryStore


RECOVERY_VALID = {"format": "ai-trade-readiness-recovery", "version": 1, "session": "abc123",
                  "saved_at": "2026-11-24T10:31:02", "source": "/a/한빛.aitr.json",
                  "assessment": {"format": "ai-trade-readiness-assessment",
                                 "schema_version": 1, "answers": {"chips.sells": "yes"}}}


@st.composite
def recovery_dicts(draw):
    data = json.loads(json.dumps(RECOVERY_VALID))
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from(list(RECOVERY_VALID) + ["extra"]))
        if draw(st.booleans()):
            data[key] = draw(JUNK)
        else:
            data.pop(key, None)
    if draw(st.booleans()) and isinstance(data.get("assessment"), dict):
        data["assessment"][draw(st.sampled_from(["answers", "notes", "meta"]))] = draw(JUNK)
    return data


RECOVERY_BYTES = _dump(RECOVERY_VALID)
RECOVERY_FILES = st.one_of(
    recovery_dicts().map(_dump), recovery_dicts().map(_dump),
    JUNK.map(_dump),
    st.binary(max_size=200),
    st.integers(0, len(RECOVERY_BYTES)).map(lambda n: RECOVERY_BYTES[:n]),
)


@settings(max_examples=1000, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(RECOVERY_FILES)
def test_any_recovery_file_is_read_or_skipped_never_raises(data):
    store = _recovery_store()(FOLDER / "recovery")
    store.folder.mkdir(exist_ok=True)
    path = store.folder / "recovery-abc123.json"
    path.write_bytes(data)
    entries = store.entries()                        # never raises
    assert len(entries) <= 1
    for entry in entries:
        assert entry.session == "abc123" and isinstance(entry.assessment, bytes)
        assert isinstance(json.loads(entry.assessment.decode("utf-8")), dict)
        assert isinstance(entry.answer_count, int)


def test_recovery_file_with_an_unpaired_surrogate_is_skipped_not_a_crash(tmp_path):
    """Found by the fuzzer above (fixed in wizard/recovery.py, RecoveryStore.read): JSON
    allows "\\ud800"; encoding the entry raised UnicodeEncodeError outside the try, so
    ``entries()`` raised at start-up and no recovery could be offered."""
    store = _recovery_store()(tmp_path)
    data = dict(RECOVERY_VALID, assessment={"notes": {"chips.sells": "\ud800"}})
    (tmp_path / "recovery-abc123.json").write_bytes(_dump(data))
    good = dict(RECOVERY_VALID, session="good1")
    (tmp_path / "recovery-good1.json").write_bytes(_dump(good))
    assert [e.session for e in store.entries()] == ["good1"]


def teardown_module(module):
    import shutil

    shutil.rmtree(FOLDER, ignore_errors=True)
