"""The deliverables in the wizard: the sign-off fields of the details page, the checklist by
programme element on the results page, Word and Excel on the export page (and the client
questionnaire), and File > Import from Excel bringing a returned tracker or questionnaire
back into the open assessment."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from tests.conftest import BUILTIN
from tests.gui.conftest import A100, answer_all
from wizard.report import xlsx
from wizard.ui import lang
from wizard.ui.readiness_wizard import PageId

SB = QMessageBox.StandardButton


def test_sign_off_fields_are_kept_and_a_wrong_registration_number_is_said(make_window,
                                                                           qtbot):
    window = make_window()
    assert window.wizard.go_to(PageId.DETAILS)
    page = window.wizard.currentPage()
    page.business_number.setText("124-81-00999")
    page.business_number.editingFinished.emit()
    assert page.business_error.isVisibleTo(page)
    assert "check digit" in page.business_error.text()
    assert window.session.assessment.meta.business_number == ""
    page.business_number.setText("1248100998")
    page.business_number.editingFinished.emit()
    assert not page.business_error.isVisibleTo(page)
    assert page.business_number.text() == "124-81-00998"
    assert window.session.assessment.meta.business_number == "124-81-00998"
    page.marking.setCurrentIndex(page.marking.findData("confidential"))
    page.marking.activated.emit(page.marking.currentIndex())
    assert window.session.assessment.meta.confidentiality == "confidential"
    page.marking.setEditText("Need to know")
    page.marking.lineEdit().editingFinished.emit()
    assert window.session.assessment.meta.confidentiality == "Need to know"
    page.reviewer.setText("Park")
    page.reviewer.textEdited.emit("Park")
    page.approval_date.setDate(QDate(2026, 12, 1))
    meta = window.session.assessment.meta
    assert meta.reviewer == "Park" and meta.approval_date == "2026-12-01"
    lang.set_mode("ko")
    assert page.labels[page.fields[4][0]].text().startswith("사업자등록번호")
    assert page.marking.currentText() == "Need to know"


def _fill_built_in(window):
    session = window.session
    answers = {"profile.activities": ["chips_hardware", "chip_design"],
               "profile.mgmt_commitment": "partly", "profile.training": "occasional"}
    for qid, value in answers.items():
        assert session.set_answer(qid, value) is None, qid


def test_the_results_page_groups_the_checklist_by_a_framework(make_window):
    window = make_window(packs=BUILTIN)
    _fill_built_in(window)
    assert window.wizard.go_to(PageId.RESULTS)
    page = window.wizard.currentPage()
    keys = [page.group_box.itemData(i) for i in range(page.group_box.count())]
    assert keys == ["area", "bis_ecg", "eu_icp", "kr_cp"]
    by_area = list(page.checklist.groups)
    page.group_box.setCurrentIndex(keys.index("bis_ecg"))
    page.group_box.activated.emit(page.group_box.currentIndex())
    groups = page.checklist.groups
    assert groups != by_area and len(groups) >= 8
    assert groups[0].startswith("Readiness ") and "1. Management commitment" in groups[0]
    assert sorted(q for q, _ in page.checklist.states) == \
        sorted(c.question for c in window.session.report().checklist)
    export = window.wizard.page(PageId.EXPORT)
    assert window.wizard.go_to(PageId.EXPORT)
    assert export.chosen_group() == "bis_ecg"


def test_the_mini_packs_offer_no_grouping(make_window):
    window = make_window()
    answer_all(window, A100)
    assert window.wizard.go_to(PageId.RESULTS)
    assert not window.wizard.currentPage().group_box.isVisibleTo(window)


def test_word_and_excel_are_exported_from_the_wizard(make_window, dialogs, tmp_path):
    window = make_window()
    answer_all(window, A100)
    window.session.set_meta(company="Hanbit Semi", confidentiality="confidential")
    assert window.wizard.go_to(PageId.EXPORT)
    page = window.wizard.currentPage()
    assert {"docx", "xlsx"} <= set(page.format_buttons)
    page.format_buttons["docx"].setChecked(True)
    dialogs.save_paths.append(str(tmp_path / "report"))
    page.export_button.click()
    docx = tmp_path / "report.docx"
    assert zipfile.is_zipfile(docx)
    assert "Confidential" in zipfile.ZipFile(docx).read("word/header1.xml").decode("utf-8")
    page.format_buttons["xlsx"].setChecked(True)
    dialogs.save_paths.append(str(tmp_path / "tracker.xlsx"))
    page.export_button.click()
    book = openpyxl.load_workbook(tmp_path / "tracker.xlsx")
    assert book[xlsx.sheet_name("about", "en")]["B3"].value == window.session.assessment.id
    dialogs.save_paths.append(str(tmp_path / "questions"))
    page.questionnaire_button.click()
    book = openpyxl.load_workbook(tmp_path / "questions.xlsx")
    assert book[xlsx.sheet_name("about", "en")]["B1"].value == xlsx.QUESTIONNAIRE_FORMAT
    assert str(tmp_path / "questions.xlsx") in page.status.text()


def test_a_returned_tracker_is_imported_after_the_user_agrees(make_window, dialogs, tmp_path):
    window = make_window()
    answer_all(window, A100)
    report = window.session.report()
    tracker = tmp_path / "tracker.xlsx"
    tracker.write_bytes(xlsx.render_tracker(report, "en"))
    book = openpyxl.load_workbook(tracker)
    ws = book[xlsx.sheet_name("plan", "en")]
    col = {c.value: c.column for c in ws[xlsx.HEADER_ROW]}
    first = xlsx.FIRST_ROW
    action = ws.cell(first, col["Action ID"]).value
    ws.cell(first, col["Owner"]).value = "Lee (CFO)"
    ws.cell(first, col["Due date"]).value = dt.date(2027, 1, 31)
    ws.cell(first + 1, col["Status"]).value = "Nearly"
    book.save(tracker)
    dialogs.open_paths.append(str(tracker))
    dialogs.question_answers.append(SB.No)
    window.import_excel()
    kind, _title, text = dialogs.calls[-1]
    assert kind == "question" and "Lee (CFO)" in text and "'Action plan'!" in text
    assert "'Nearly' is not a status" in text
    assert window.session.plan(action).owner == ""          # declined: nothing changed
    dialogs.open_paths.append(str(tracker))
    dialogs.question_answers.append(SB.Yes)
    window.import_excel()
    edit = window.session.plan(action)
    assert (edit.owner, edit.due) == ("Lee (CFO)", "2027-01-31")
    assert window.session.modified


def test_a_tracker_of_another_assessment_is_refused_in_a_dialog(make_window, dialogs,
                                                                tmp_path):
    window = make_window()
    answer_all(window, A100)
    tracker = tmp_path / "tracker.xlsx"
    tracker.write_bytes(xlsx.render_tracker(window.session.report(), "en"))
    window.session.new("en")
    dialogs.open_paths.append(str(tracker))
    window.import_excel()
    kind, _title, text = dialogs.calls[-1]
    assert kind == "warning" and "another assessment" in text and "!B3" in text


def test_a_returned_questionnaire_fills_in_the_answers(make_window, dialogs, tmp_path):
    window = make_window()
    sheet = tmp_path / "q.xlsx"
    sheet.write_bytes(xlsx.render_questionnaire(window.session.content, "en"))
    book = openpyxl.load_workbook(sheet)
    ws = book[xlsx.sheet_name("questions", "en")]
    col = {c.value: c.column for c in ws[xlsx.HEADER_ROW]}
    rows = {ws.cell(r, col["Question ID"]).value: r for r in range(xlsx.FIRST_ROW,
                                                                   ws.max_row + 1)}
    ws.cell(rows["chips.sells"], col["Your answer"]).value = "Yes"
    ws.cell(rows["profile.customer_hq"], col["Your answer"]).value = "CN, SG"
    book.save(sheet)
    dialogs.open_paths.append(str(sheet))
    dialogs.question_answers.append(SB.Yes)
    window.import_excel()
    assert window.session.answer("chips.sells") == "yes"
    assert window.session.answer("profile.customer_hq") == ["CN", "SG"]
