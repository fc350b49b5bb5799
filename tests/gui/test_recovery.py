"""Autosave and recovery after a crash: a real crash in a child process, then a new window with
the same settings folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QMessageBox

from tests.conftest import MINI, ROOT
from tests.gui.conftest import A100, answer_all
from wizard.recovery import RecoveryStore

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
