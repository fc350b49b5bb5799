"""import-plan and import-answers as a user runs them (real subprocesses): what will change
is shown, the user is asked (or --yes), refused cells are named and block the write unless the
rest is accepted, and the assessment is saved atomically with a .bak; plus the refusal of
output names whose extension a command does not write."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import openpyxl
import pytest

from tests.cli.test_cli import run
from tests.conftest import MINI, ROOT
from tests.report.conftest import MINI_ASSESSMENT, write_assessment
from wizard.report import xlsx

pytestmark = pytest.mark.slow  # runs the command line in subprocesses


def run_input(*args, text: str = "", lang="C.UTF-8"):
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", LC_ALL=lang)
    return subprocess.run([sys.executable, "-m", "wizard", *map(str, args)], input=text,
                          capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT,
                          timeout=120)


@pytest.fixture
def assessment(tmp_path):
    data = dict(MINI_ASSESSMENT, schema_version=2, id="0123456789abcdef0123456789abcdef")
    return write_assessment(tmp_path, data, "hanbit.aitr.json")


@pytest.fixture
def tracker(assessment, tmp_path):
    out = tmp_path / "tracker.xlsx"
    result = run("report", assessment, "--packs", MINI, "--lang", "en", "-o", out)
    assert result.returncode == 0, result.stderr
    return out


def _set(path, action, **values):
    book = openpyxl.load_workbook(path)
    ws = book[xlsx.sheet_name("plan", "en")]
    col = {c.value: c.column for c in ws[xlsx.HEADER_ROW]}
    row = next(r for r in range(xlsx.FIRST_ROW, ws.max_row + 1)
               if ws.cell(r, col["Action ID"]).value == action)
    names = {"owner": "Owner", "due": "Due date", "status": "Status", "comment": "Comment"}
    for key, value in values.items():
        cell = ws.cell(row, col[names[key]])
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
    book.save(path)
    return f"'{ws.title}'!"


def test_import_plan_asks_then_writes_with_a_backup(assessment, tracker):
    _set(tracker, "start_screening", owner="Park", due=dt.date(2027, 3, 31), status="Done")
    before = assessment.read_bytes()
    result = run_input("import-plan", tracker, assessment, "--packs", MINI, text="n\n")
    assert result.returncode == 1, result.stderr
    assert "start_screening" in result.stdout and "'Park'" in result.stdout
    assert "Nothing was changed." in result.stdout
    assert assessment.read_bytes() == before
    result = run_input("import-plan", tracker, assessment, "--packs", MINI, text="y\n")
    assert result.returncode == 0, result.stderr
    plan = json.loads(assessment.read_text(encoding="utf-8"))["plan"]
    assert plan["start_screening"] == {"owner": "Park", "due": "2027-03-31", "status": "done",
                                       "comment": ""}
    assert plan["apply_licence"] == MINI_ASSESSMENT["plan"]["apply_licence"]
    assert (assessment.parent / "hanbit.aitr.json.bak").read_bytes() == before
    again = run_input("import-plan", tracker, assessment, "--packs", MINI, "--yes")
    assert again.returncode == 0 and "Nothing to change" in again.stdout


def test_refused_cells_block_the_write_unless_the_rest_is_accepted(assessment, tracker):
    prefix = _set(tracker, "start_screening", owner="Park", due="soon")
    _set(tracker, "watch_bill", owner="Cho")
    before = assessment.read_bytes()
    result = run_input("import-plan", tracker, assessment, "--packs", MINI, "--yes")
    assert result.returncode == 2
    assert f"{prefix}J" in result.stdout and "'soon' is not a date" in result.stdout
    assert "--skip-refused" in result.stderr and "Traceback" not in result.stderr
    assert assessment.read_bytes() == before
    result = run_input("import-plan", tracker, assessment, "--packs", MINI, "--yes",
                       "--skip-refused")
    assert result.returncode == 0, result.stderr
    plan = json.loads(assessment.read_text(encoding="utf-8"))["plan"]
    assert "start_screening" not in plan           # its row was refused: nothing of it
    assert plan["watch_bill"]["owner"] == "Cho"
    only_refused = run_input("import-plan", tracker, assessment, "--packs", MINI, "--yes")
    assert only_refused.returncode == 2 and "Nothing was changed." in only_refused.stdout


def test_a_tracker_of_another_assessment_changes_nothing(assessment, tracker, tmp_path):
    other = write_assessment(tmp_path, dict(MINI_ASSESSMENT, schema_version=2, id="f" * 32),
                             "other.json")
    before = other.read_bytes()
    result = run_input("import-plan", tracker, other, "--packs", MINI, "--yes")
    assert result.returncode == 2 and "another assessment" in result.stderr
    assert "!B3" in result.stderr and other.read_bytes() == before


def test_messages_are_in_korean_on_a_korean_system(assessment, tracker):
    _set(tracker, "start_screening", status="Finished")
    _set(tracker, "watch_bill", owner="Cho")
    result = run_input("import-plan", tracker, assessment, "--packs", MINI, "--yes",
                       lang="ko_KR.UTF-8")
    assert result.returncode == 2
    assert "목록에 있는 상태가 아닙니다" in result.stdout
    assert "거부된 셀" in result.stderr


def test_import_answers_creates_or_updates_an_assessment(tmp_path):
    sheet = tmp_path / "questions.xlsx"
    assert run("blank", "--packs", MINI, "--lang", "en", "-o", sheet).returncode == 0
    book = openpyxl.load_workbook(sheet)
    ws = book[xlsx.sheet_name("questions", "en")]
    col = {c.value: c.column for c in ws[xlsx.HEADER_ROW]}
    rows = {ws.cell(r, col["Question ID"]).value: r for r in range(xlsx.FIRST_ROW,
                                                                   ws.max_row + 1)}
    ws.cell(rows["profile.customer_hq"], col["Your answer"]).value = "CN, SG"
    ws.cell(rows["chips.sells"], col["Your answer"]).value = "Yes"
    ws.cell(rows["chips.tops"], col["Your answer"]).value = 312
    ws.cell(rows["chips.tops"], col["Notes"]).value = "from the datasheet"
    book[xlsx.sheet_name("about", "en")]["B4"] = "Hanbit Semiconductor"
    book.save(sheet)
    out = tmp_path / "new.aitr.json"
    result = run_input("import-answers", sheet, "-o", out, "--packs", MINI, "--yes")
    assert result.returncode == 0, result.stderr
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["answers"] == {"profile.customer_hq": ["CN", "SG"], "chips.sells": "yes",
                                "chips.tops": 312}
    assert saved["notes"] == {"chips.tops": "from the datasheet"}
    assert saved["meta"]["company"] == "Hanbit Semiconductor"
    assert saved["meta"]["language"] == "en" and saved["id"]
    ws.cell(rows["chips.tops"], col["Your answer"]).value = "312 TOPS"
    ws.cell(rows["chips.sells"], col["Your answer"]).value = "No"
    book.save(sheet)
    before = out.read_bytes()
    result = run_input("import-answers", sheet, "-o", out, "--packs", MINI, "--yes")
    assert result.returncode == 2 and "'312 TOPS' is not a number" in result.stdout
    assert out.read_bytes() == before
    result = run_input("import-answers", sheet, "-o", out, "--packs", MINI, text="y\n")
    assert result.returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["answers"]["chips.sells"] == "no"
    assert (tmp_path / "new.aitr.json.bak").read_bytes() == before


def test_the_wrong_kind_of_workbook_is_refused(tracker, assessment, tmp_path):
    result = run_input("import-answers", tracker, "-o", tmp_path / "x.json", "--packs", MINI)
    assert result.returncode == 2 and "this is an action tracker" in result.stderr
    assert "import-plan" in result.stderr and not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("command, name", [
    (("report", "{a}", "--packs", MINI), "out.txt"),
    (("report", "{a}", "--packs", MINI), "out.docx.bak"),
    (("blank", "--packs", MINI), "questions.docx"),
    (("compare", "{a}", "{a}", "--packs", MINI), "changes.xlsx"),
])
def test_an_extension_the_command_does_not_write_is_refused(assessment, tmp_path, command,
                                                              name):
    out = tmp_path / name
    args = [str(assessment) if a == "{a}" else a for a in command]
    result = run(*args, "-o", out)
    assert result.returncode == 2, result.stdout
    assert "does not write" in result.stderr and "--format" in result.stderr
    assert not out.exists()
    for fmt in ("html", "pdf"):
        assert f"{fmt} (." in result.stderr


def test_the_new_formats_are_written_by_name_and_a_contradiction_is_refused(assessment,
                                                                            tmp_path):
    for name in ("report.docx", "report.xlsx"):
        out = tmp_path / name
        result = run("report", assessment, "--packs", MINI, "-o", out)
        assert result.returncode == 0, result.stderr
        assert out.read_bytes()[:2] == b"PK"
    out = tmp_path / "report.html"
    result = run("report", assessment, "--packs", MINI, "--format", "pdf", "-o", out)
    assert result.returncode == 2 and "not the format asked for" in result.stderr
    assert not out.exists()
    result = run("report", assessment, "--packs", MINI, "--format", "md", "-o",
                 tmp_path / "notes.txt")
    assert result.returncode == 0 and (tmp_path / "notes.txt").read_text().startswith("# ")
    result = run("report", assessment, "--packs", MINI, "--format", "docx")
    assert result.returncode == 2 and "written to a file only" in result.stderr
