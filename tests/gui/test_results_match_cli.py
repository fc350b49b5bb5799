"""What the results page shows is what the command line reports for the same answers, and plan
edits made in the table are stored in the assessment."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QDate, Qt

from tests.conftest import BUILTIN, MINI, ROOT
from tests.gui.conftest import A100, fill_everything
from wizard.ui.readiness_wizard import PageId
from wizard.ui.results.plan import DUE, OWNER, STATUS


def _cli_report(path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "wizard", "report", str(path), "--format",
                             "json", "--packs", str(MINI)], capture_output=True, text=True,
                            encoding="utf-8", env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _answer_through_widgets(window, qtbot):
    wizard = window.wizard
    wizard.go_to(wizard.sections[("profile", "business")])
    page = wizard.currentPage()
    page.blocks["profile.activities"].editor.buttons["chips"].button.click()
    countries = page.blocks["profile.customer_hq"].editor
    for name in ("China", "Singapore"):
        qtbot.keyClicks(countries.search, name)
        qtbot.keyClick(countries.search, Qt.Key.Key_Return)
    wizard.next()
    page = wizard.currentPage()
    page.blocks["profile.screening"].editor.buttons["no"].button.click()
    page.blocks["profile.training"].editor.buttons["sometimes"].button.click()
    wizard.next()
    page = wizard.currentPage()
    page.blocks["chips.sells"].editor.buttons["yes"].button.click()
    for qid, text in (("chips.tops", "312"), ("chips.bits", "16"), ("chips.die_area", "826")):
        qtbot.keyClicks(page.blocks[qid].editor.edit, text)


def test_results_page_matches_the_cli_report(make_window, dialogs, tmp_path, qtbot):
    window = make_window()
    _answer_through_widgets(window, qtbot)
    assert window.session.assessment.answers == A100
    assert window.wizard.go_to(PageId.RESULTS)
    page = window.wizard.currentPage()

    # edit the plan in the table: owner, due date (date editor), status (list)
    model = page.plan_model
    row = next(r for r in range(model.rowCount()) if model.action_id(r) == "apply_licence")
    model.setData(model.index(row, OWNER), "Lee (CFO)")
    page.tabs.setCurrentIndex(3)
    page.plan.setCurrentIndex(model.index(row, DUE))
    page.plan.setFocus()
    qtbot.keyClick(page.plan, Qt.Key.Key_Return)     # Enter edits, not Next
    assert window.wizard.currentId() == PageId.RESULTS
    editor = page.plan.indexWidget(model.index(row, DUE)) or page.plan.focusWidget()
    editor.setDate(QDate(2026, 12, 31))
    page.plan.commitData(editor)
    page.plan.closeEditor(editor, page.plan.date_delegate.EndEditHint.NoHint)
    index = model.index(row, STATUS)
    status_editor = page.plan.status_delegate.createEditor(page.plan, None, index)
    status_editor.setCurrentIndex(status_editor.findData("in_progress"))
    page.plan.status_delegate.setModelData(status_editor, model, index)
    plan = window.session.assessment.plan["apply_licence"]
    assert (plan.owner, plan.due, plan.status) == ("Lee (CFO)", "2026-12-31", "in_progress")
    assert model.data(model.index(row, STATUS)) == "In progress"

    dialogs.save_paths.append(str(tmp_path / "same.aitr.json"))
    window.save_action.trigger()
    report = _cli_report(tmp_path / "same.aitr.json")
    assert page.finding_ids == [f["id"] for f in report["findings"]]
    assert page.finding_ids == ["hq_licence", "no_screening", "remote_access_watch"]
    assert [(b.exposure, b.readiness) for b in page.chart.bars] == [
        (a["exposure"], a["readiness"]) for a in report["areas"]]
    assert page.checklist.states == [(c["question"], c["state"]) for c in report["checklist"]]
    assert [model.action_id(r) for r in range(model.rowCount())] == [
        a["id"] for a in report["actions"]]
    cli_plan = next(a for a in report["actions"] if a["id"] == "apply_licence")["plan"]
    assert cli_plan == {"owner": "Lee (CFO)", "due": "2026-12-31", "status": "in_progress",
                        "comment": ""}


@pytest.mark.slow
def test_real_packs_results_match_the_cli(make_window, dialogs, tmp_path):
    window = make_window(packs=BUILTIN)
    content = window.session.content
    profile = content.packs[0]
    for qid, info in content.questions.items():
        q = info.question
        if info.pack.id == profile.id and q.kind == "multi":
            window.session.set_answer(qid, [o.id for o in q.options if o.id not in q.exclusive])
    fill_everything(window)
    assert window.wizard.go_to(PageId.RESULTS)
    page = window.wizard.currentPage()
    assert page.finding_ids, "the filled-in answers should trigger findings"
    dialogs.save_paths.append(str(tmp_path / "real.aitr.json"))
    window.save_action.trigger()
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "wizard", "report",
                             str(tmp_path / "real.aitr.json"), "--format", "json"],
                            capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert page.finding_ids == [f["id"] for f in report["findings"]]
    assert page.checklist.states == [(c["question"], c["state"]) for c in report["checklist"]]
    watch = [f["id"] for f in report["findings"] if f["watch"]]
    if watch:
        assert page.finding_ids[-len(watch):] == watch
    # every area page that applies was on the path, every page builds and shows
    window.wizard.restart()
    while window.wizard.nextId() != -1:
        window.wizard.next()
    assert window.wizard.currentId() == PageId.EXPORT
