"""GUI test set-up: each test gets its own settings folder, the small test packs, recorded
dialogs (QMessageBox and QFileDialog static methods replaced with monkeypatch) and a factory
for real main windows driven with qtbot."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.conftest import MINI

SB = QMessageBox.StandardButton

# The answers that give the mini packs' critical finding (3A090.a to a D:5 headquarters).
A100 = {"profile.activities": ["chips"], "profile.customer_hq": ["CN", "SG"],
        "chips.sells": "yes", "chips.tops": 312, "chips.bits": 16, "chips.die_area": 826,
        "profile.screening": "no", "profile.training": "sometimes"}


class Dialogs:
    """Records every message box and file dialog; answers from queues, else a default."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []
        self.question_answers: list[Any] = []
        self.open_paths: list[str] = []
        self.save_paths: list[str] = []

    def kinds(self) -> list[str]:
        return [kind for kind, _title, _text in self.calls]

    def texts(self, kind: Optional[str] = None) -> list[str]:
        return [text for k, _title, text in self.calls if kind is None or k == kind]

    def install(self, monkeypatch) -> None:
        from wizard.ui import dialogs

        def question(parent, title, text, buttons=SB.Yes | SB.No, default=SB.NoButton):
            self.calls.append(("question", title, text))
            if self.question_answers:
                return self.question_answers.pop(0)
            return SB.Discard if buttons & SB.Discard else SB.No

        def box(kind, parent, title, text, buttons=SB.Ok, default=SB.NoButton):
            if kind == "question":
                return question(parent, title, text, buttons, default)
            self.calls.append((kind, title, text))
            return SB.Ok

        def recorder(kind):
            def show(parent, title, text, *args, **kwargs):
                self.calls.append((kind, title, text))
                return SB.Ok
            return show

        def get_open(parent=None, caption="", folder="", filters="", *args, **kwargs):
            self.calls.append(("open", caption, folder))
            return (self.open_paths.pop(0) if self.open_paths else "", "")

        def get_save(parent=None, caption="", folder="", filters="", *args, **kwargs):
            self.calls.append(("save", caption, folder))
            return (self.save_paths.pop(0) if self.save_paths else "", "")

        monkeypatch.setattr(dialogs, "_box", box)      # the wizard's own (plain-text) boxes
        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        for kind in ("warning", "critical", "information", "about"):
            monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))


@pytest.fixture
def config_dir(tmp_path) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    return folder


@pytest.fixture(autouse=True)
def gui_env(monkeypatch, config_dir, qapp):
    from wizard.ui import app as ui_app
    from wizard.ui import lang

    monkeypatch.setenv("READINESS_CONFIG_DIR", str(config_dir))
    monkeypatch.setenv("READINESS_PACKS", str(MINI))
    monkeypatch.setattr(lang, "system_mode", lambda: "en")
    ui_app.application()
    yield
    lang.set_mode("en")


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    recorder = Dialogs()
    recorder.install(monkeypatch)
    return recorder


@pytest.fixture
def make_window(qtbot, dialogs, config_dir):
    """``make_window(file=None, packs=MINI)``: a shown main window with content loaded."""
    from wizard.ui import app as ui_app

    def make(file=None, packs=MINI, size=(1280, 800)):
        window = ui_app.create_window(config_dir)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        assert window.startup(str(file) if file else None, str(packs))
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        return window

    return make


def answer_all(window, answers: dict) -> None:
    """Type the answers in through the session (for tests not about the widgets)."""
    for qid, value in answers.items():
        assert window.session.set_answer(qid, value) is None, qid


def walk_to(window, page_id) -> None:
    assert window.wizard.go_to(page_id), f"cannot reach page {page_id}"


def fill_everything(window) -> None:
    """Answer every question the core shows, repeatedly, until nothing new appears."""
    session = window.session
    cycle = ("yes", "no", "unsure")
    for _ in range(10):
        changed = False
        for number, qid in enumerate(session.state.visible):
            if qid in session.assessment.answers:
                continue
            q = session.content.questions[qid].question
            value = {"yes_no_unsure": cycle[number % 3],
                     "single": q.options[0].id if q.options else None,
                     "multi": [o.id for o in q.options if o.id not in q.exclusive][:2],
                     "number": q.min if q.min is not None and q.min > 0 else 5,
                     "text": "see file",
                     "countries": ["CN", "SG", "VN"]}.get(q.kind)
            if value is not None:
                if q.kind == "number" and q.integer:
                    value = int(value)
                assert session.set_answer(qid, value) is None, qid
                changed = True
        if not changed:
            return
