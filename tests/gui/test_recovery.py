"""Autosave and recovery after a crash: a real crash in a child process, then a new window with
the same settings folder."""

from __future__ import annotations

import pytest

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tests.conftest import MINI, ROOT
from tests.gui.conftest import A100, answer_all
from wizard.recovery import RecoveryStore

pytestmark = pytest.mark.slow  # crashes and restores wizard sessions

SB = QMessageBox.StandardButton

CRASH = textwrap.dedent("""
    import json, os, sys
    from wizard.ui import app as ui_app
    qapp = ui_app.application()
    window = ui_app.create_window(sys.argv[1])
    window.show()
    assert window.startup(None, sys.argv[2])
    for qid, value in json.loads(sys.argv[3]).items():
        assert window.session.set_answer(qid, value) is None
    window.session.set_note("chips.sells", "crashed mid-session")
    window.autosave.flush()
    os._exit(1)      # a crash: no close, no clean-up
""")


def _crash(config_dir, answers) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", CRASH, str(config_dir), str(MINI),
                             json.dumps(answers)], env=env, capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert result.returncode == 1, result.stderr


def test_recovery_is_offered_with_all_answers_after_a_crash(make_window, dialogs, config_dir):
    _crash(config_dir, A100)
    assert len(RecoveryStore(config_dir).entries()) == 1
    dialogs.question_answers.append(SB.Yes)
    window = make_window()
    assert dialogs.kinds() == ["question"] and "8 answers" in dialogs.texts()[0]
    assert window.session.assessment.answers == {
        k: v for k, v in A100.items()}
    assert window.session.note("chips.sells") == "crashed mid-session"
    assert window.isWindowModified()
    # the old file is gone; this session autosaves under its own name
    sessions = {e.session for e in RecoveryStore(config_dir).entries()}
    assert sessions == {window.autosave.session_id}


def test_declining_recovery_deletes_it(make_window, dialogs, config_dir):
    _crash(config_dir, {"profile.screening": "yes"})
    dialogs.question_answers.append(SB.No)
    window = make_window()
    assert window.session.assessment.answers == {}
    assert RecoveryStore(config_dir).entries() == []


def test_a_running_window_is_not_offered_to_another(make_window, dialogs, config_dir):
    first = make_window()
    answer_all(first, {"profile.screening": "yes"})
    assert first.autosave.flush()
    second = make_window()
    assert "question" not in dialogs.kinds()
    assert second.session.assessment.answers == {}


def test_clean_close_and_save_remove_the_recovery_file(make_window, dialogs, config_dir,
                                                       tmp_path, qtbot):
    window = make_window()
    answer_all(window, {"profile.screening": "yes"})
    qtbot.waitUntil(lambda: len(RecoveryStore(config_dir).entries()) == 1, timeout=3000)
    dialogs.save_paths.append(str(tmp_path / "a.aitr.json"))
    window.save_action.trigger()
    assert RecoveryStore(config_dir).entries() == []
    answer_all(window, {"profile.screening": "no"})
    assert window.autosave.flush()
    dialogs.question_answers.append(SB.Discard)
    window.close()
    assert RecoveryStore(config_dir).entries() == []
    assert not list(config_dir.glob("*.lock"))


# ----------------------------------------------------------------- round 2 (issue 17)

def _date_sessions(config_dir, *stamps):
    """Give the recovery files distinct times, oldest first in ``stamps`` order of creation."""
    entries = sorted(RecoveryStore(config_dir).entries(), key=lambda e: e.path.stat().st_mtime)
    for entry, stamp in zip(entries, stamps):
        record = json.loads(entry.path.read_text(encoding="utf-8"))
        record["saved_at"] = stamp
        entry.path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return [e.session for e in entries]


def _crash_with(config_dir, answers, packs=MINI) -> None:
    """A crash in a settings folder of its own (so that it is not offered the work of earlier
    crashes), whose recovery file then joins ``config_dir``."""
    import shutil
    import tempfile

    own = Path(tempfile.mkdtemp(prefix="crash-", dir=config_dir.parent))
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", CRASH, str(own), str(packs),
                             json.dumps(answers)], env=env, capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert result.returncode == 1, result.stderr
    for path in own.glob("recovery-*"):
        shutil.move(str(path), str(config_dir / path.name))
    shutil.rmtree(own)


def test_several_crashed_sessions_are_each_offered_and_only_the_chosen_ones_deleted(
        make_window, dialogs, config_dir):
    _crash_with(config_dir, {"profile.screening": "yes"})
    _crash_with(config_dir, {"profile.screening": "no", "profile.training": "never"})
    older, newer = _date_sessions(config_dir, "2026-11-24T09:00:00", "2026-11-24T10:00:00")
    dialogs.question_answers.extend([SB.Cancel, SB.Yes])     # keep the newest, recover the older
    window = make_window()
    questions = dialogs.texts("question")
    assert len(questions) == 2
    assert "1 of 2" in questions[0] and "10:00:00" in questions[0] and "2 answers" in questions[0]
    assert "2 of 2" in questions[1] and "09:00:00" in questions[1]
    assert window.session.assessment.answers == {"profile.screening": "yes"}
    left = {e.session for e in RecoveryStore(config_dir).entries()}
    assert newer in left and older not in left              # kept, restored
    dialogs.question_answers.append(SB.Discard)
    window.close()
    # the kept one is offered again at the next start, alone
    dialogs.calls.clear()
    dialogs.question_answers.append(SB.Yes)
    again = make_window()
    assert len(dialogs.texts("question")) == 1 and "10:00:00" in dialogs.texts("question")[0]
    assert again.session.assessment.answers == {"profile.screening": "no",
                                                "profile.training": "never"}


def test_recovering_one_keeps_the_others_and_says_so(make_window, dialogs, config_dir):
    _crash_with(config_dir, {"profile.screening": "yes"})
    _crash_with(config_dir, {"profile.screening": "no"})
    older, newer = _date_sessions(config_dir, "2026-11-24T09:00:00", "2026-11-24T10:00:00")
    dialogs.question_answers.append(SB.Yes)
    window = make_window()
    assert len(dialogs.texts("question")) == 1
    assert window.session.assessment.answers == {"profile.screening": "no"}
    assert any("1 more sessions with unsaved work are kept" in text
               for text in dialogs.texts("information"))
    left = {e.session for e in RecoveryStore(config_dir).entries()}
    assert older in left and newer not in left


def test_declining_each_deletes_each(make_window, dialogs, config_dir):
    _crash_with(config_dir, {"profile.screening": "yes"})
    _crash_with(config_dir, {"profile.screening": "no"})
    _date_sessions(config_dir, "2026-11-24T09:00:00", "2026-11-24T10:00:00")
    dialogs.question_answers.extend([SB.No, SB.No])
    window = make_window()
    assert len(dialogs.texts("question")) == 2
    assert window.session.assessment.answers == {}
    assert RecoveryStore(config_dir).entries() == []


def test_work_that_no_longer_fits_is_restored_in_part_and_kept_whole(make_window, dialogs,
                                                                      config_dir, mini_dir):
    answers = {"profile.screening": "no", "profile.training": "sometimes"}
    _crash_with(config_dir, answers, packs=mini_dir)
    # the questionnaire changes under the same version: the option "sometimes" is removed
    profile = mini_dir / "profile.yaml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text("\n".join(line for line in text.splitlines()
                                 if "id: sometimes" not in line) + "\n", encoding="utf-8")
    dialogs.question_answers.append(SB.Yes)
    window = make_window(packs=mini_dir)
    assert window.session.assessment.answers == {"profile.screening": "no"}
    assert [d.key for d in window.session.dropped] == ["profile.training"]
    kept = list((config_dir / "kept").glob("*.aitr.json"))
    assert len(kept) == 1
    assert json.loads(kept[0].read_text(encoding="utf-8"))["answers"] == answers
    told = "\n".join(dialogs.texts("information"))
    assert str(kept[0]) in told and "profile.training" in told
    assert "could not be recovered" not in "\n".join(dialogs.texts())
    # not offered again, and this window autosaves what it restored
    assert {e.session for e in RecoveryStore(config_dir).entries()} == {
        window.autosave.session_id}


def test_work_that_cannot_be_read_at_all_is_moved_aside_not_deleted(make_window, dialogs,
                                                                     config_dir):
    _crash_with(config_dir, {"profile.screening": "yes"})
    entry = RecoveryStore(config_dir).entries()[0]
    record = json.loads(entry.path.read_text(encoding="utf-8"))
    record["assessment"]["schema_version"] = 99               # a newer program wrote it
    entry.path.write_text(json.dumps(record), encoding="utf-8")
    dialogs.question_answers.append(SB.Yes)
    window = make_window()
    assert window.session.assessment.answers == {}
    kept = list((config_dir / "kept").glob("*.aitr.json"))
    assert len(kept) == 1
    saved = json.loads(kept[0].read_text(encoding="utf-8"))
    assert saved["answers"] == {"profile.screening": "yes"} and saved["schema_version"] == 99
    warning = "\n".join(dialogs.texts("warning"))
    assert "newer version" in warning and str(kept[0]) in warning
    assert RecoveryStore(config_dir).entries() == []


def test_a_crashed_sessions_lock_from_another_host_does_not_hide_its_work(make_window, dialogs,
                                                                           config_dir):
    """A lock file written on a computer with another name (a renamed laptop, a synced
    settings folder) used to hide the work for ever. Only a living process's OS lock counts."""
    _crash_with(config_dir, {"profile.screening": "yes"})
    session = RecoveryStore(config_dir).entries()[0].session
    lock = RecoveryStore(config_dir).lock_path(session)
    lock.write_text("4242\nai-trade-readiness\nold-laptop-name\n", encoding="utf-8")
    dialogs.question_answers.append(SB.Yes)
    window = make_window()
    assert dialogs.kinds().count("question") == 1
    assert window.session.assessment.answers == {"profile.screening": "yes"}


ALIVE = textwrap.dedent("""
    import json, sys, time
    from wizard.ui import app as ui_app
    qapp = ui_app.application()
    window = ui_app.create_window(sys.argv[1])
    window.show()
    assert window.startup(None, sys.argv[2])
    assert window.session.set_answer("profile.screening", "no") is None
    assert window.autosave.flush()
    print("ready", flush=True)
    time.sleep(600)
""")


def test_a_living_session_in_another_process_is_never_offered_until_it_dies(make_window,
                                                                            dialogs,
                                                                            config_dir):
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    other = subprocess.Popen([sys.executable, "-c", ALIVE, str(config_dir), str(MINI)],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, cwd=ROOT)
    try:
        assert other.stdout.readline().strip() == "ready", other.stderr.read()
        first = make_window()
        assert "question" not in dialogs.kinds()
        assert first.session.assessment.answers == {}
    finally:
        other.kill()
        other.wait(30)
    dialogs.question_answers.append(SB.Yes)
    second = make_window()
    assert dialogs.kinds().count("question") == 1
    assert second.session.assessment.answers == {"profile.screening": "no"}
