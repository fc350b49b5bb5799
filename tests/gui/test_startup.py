"""Starting the wizard: the entry point, a bad file, content that cannot load, and how fast
the first page comes (measured by benchmarks/gui_bench.py, not asserted here)."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.conftest import ROOT
from wizard.ui import app as ui_app
from wizard.ui.readiness_wizard import PageId


def _close_soon(qapp):
    """Close the main window once its content is loaded (run() is then left with 0)."""
    def close():
        window = next((w for w in QApplication.topLevelWidgets()
                       if type(w).__name__ == "MainWindow" and w.isVisible()), None)
        if window is not None and window.session is not None:
            window.close()
        else:
            QTimer.singleShot(20, close)
    QTimer.singleShot(20, close)


def test_run_opens_the_wizard_and_returns_0(dialogs, qapp, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    _close_soon(qapp)
    assert ui_app.run(str(bad)) == 0
    assert dialogs.kinds() == ["warning"] and "expected a JSON object" in dialogs.texts()[0]


def test_run_with_unusable_content_says_why_and_returns_2(dialogs, qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("READINESS_PACKS", str(tmp_path / "nowhere"))
    assert ui_app.run(None) == 2
    assert dialogs.kinds() == ["critical"] and "no such folder" in dialogs.texts()[0]
    for widget in QApplication.topLevelWidgets():
        widget.close()


def test_first_page_is_shown_before_the_content_loads(qapp, dialogs):
    app, window = ui_app.launch(None, None)
    try:
        assert window.session is None                  # content not loaded yet
        assert window.wizard.currentId() == PageId.WELCOME
        assert not window.wizard.page(PageId.WELCOME).isComplete()
        deadline = 200
        while window.session is None and deadline:
            app.processEvents()
            deadline -= 1
        assert window.session is not None
        assert window.wizard.page(PageId.WELCOME).isComplete()
    finally:
        window.close()


def test_startup_does_not_import_reports_or_calculator_details():
    code = ("import sys, time\n"
            "from wizard.ui import app\n"
            "qapp = app.application()\n"
            "w = app.create_window()\n"
            "w.show(); qapp.processEvents()\n"
            "heavy = [m for m in ('jinja2', 'pydantic', 'yaml', 'wizard.core.engine', "
            "'wizard.report.markdown', 'PySide6.QtPrintSupport') if m in sys.modules]\n"
            "print(','.join(heavy))\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_cli_open_without_display_never_prints_a_traceback(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="nonexistent-platform",
               READINESS_CONFIG_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "wizard", "open", str(tmp_path / "x.json")],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "platform plugin" in result.stderr


def test_unusable_content_is_explained_in_korean_too(dialogs, qapp, tmp_path, monkeypatch):
    from wizard.ui import lang

    monkeypatch.setattr(lang, "system_mode", lambda: "ko")
    monkeypatch.setenv("READINESS_PACKS", str(tmp_path / "nowhere"))
    assert ui_app.run(None) == 2
    text = dialogs.texts()[0]
    assert "질문지 폴더가 없습니다" in text and "nowhere" in text
    for widget in QApplication.topLevelWidgets():
        widget.close()
