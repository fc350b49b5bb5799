"""The report, blank and compare commands as a user runs them (real subprocesses)."""

from __future__ import annotations

import copy
import json

import pytest

from tests.cli.test_cli import run
from tests.conftest import MINI
from tests.report.conftest import MINI_ASSESSMENT, needs_poppler, pdf_text, write_assessment

pytestmark = pytest.mark.slow  # runs the command line in subprocesses


@pytest.fixture
def assessment(tmp_path):
    return write_assessment(tmp_path, MINI_ASSESSMENT)


def test_every_format_to_a_file_chosen_by_extension(assessment, tmp_path):
    for suffix in ("html", "pdf", "md", "csv", "json"):
        out = tmp_path / f"report.{suffix}"
        result = run("report", assessment, "--packs", MINI, "--lang", "both", "-o", out)
        assert result.returncode == 0, result.stderr
        data = out.read_bytes()
        assert data, suffix
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "report.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))


def test_pdf_is_refused_on_standard_output(assessment):
    result = run("report", assessment, "--packs", MINI, "--format", "pdf")
    assert result.returncode == 2
    assert "written to a file only" in result.stderr and "-o" in result.stderr
    assert result.stdout == ""


def test_html_to_standard_output_and_no_overwrite(assessment, tmp_path):
    result = run("report", assessment, "--packs", MINI, "--format", "html", "--lang", "en")
    assert result.returncode == 0 and "<html lang=\"en\">" in result.stdout
    out = tmp_path / "r.csv"
    out.write_text("keep", encoding="utf-8")
    result = run("report", assessment, "--packs", MINI, "-o", out)
    assert result.returncode == 2 and "already exists" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep"


@needs_poppler
def test_blank_command(tmp_path):
    out = tmp_path / "blank.pdf"
    result = run("blank", "--packs", MINI, "--lang", "en", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "Answer only if question 6 is" in pdf_text(out)
    result = run("blank", "--packs", MINI, "--pack", "chips", "--lang", "en", "--format", "html")
    assert result.returncode == 0 and "What do you do?" in result.stdout
    result = run("blank", "--packs", MINI, "--pack", "nope", "--format", "html")
    assert result.returncode == 2 and "unknown pack 'nope'" in result.stderr
    result = run("blank", "--packs", MINI)
    assert result.returncode == 2 and "written to a file only" in result.stderr


def test_compare_command(tmp_path):
    old = write_assessment(tmp_path, MINI_ASSESSMENT, "old.json")
    newer = copy.deepcopy(MINI_ASSESSMENT)
    newer["answers"]["profile.screening"] = "yes"
    new = write_assessment(tmp_path, newer, "new.json")
    result = run("compare", old, new, "--packs", MINI, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "## Findings resolved" in result.stdout and "No screening" in result.stdout
    out = tmp_path / "cmp.html"
    result = run("compare", old, new, "--packs", MINI, "-o", out)
    assert result.returncode == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE")
