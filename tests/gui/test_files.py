"""New, Open, Save, Save As, recent files, the unsaved-changes question and bad files."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox

from tests.gui.conftest import A100, answer_all
from wizard import settings
from wizard.core.assessment import load_assessment
from wizard.ui.readiness_wizard import PageId

SB = QMessageBox.StandardButton


def test_save_and_open_round_trip_through_the_gui(make_window, dialogs, tmp_path, config_dir):
    window = make_window()
    details = window.wizard.page(PageId.DETAILS)
    window.wizard.go_to(PageId.DETAILS)
    details.company.setText("Hanbit Semi")
    details.company.textEdited.emit("Hanbit Semi")
    answer_all(window, A100)
    window.session.set_note("chips.sells", "see price list")
    assert window.isWindowModified()
    target = tmp_path / "hanbit"
    dialogs.save_paths.append(str(target))
    window.save_action.trigger()
    saved = tmp_path / "hanbit.aitr.json"
    assert saved.is_file() and not window.isWindowModified()
    assert "hanbit.aitr.json[*]" in window.windowTitle()
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["meta"]["company"] == "Hanbit Semi"
    assert data["answers"]["chips.tops"] == 312

    window.save_action.trigger()                   # saves again without asking, keeps .bak
    assert (tmp_path / "hanbit.aitr.json.bak").is_file()
    assert dialogs.kinds().count("save") == 1

    window.new_action.trigger()
    assert window.session.assessment.answers == {} and window.session.path is None
    dialogs.open_paths.append(str(saved))
    window.open_action.trigger()
    assert window.session.assessment.answers == load_assessment(
        saved, window.session.content).assessment.answers
    assert window.session.note("chips.sells") == "see price list"
    assert window.wizard.page(PageId.DETAILS).company.text() == "Hanbit Semi"
    assert settings.load(config_dir).recent_files[0] == str(saved.resolve())
    window.recent_menu.aboutToShow.emit()
    assert any("hanbit.aitr.json" in a.text() for a in window.recent_menu.actions())


def test_unsaved_changes_prompt(make_window, dialogs, tmp_path, qtbot):
    window = make_window()
    answer_all(window, {"profile.screening": "yes"})
    dialogs.question_answers.append(SB.Cancel)
    window.close()
    assert window.isVisible(), "Cancel must keep the window open"
    assert dialogs.kinds()[-1] == "question" and "changes" in dialogs.texts()[-1]

    dialogs.question_answers.append(SB.Save)
    dialogs.save_paths.append(str(tmp_path / "kept.aitr.json"))
    window.close()
    assert not window.isVisible()
    assert (tmp_path / "kept.aitr.json").is_file()


def test_discard_closes_without_saving(make_window, dialogs, tmp_path):
    window = make_window()
    answer_all(window, {"profile.screening": "yes"})
    dialogs.question_answers.append(SB.Discard)
    window.close()
    assert not window.isVisible()
    assert "save" not in dialogs.kinds()


def test_no_prompt_without_changes(make_window, dialogs):
    window = make_window()
    window.close()
    assert "question" not in dialogs.kinds()


def test_bad_file_shows_a_dialog_and_keeps_the_wizard_usable(make_window, dialogs, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    window = make_window(file=bad)
    assert dialogs.kinds() == ["warning"]
    assert "not valid JSON" in dialogs.texts()[0] and str(bad) in dialogs.texts()[0]
    assert window.session.path is None and window.session.assessment.answers == {}
    window.wizard.next()
    window.wizard.next()
    assert window.wizard.currentId() == window.wizard.sections[("profile", "business")]

    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    dialogs.open_paths.append(str(other))
    window.open_action.trigger()
    assert dialogs.kinds()[-1] == "warning" and "not an AI Trade Readiness" in dialogs.texts()[-1]
    missing = tmp_path / "missing.json"
    window.files.open_path(missing)
    assert "no such file" in dialogs.texts()[-1]


def test_dropped_answers_from_an_older_pack_version_are_shown(make_window, dialogs, tmp_path):
    old = {"format": "ai-trade-readiness-assessment", "schema_version": 1,
           "packs": {"profile": "0.9.0", "chips": "1.0.0"},
           "answers": {"profile.screening": "yes", "profile.old_question": "yes"}}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    window = make_window(file=path)
    assert dialogs.kinds() == []             # listed in "What changed for this company"
    assert "profile.old_question" in window.changes_dialog.view.toPlainText()
    assert window.session.evaluation_day is None     # no record: statuses were not compared
    assert window.session.answer("profile.screening") == "yes"
    assert window.session.dropped[0].key == "profile.old_question"


def test_title_shows_name_and_modified_marker(make_window):
    window = make_window()
    assert window.windowTitle().startswith("New assessment[*]")
    assert not window.isWindowModified()
    answer_all(window, {"profile.screening": "no"})
    assert window.isWindowModified()


def test_file_errors_are_shown_in_the_display_language(make_window, dialogs, tmp_path):
    window = make_window()
    bad = tmp_path / "broken.json"
    bad.write_text("{broken", encoding="utf-8")
    window.language_actions["ko"].trigger()
    window.files.open_path(bad)
    text = dialogs.texts()[-1]
    assert "올바른 JSON 형식이 아닙니다" in text and "broken.json" in text
    assert "not valid JSON" not in text
    window.language_actions["both"].trigger()       # a consultant with an English-speaking client
    window.files.open_path(bad)
    text = dialogs.texts()[-1]
    assert "올바른 JSON 형식이 아닙니다" in text and "not valid JSON" in text
    # an answer the core refuses is explained under its field in the display language
    window.language_actions["ko"].trigger()
    assert "최댓값" in window.session.set_answer("chips.bits", 10**6)
    window.language_actions["en"].trigger()
    assert window.session.set_answer("chips.bits", 10**6) == "1e+06 is above the maximum 128"


def test_a_report_is_never_exported_over_the_open_assessment(make_window, dialogs, tmp_path):
    from tests.gui.conftest import A100, answer_all
    from wizard.ui.readiness_wizard import PageId

    window = make_window()
    answer_all(window, A100)
    assessment = tmp_path / "고객 평가.aitr.json"
    dialogs.save_paths.append(str(assessment))
    assert window.files.save_as()
    before = assessment.read_bytes()
    assert window.wizard.go_to(PageId.EXPORT)
    page = window.wizard.currentPage()
    page.format_buttons["json"].setChecked(True)
    dialogs.save_paths.append(str(assessment))        # the user picks the assessment itself
    page.export_button.click()
    assert assessment.read_bytes() == before
    warning = "\n".join(dialogs.texts("warning"))
    assert str(assessment) in warning and "input file" in warning
