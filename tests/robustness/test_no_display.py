"""The wizard without a usable display: a short message naming the cause, in the user's
language, and exit code 2, instead of Qt's abort (exit 134, "Reinstalling the application may
fix this problem")."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

LINUX = sys.platform.startswith("linux")
pytestmark = [pytest.mark.slow,  # starts X servers and the wizard in subprocesses
              pytest.mark.skipif(not LINUX, reason="the display check is for X11/Wayland systems")]


def _desktop_env(tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")}
    env.update({"PYTHONPATH": str(ROOT), "READINESS_CONFIG_DIR": str(tmp_path / "config"),
                "LANG": "en_US.UTF-8", **extra})
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    env.pop("LANGUAGE", None)
    return env


def _start(env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wizard"], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, cwd=ROOT)


def test_no_display_at_all_is_a_short_message_and_exit_2(tmp_path):
    done = _start(_desktop_env(tmp_path))
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "no display was found" in done.stderr and "DISPLAY" in done.stderr
    assert "Reinstalling" not in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_the_message_is_in_the_users_language(tmp_path):
    done = _start(_desktop_env(tmp_path, LANG="ko_KR.UTF-8"))
    assert done.returncode == 2, done.stderr
    assert "DISPLAY" in done.stderr and "readiness-wizard --help" in done.stderr
    assert any("\uac00" <= ch <= "\ud7a3" for ch in done.stderr), done.stderr
    assert "no display was found" not in done.stderr


def test_a_display_that_does_not_answer_is_named(tmp_path):
    done = _start(_desktop_env(tmp_path, DISPLAY=":93"))
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert ":93" in done.stderr and "does not answer" in done.stderr
    assert "Reinstalling" not in done.stderr


def test_missing_xcb_libraries_are_listed_with_their_packages(tmp_path):
    from wizard.ui import display

    plugins = tmp_path / "platforms"
    plugins.mkdir()
    (plugins / "libqxcb.so").write_bytes(b"not really a plugin")
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}

    def load(name):
        if name.endswith("libqxcb.so") or name in absent:
            raise OSError(f"{name}: cannot open shared object file")
        return object()

    problem = display.problem({"DISPLAY": ":0"}, system="linux", load=load, plugin_dir=plugins)
    assert problem is not None
    text = problem.render("en")
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4" in text
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in text
    assert problem.render("ko") != text


def test_headless_platforms_and_other_systems_are_not_checked():
    from wizard.ui import display

    assert display.problem({"QT_QPA_PLATFORM": "offscreen"}, system="linux") is None
    assert display.problem({}, system="win32") is None
    assert display.problem({}, system="darwin") is None
    assert display.problem({"QT_QPA_PLATFORM": "wayland"}, system="linux") is not None


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="no Xvfb here")
def test_a_working_x_display_passes_the_check(tmp_path):
    from wizard.ui import display

    read, write = os.pipe()               # Xvfb picks a free display and says which, when ready
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as said:
            number = said.readline().strip()
        assert number, "Xvfb did not start"
        assert display.problem({"DISPLAY": f":{number}"}, system="linux") is None
    finally:
        server.kill()
        server.wait(10)
