"""The Excel workbooks that go to the client and come back: the action tracker (content per
example and language, real date cells, dropdowns, frozen header, filters, formula-looking text
stored as text) and its round trip through import-plan, with every refusal named by its cell;
the client questionnaire and its round trip through import-answers for every question kind."""

from __future__ import annotations

import copy
import datetime as dt
import io

import openpyxl
import pytest

from tests.conftest import BUILTIN, EXAMPLES, MINI
from tests.report.conftest import MINI_ASSESSMENT, write_assessment
from wizard.core.answer_import import answer_changes, apply_answers
from wizard.core.assessment import load_assessment, new_assessment
from wizard.core.content import load_content
from wizard.core.plan_import import apply_plan, plan_changes, status_names
from wizard.core.errors import InputError
from wizard.report import xlsx, xlsx_read
from wizard.report.common import lab, pick, status_text

pytestmark = pytest.mark.slow  # writes and reads back workbooks of every example

LANGS = ("ko", "en", "both")


def workbook(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def columns(ws) -> dict[str, int]:
    return {c.value: c.column for c in ws[xlsx.HEADER_ROW] if c.value}


def header(key: str, lang: str, columns_=xlsx.PLAN_COLUMNS) -> str:
    table = {c.key: c for c in columns_}
    return xlsx.words(table[key].title, lang)


def qheader(key: str, lang: str) -> str:
    return header(key, lang, xlsx.QUESTION_COLUMNS)


# ----------------------------------------------------------------------------- the tracker

@pytest.mark.parametrize("lang", LANGS)
def test_tracker_content_matches_the_report_data(prepared, lang):
    report = prepared.report
    book = workbook(xlsx.render_tracker(report, lang))
    assert book.sheetnames[:1] == [xlsx.sheet_name("plan", lang)]
    plan = book[xlsx.sheet_name("plan", lang)]
    col = columns(plan)
    rows = list(plan.iter_rows(min_row=xlsx.FIRST_ROW, values_only=False))
    assert len(rows) == len(report.actions)
    statuses = dict(zip(("open", "in_progress", "done", "not_applicable"), status_names(lang)))
    for row, action in zip(rows, report.actions):
        value = {name: row[index - 1].value for name, index in col.items()}
        assert value[header("id", lang)] == action.id
        assert value[header("priority", lang)] == action.priority
        assert value[header("action", lang)] == pick(action.title, lang)
        assert value[header("status", lang)] == statuses[action.plan.status]
        due = value[header("due", lang)]
        if action.plan.due:
            assert isinstance(due, dt.datetime) and due.date().isoformat() == action.plan.due
            assert row[col[header("due", lang)] - 1].number_format == "yyyy-mm-dd"
        else:
            assert due is None
        assert (value[header("owner", lang)] or "") == action.plan.owner
        assert (value[header("comment", lang)] or "") == action.plan.comment
        assert value[xlsx.words(xlsx.PLAN_COLUMNS[3].title, lang)] == \
            lab("severity", action.severity, lang)
    assert plan.freeze_panes == f"A{xlsx.FIRST_ROW}"
    assert plan.auto_filter.ref.startswith(f"A{xlsx.HEADER_ROW}:")
    assert plan.print_title_rows.replace("$", "") == f"{xlsx.HEADER_ROW}:{xlsx.HEADER_ROW}"
    kinds = {dv.type for dv in plan.data_validations.dataValidation}
    assert {"list", "date", "textLength"} <= kinds
    lists = book[xlsx.sheet_name("lists", lang)]
    assert lists.sheet_state == "hidden"
    assert [c.value for c in lists["A"]][:4] == status_names(lang)
    checklist = book[xlsx.sheet_name("checklist", lang)]
    assert checklist.max_row - xlsx.FIRST_ROW + 1 == len(report.checklist)
    findings = book[xlsx.sheet_name("findings", lang)]
    cells = {str(c.value) for r in findings.iter_rows() for c in r if c.value}
    for f in report.findings:
        assert pick(f.title, lang) in cells and status_text(f, lang) in cells
    about = book[xlsx.sheet_name("about", lang)]
    assert about["B1"].value == xlsx.TRACKER_FORMAT
    assert about["B3"].value == report.assessment_id


def test_text_people_typed_is_stored_as_text_never_as_a_formula(tmp_path):
    data = copy.deepcopy(MINI_ASSESSMENT)
    data["plan"]["apply_licence"]["owner"] = "=HYPERLINK(\"http://evil\",\"x\")"
    data["plan"]["apply_licence"]["comment"] = "+1 @SUM(A1) -cmd"
    from wizard.report.common import prepare

    prepared = prepare(write_assessment(tmp_path, data), MINI)
    book = workbook(xlsx.render_tracker(prepared.report, "en"))
    plan = book[xlsx.sheet_name("plan", "en")]
    col = columns(plan)
    owner = plan.cell(xlsx.FIRST_ROW, col["Owner"])
    assert owner.value == "=HYPERLINK(\"http://evil\",\"x\")" and owner.data_type == "s"
    assert plan.cell(xlsx.FIRST_ROW, col["Comment"]).number_format == "@"
    # and it comes back exactly, changing nothing
    path = tmp_path / "t.xlsx"
    path.write_bytes(xlsx.render_tracker(prepared.report, "en"))
    result = plan_changes(prepared.loaded.assessment, prepared.content,
                          xlsx_read.read_tracker(path))
    assert result.refusals == [] and result.changes == []


def test_the_marking_is_in_every_sheets_page_header(tmp_path):
    from wizard.report.common import prepare

    data = copy.deepcopy(MINI_ASSESSMENT)
    data["schema_version"] = 2
    data["meta"]["confidentiality"] = "R&D only"
    prepared = prepare(write_assessment(tmp_path, data), MINI)
    book = workbook(xlsx.render_tracker(prepared.report, "ko"))
    for name in ("plan", "checklist", "findings"):
        assert book[xlsx.sheet_name(name, "ko")].oddHeader.right.text == "R&&D only"


@pytest.fixture
def example(tmp_path):
    """A copy of the largest example and its tracker, in Korean."""
    source = sorted(EXAMPLES.glob("*.json"), key=lambda p: p.stat().st_size)[-1]
    path = tmp_path / "assessment.json"
    path.write_bytes(source.read_bytes())
    content = load_content(BUILTIN)
    loaded = load_assessment(path, content)
    from wizard.core.engine import evaluate

    report = evaluate(content, loaded.assessment)
    tracker = tmp_path / "tracker.xlsx"
    tracker.write_bytes(xlsx.render_tracker(report, "ko"))
    return path, tracker, content, loaded.assessment, report


def _edit(tracker, edits):
    """edits: {(action id, column key): value}; returns the places of the edited cells."""
    book = openpyxl.load_workbook(tracker)
    plan = book[xlsx.sheet_name("plan", "ko")]
    col = columns(plan)
    rows = {plan.cell(r, col[header("id", "ko")]).value: r
            for r in range(xlsx.FIRST_ROW, plan.max_row + 1)}
    places = {}
    for (aid, key), value in edits.items():
        cell = plan.cell(rows[aid], col[header(key, "ko")])
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"     # as Excel keeps what is typed in a text column
        places[(aid, key)] = xlsx_read.place(plan.title, cell.coordinate)
    book.save(tracker)
    return places


def test_tracker_round_trip_changes_the_assessment_exactly_there(example):
    path, tracker, content, assessment, report = example
    first, second, third = (a.id for a in report.actions[:3])
    _edit(tracker, {(first, "owner"): "이서연 과장", (first, "due"): dt.date(2027, 2, 28),
                    (second, "status"): "완료", (second, "comment"): "=A1 검토 완료",
                    (third, "status"): "In progress"})
    result = plan_changes(assessment, content, xlsx_read.read_tracker(tracker))
    assert result.refusals == []
    changed = {(c.action, f.field) for c in result.changes for f in c.fields}
    expected = {(first, "owner"), (first, "due"), (second, "status"), (second, "comment"),
                (third, "status")}
    plan = assessment.plan
    if third in plan and plan[third].status == "in_progress":   # already so: no change
        expected.discard((third, "status"))
    assert changed == expected
    before = {k: v for k, v in assessment.plan.items()}
    apply_plan(assessment, result.changes)
    assert assessment.plan[first].owner == "이서연 과장"
    assert assessment.plan[first].due == "2027-02-28"
    assert assessment.plan[second].status == "done"
    assert assessment.plan[second].comment == "=A1 검토 완료"
    assert assessment.plan[third].status == "in_progress"
    for aid, edit in before.items():
        if aid not in (first, second, third):
            assert assessment.plan[aid] == edit
    untouched = set(assessment.plan) - {first, second, third} - set(before)
    assert untouched == set()


REFUSALS = [
    ("due", "next week", "is not a date"),
    ("due", "31.12.2027", "is not a date"),
    ("due", True, "is not a date"),
    ("due", dt.datetime(2027, 1, 5, 14, 30), "is not a date"),
    ("due", "2027/01/05", "is not a date"),
    ("status", "Finished", "is not a status in the list"),
    ("owner", "x" * 201, "at most 200"),
    ("comment", "y" * 2001, "at most 2000"),
    ("owner", "=1+2", "contains a formula"),
]


@pytest.mark.parametrize("key, value, problem", REFUSALS)
def test_every_refused_cell_is_named_and_nothing_changes_with_it(example, key, value, problem):
    path, tracker, content, assessment, report = example
    aid = report.actions[0].id
    places = _edit(tracker, {(aid, key): value, (report.actions[1].id, "owner"): "Kim"})
    if key == "owner" and value == "=1+2":
        book = openpyxl.load_workbook(tracker)      # a real formula, as Excel would store it
        ws = book[xlsx.sheet_name("plan", "ko")]
        coordinate = places[(aid, key)].split("!")[1]
        ws[coordinate] = "=1+2"
        book.save(tracker)
    result = plan_changes(assessment, content, xlsx_read.read_tracker(tracker))
    assert len(result.refusals) == 1
    refusal = result.refusals[0]
    assert refusal.place == places[(aid, key)]
    assert problem in refusal.render("en") and refusal.place in refusal.render("ko")
    assert [c.action for c in result.changes] == [report.actions[1].id]


def test_unknown_and_repeated_action_ids_are_refused_by_cell(example):
    path, tracker, content, assessment, report = example
    book = openpyxl.load_workbook(tracker)
    plan = book[xlsx.sheet_name("plan", "ko")]
    col = columns(plan)[header("id", "ko")]
    plan.cell(xlsx.FIRST_ROW, col).value = "no_such_action"
    plan.cell(xlsx.FIRST_ROW + 2, col).value = report.actions[1].id
    book.save(tracker)
    result = plan_changes(assessment, content, xlsx_read.read_tracker(tracker))
    messages = [r.render("en") for r in result.refusals]
    assert any("unknown action 'no_such_action'" in m and f"!A{xlsx.FIRST_ROW}" not in m
               for m in messages)
    assert any("listed twice (first at" in m for m in messages)


def test_a_tracker_of_another_assessment_is_refused_whole(example, tmp_path):
    path, tracker, content, assessment, report = example
    other = new_assessment(content)
    result = plan_changes(other, content, xlsx_read.read_tracker(tracker))
    assert result.wrong_tracker is not None and result.changes == []
    assert result.wrong_tracker.place.endswith("!B3")
    assert "another assessment" in result.wrong_tracker.render("en")
    book = openpyxl.load_workbook(tracker)
    book[xlsx.sheet_name("about", "ko")]["B3"] = None
    book.save(tracker)
    result = plan_changes(assessment, content, xlsx_read.read_tracker(tracker))
    assert "does not say which assessment" in result.wrong_tracker.render("en")


def test_files_that_are_not_our_workbooks_are_refused_with_a_message(tmp_path, example):
    path, tracker, content, assessment, report = example
    plain = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    not_zip = tmp_path / "fake.xlsx"
    not_zip.write_text("name,owner\n", encoding="utf-8")
    renamed = tmp_path / "renamed.xlsx"
    book = openpyxl.load_workbook(tracker)
    book[xlsx.sheet_name("plan", "ko")].title = "Plan (mine)"
    book.save(renamed)
    no_column = tmp_path / "no-column.xlsx"
    book = openpyxl.load_workbook(tracker)
    ws = book[xlsx.sheet_name("plan", "ko")]
    ws.cell(xlsx.HEADER_ROW, columns(ws)[header("status", "ko")]).value = "진행"
    book.save(no_column)
    questionnaire = tmp_path / "q.xlsx"
    questionnaire.write_bytes(xlsx.render_questionnaire(content, "en", ["profile"]))
    for bad, expected in ((plain, "not an action tracker or questionnaire"),
                          (not_zip, "not an Excel workbook"),
                          (tmp_path / "missing.xlsx", "no such file"),
                          (renamed, "is missing"),
                          (no_column, "the column \u201cStatus\u201d is missing"),
                          (questionnaire, "this is a client questionnaire")):
        with pytest.raises(InputError) as info:
            xlsx_read.read_tracker(bad)
        assert expected in str(info.value), bad.name
        assert str(bad) in str(info.value) or "!" in str(info.value)


# ----------------------------------------------------------------------------- questionnaire

def _sheet_value(question, value, lang="en"):
    """How a client would write ``value`` (a stored answer) in the questionnaire."""
    from wizard.core.answer_import import yes_no_names

    kind = question.kind
    if kind == "yes_no_unsure":
        names = yes_no_names(value)
        return {"ko": names[0], "en": names[1], "both": names[2]}[lang]
    if kind == "single":
        option = question.option(value)
        return {"ko": option.label.ko, "en": option.label.en,
                "both": f"{option.label.ko} / {option.label.en}"}[lang]
    if kind == "multi":
        ids = [o.id for o in question.options]
        return ", ".join(str(ids.index(v) + 1) for v in value)
    if kind == "countries":
        return ", ".join(value)
    return value


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_answers_round_trip_for_every_question_kind(tmp_path, lang):
    content = load_content(BUILTIN)
    seen_kinds = set()
    for source in sorted(EXAMPLES.glob("*.json")):
        original = load_assessment(source, content).assessment
        sheet = tmp_path / f"{source.stem}-{lang}.xlsx"
        sheet.write_bytes(xlsx.render_questionnaire(content, lang))
        book = openpyxl.load_workbook(sheet)
        ws = book[xlsx.sheet_name("questions", lang)]
        col = columns(ws)
        for row in range(xlsx.FIRST_ROW, ws.max_row + 1):
            qid = ws.cell(row, col[qheader("id", lang)]).value
            if qid in original.answers:
                info = content.questions[qid]
                ws.cell(row, col[qheader("answer", lang)]).value = \
                    _sheet_value(info.question, original.answers[qid], lang)
                seen_kinds.add(info.kind)
            if original.notes.get(qid):
                ws.cell(row, col[qheader("note", lang)]).value = original.notes[qid]
        book.save(sheet)
        company, rows = xlsx_read.read_questionnaire(sheet)
        fresh = new_assessment(content)
        result = answer_changes(fresh, content, rows)
        assert result.refusals == [], [r.render("en") for r in result.refusals]
        apply_answers(fresh, content, result.changes)
        assert fresh.answers == original.answers, source.name
        assert fresh.notes == {k: v for k, v in original.notes.items() if v}
    assert {"yes_no_unsure", "single", "multi", "number", "countries"} <= seen_kinds


def test_text_answers_and_the_other_ways_a_client_writes(tmp_path):
    content = load_content(MINI)
    info = {q: content.questions[q] for q in content.questions}
    kinds = {i.kind for i in info.values()}
    sheet = tmp_path / "q.xlsx"
    sheet.write_bytes(xlsx.render_questionnaire(content, "both"))
    book = openpyxl.load_workbook(sheet)
    ws = book[xlsx.sheet_name("questions", "both")]
    col = columns(ws)
    rows = {ws.cell(r, col[qheader("id", "both")]).value: r
            for r in range(xlsx.FIRST_ROW, ws.max_row + 1)}
    answer = col[qheader("answer", "both")]
    multi = next(q for q, i in info.items() if i.kind == "multi")
    countries = next(q for q, i in info.items() if i.kind == "countries")
    number = next(q for q, i in info.items() if i.kind == "number")
    option = info[multi].question.options[0]
    ws.cell(rows[multi], answer).value = f"{option.label.en}\n{option.label.ko}"
    ws.cell(rows[countries], answer).value = "kr; United States"
    ws.cell(rows[number], answer).value = "1,600"
    if "text" in kinds:
        text = next(q for q, i in info.items() if i.kind == "text")
        ws.cell(rows[text], answer).value = "=literally this"
    book.save(sheet)
    _company, parsed = xlsx_read.read_questionnaire(sheet)
    result = answer_changes(new_assessment(content), content, parsed)
    assert result.refusals == []
    got = {c.question: c.after for c in result.changes}
    assert got[multi] == [option.id]
    assert got[countries] == ["KR", "US"]
    assert got[number] == 1600


ANSWER_REFUSALS = [
    ("yes_no_unsure", "Maybe", "is not one of the options"),
    ("single", "Something else", "is not one of the options"),
    ("multi", "1, 99", "option numbers run from 1 to"),
    ("countries", "KR, Atlantis", "not a country code or a country name"),
    ("number", "312 TOPS", "is not a number"),
    ("number", -5, "below the minimum"),
]


@pytest.mark.parametrize("kind, value, problem", ANSWER_REFUSALS)
def test_every_refused_answer_is_named_by_its_cell(tmp_path, kind, value, problem):
    content = load_content(BUILTIN)
    candidates = [q for q, i in content.questions.items() if i.kind == kind
                  and (kind != "number" or (i.question.min is not None
                                            and i.question.min >= 0))]
    qid = candidates[0]
    sheet = tmp_path / "q.xlsx"
    sheet.write_bytes(xlsx.render_questionnaire(content, "en"))
    book = openpyxl.load_workbook(sheet)
    ws = book[xlsx.sheet_name("questions", "en")]
    col = columns(ws)
    row = next(r for r in range(xlsx.FIRST_ROW, ws.max_row + 1)
               if ws.cell(r, col["Question ID"]).value == qid)
    ws.cell(row, col["Your answer"]).value = value
    book.save(sheet)
    _company, rows = xlsx_read.read_questionnaire(sheet)
    result = answer_changes(new_assessment(content), content, rows)
    assert len(result.refusals) == 1 and result.changes == []
    refusal = result.refusals[0]
    coordinate = f"{openpyxl.utils.get_column_letter(col['Your answer'])}{row}"
    assert refusal.place == xlsx_read.place(ws.title, coordinate)
    assert problem in refusal.render("en")


def test_exclusive_options_computed_and_unknown_questions_are_refused(tmp_path):
    content = load_content(BUILTIN)
    sheet = tmp_path / "q.xlsx"
    sheet.write_bytes(xlsx.render_questionnaire(content, "en"))
    book = openpyxl.load_workbook(sheet)
    ws = book[xlsx.sheet_name("questions", "en")]
    col = columns(ws)
    rows = {ws.cell(r, col["Question ID"]).value: r for r in range(xlsx.FIRST_ROW,
                                                                   ws.max_row + 1)}
    activities = content.questions["profile.activities"].question
    last = len(activities.options)          # "none of these", exclusive
    ws.cell(rows["profile.activities"], col["Your answer"]).value = f"1, {last}"
    calculator = next(q for q, i in content.questions.items() if i.kind == "calculator")
    ws.cell(rows[calculator], col["Your answer"]).value = "3A090.a"
    ws.cell(rows["profile.size"], col["Question ID"]).value = "profile.no_such_question"
    ws.cell(rows["profile.size"], col["Your answer"]).value = "x"
    book.save(sheet)
    _company, parsed = xlsx_read.read_questionnaire(sheet)
    result = answer_changes(new_assessment(content), content, parsed)
    messages = " | ".join(r.render("en") for r in result.refusals)
    assert "cannot be combined with other options" in messages
    assert "worked out by the program" in messages
    assert "unknown question 'profile.no_such_question'" in messages
    assert len(result.refusals) == 3 and result.changes == []


@pytest.mark.parametrize("lang", LANGS)
def test_questionnaire_rows_dropdowns_and_skip_rules(lang):
    content = load_content(BUILTIN)
    book = workbook(xlsx.render_questionnaire(content, lang))
    ws = book[xlsx.sheet_name("questions", lang)]
    col = columns(ws)
    ids = [ws.cell(r, col[qheader("id", lang)]).value for r in range(xlsx.FIRST_ROW,
                                                                      ws.max_row + 1)]
    assert ids == list(content.questions)
    choice = [q for q, i in content.questions.items() if i.kind in ("yes_no_unsure", "single")]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == len(choice)
    conditions = [ws.cell(r, col[qheader("condition", lang)]).value
                  for r in range(xlsx.FIRST_ROW, ws.max_row + 1)]
    with_rule = [q for q, i in content.questions.items() if i.question.show_if or
                 i.section.show_if or content.applies.get(i.pack_id) is not None]
    assert sum(1 for c in conditions if c) == len(with_rule)
    assert ws.freeze_panes == f"A{xlsx.FIRST_ROW}"
