"""The wizard's "What changed for this company": shown first when an assessment saved under
older content is opened, with the new questions one click away; nothing when nothing
changed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtWidgets import QApplication

from tests.core.content_versions import ANSWERS, CURRENT, ID, OLD, make_versions
from wizard import content_store
from wizard.core.assessment import edit_meta, new_assessment, save_assessment, set_answer
from wizard.core.content import load_content
from wizard.core.content_changes import record


@pytest.fixture
def versions(tmp_path, monkeypatch):
    current, old = make_versions(tmp_path / "content")
    folders = {(ID, CURRENT): current, (ID, OLD): old}
    monkeypatch.setattr(content_store, "folder_for", lambda cid, ver: folders.get((cid, ver)))
    return current, old


def _old_file(tmp_path, old_folder, name="client.aitr.json"):
    old = load_content(old_folder)
    assessment = new_assessment(old, "en")
    assessment.meta = edit_meta(assessment.meta, company="Hanbit", date="2026-11-23")
    for qid, value in ANSWERS.items():
        set_answer(assessment, old, qid, value)
    path = tmp_path / name
    save_assessment(path, record(old, assessment))
    return path


def _dialog_text(window) -> str:
    return window.changes_dialog.view.toPlainText()


def test_opening_an_older_assessment_shows_what_changed_first(make_window, versions, tmp_path,
                                                               dialogs, qtbot):
    current, old = versions
    path = _old_file(tmp_path, old)
    window = make_window(file=path, packs=current)
    dialog = window.changes_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialogs.calls == []                   # no other box before it
    text = _dialog_text(window)
    assert "What changed for this company" in text
    assert f"{ID} {OLD}" in text and f"{ID} {CURRENT}" in text
    assert "Remote Access Security Act" in text                 # new finding
    assert "Training gap" in text                               # no longer applies
    assert "Suspended from June 1, 2026 \u2192 In force since January 15, 2025" in text
    assert "chips.kyc" in text                                  # new question
    assert "profile.legacy" in text and "never dropped" in text  # kept answer
    # the results follow the day the list read statuses on
    assert window.session.evaluation_day == dt.date.today()

    assert dialog.go_button is not None
    dialog.go_button.click()
    qtbot.waitUntil(lambda: window.stepper.isVisible(), timeout=2000)
    page = window.wizard.currentPage()
    assert getattr(page, "section", None) is not None and page.section.id == "products"
    assert "New question 1 of 1" in window.stepper.label.text()
    window.stepper.done_button.click()
    assert not window.stepper.isVisible()


def test_stepping_through_several_new_questions(make_window, versions, tmp_path, qtbot):
    current, _old = versions
    content = load_content(current)
    assessment = new_assessment(content, "en")
    assessment.meta = edit_meta(assessment.meta, date="2026-11-23")
    for qid, value in ANSWERS.items():
        if qid != "profile.legacy":
            set_answer(assessment, content, qid, value)
    saved = record(content, assessment)
    data = json.loads(saved.to_json())
    data["content"]["open"] = []          # as if staff and KYC were not asked when it was saved
    path = tmp_path / "two.aitr.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    window = make_window(file=path, packs=current)
    window.changes_dialog.go_button.click()
    qtbot.waitUntil(lambda: window.stepper.isVisible(), timeout=2000)
    assert window.stepper.label.text() == "New question 1 of 2"
    assert window.wizard.currentPage().section.id == "business"       # profile.staff
    window.stepper.next_button.click()
    assert window.stepper.label.text() == "New question 2 of 2"
    assert window.wizard.currentPage().section.id == "products"       # chips.kyc
    assert not window.stepper.next_button.isEnabled()
    window.files.new()                   # another assessment: the bar goes
    assert not window.stepper.isVisible()


def test_kept_answers_survive_a_save_from_the_wizard(make_window, versions, tmp_path, dialogs):
    current, old = versions
    path = _old_file(tmp_path, old)
    window = make_window(file=path, packs=current)
    window.changes_dialog.reject()
    window.session.set_answer("chips.kyc", "yes")
    assert window.files.save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["answers"]["profile.legacy"] == "yes"
    assert saved["answers"]["chips.kyc"] == "yes"
    assert saved["content"]["id"] == ID and saved["content"]["version"] == CURRENT
    assert saved["content"]["set_aside"] == ["profile.legacy"]
    assert "chips.kyc" not in saved["content"]["open"]
    # opened again: nothing new since the save, so nothing is shown but the kept answer
    window2 = make_window(file=path, packs=current)
    text = _dialog_text(window2)
    assert "profile.legacy" in text and "new finding" not in text


def test_nothing_shows_when_nothing_changed(make_window, versions, tmp_path):
    current, _old = versions
    content = load_content(current)
    assessment = new_assessment(content, "en")
    assessment.meta = edit_meta(assessment.meta, date=dt.date.today().isoformat())
    set_answer(assessment, content, "profile.screening", "no")
    path = tmp_path / "same.aitr.json"
    save_assessment(path, record(content, assessment))
    window = make_window(file=path, packs=current)
    assert window.changes_dialog is None
    assert window.session.evaluation_day is None


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("size", [(800, 600), (1366, 768)])
def test_screenshots(make_window, versions, tmp_path, screenshots_dir, language, size, qtbot):
    current, old = versions
    path = _old_file(tmp_path, old)
    window = make_window(packs=current, size=size)
    window.language_actions[language].trigger()
    window.files.open_path(path)
    dialog = window.changes_dialog
    for _ in range(3):
        QApplication.processEvents()
    name = f"a2-changes-{language}-{size[0]}x{size[1]}"
    assert dialog.grab().save(str(screenshots_dir / f"{name}-dialog.png"))
    assert window.grab().save(str(screenshots_dir / f"{name}-window.png"))
    assert dialog.width() <= size[0] and dialog.height() <= size[1]
    text = _dialog_text(window)
    if language == "ko":
        assert "What changed" not in text          # translated
    dialog.go_button.click()
    qtbot.waitUntil(lambda: window.stepper.isVisible(), timeout=2000)
    for _ in range(3):
        QApplication.processEvents()
    assert window.grab().save(str(screenshots_dir / f"{name}-stepper.png"))
