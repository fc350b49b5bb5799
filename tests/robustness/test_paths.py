"""Folders and files with Korean names and spaces work for open, save and export (core and
command line), and an export never replaces an existing file without --force.

The command line runs in this process (``wizard.cli.main``) except for PDF, which needs a Qt
application and so runs in a subprocess (a QGuiApplication made here would break the GUI
tests that need a QApplication).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import MINI
from tests.robustness._support import run_cli
from wizard.cli import main
from wizard.core.assessment import (load_assessment, new_assessment, save_assessment,
                                    set_answer)
from wizard.core.content import load_content, validate_folder
from wizard.core.storage import backup_path

TEXT_FORMATS = ("json", "md", "html", "csv")
ASSESSMENT = {
    "format": "ai-trade-readiness-assessment", "schema_version": 1,
    "packs": {"profile": "1.0.0", "chips": "1.0.0"},
    "meta": {"company": "한빛 반도체 (주)", "assessor": "김 상담사", "date": "2026-11-23",
             "language": "both"},
    "answers": {"profile.activities": ["chips"], "profile.customer_hq": ["CN"],
                "chips.sells": "yes", "chips.tops": 312, "chips.bits": 16, "chips.die_area": 826},
    "plan": {"apply_licence": {"owner": "이 재무", "status": "in_progress"}},
}


@pytest.fixture
def korean(tmp_path) -> Path:
    folder = tmp_path / "고객사 자료" / "2026년 11월 평가 (최종)"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def korean_packs(korean) -> Path:
    packs = korean / "질문 팩 모음"
    shutil.copytree(MINI, packs)
    return packs


def _assessment(folder: Path, name: str = "한빛 반도체 평가.aitr.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(ASSESSMENT, ensure_ascii=False), encoding="utf-8")
    return path


def _cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


# -------------------------------------------------------------------------------- core

def test_open_and_save_in_a_korean_folder_with_spaces(korean, korean_packs):
    content = load_content(korean_packs)
    assert validate_folder(korean_packs) == []
    path = _assessment(korean)
    loaded = load_assessment(path, content)
    assert loaded.assessment.meta.company == "한빛 반도체 (주)"
    target = korean / "저장 사본 (1).aitr.json"
    save_assessment(target, loaded.assessment)
    changed = load_assessment(target, content).assessment
    set_answer(changed, content, "chips.kyc", "no")
    save_assessment(target, changed)
    assert load_assessment(target, content).assessment.answers["chips.kyc"] == "no"
    assert "chips.kyc" not in json.loads(backup_path(target).read_text(encoding="utf-8"))[
        "answers"]
    assert sorted(p.name for p in korean.iterdir() if p.name.startswith(".")) == []


def test_a_new_assessment_saves_into_a_korean_folder(korean, mini_content):
    target = korean / "새 평가.aitr.json"
    save_assessment(target, new_assessment(mini_content))
    assert load_assessment(target, mini_content).assessment.answers == {}


# ------------------------------------------------------------------------ command line

def test_validate_and_every_export_work_with_korean_folders_and_spaces(capsys, korean,
                                                                     korean_packs):
    code, out, err = _cli(capsys, "validate", korean_packs)
    assert code == 0 and "no problems" in out, err
    path = _assessment(korean)
    for fmt in TEXT_FORMATS:
        out_path = korean / f"보고서 최종본.{fmt}"
        code, _, err = _cli(capsys, "report", path, "--packs", korean_packs, "--format", fmt,
                            "-o", out_path)
        assert code == 0, err
        assert out_path.stat().st_size > 0
    report = json.loads((korean / "보고서 최종본.json").read_text(encoding="utf-8"))
    assert report["meta"]["company"] == "한빛 반도체 (주)"
    assert "한빛 반도체 (주)" in (korean / "보고서 최종본.md").read_text(encoding="utf-8")
    code, _, err = _cli(capsys, "blank", "--packs", korean_packs, "--format", "html", "-o",
                        korean / "빈 질문지.html")
    assert code == 0, err
    code, _, err = _cli(capsys, "compare", path, path, "--packs", korean_packs, "-o",
                        korean / "비교 결과.md")
    assert code == 0, err


@pytest.mark.slow
def test_pdf_export_works_with_korean_folders_and_spaces(korean, korean_packs):
    out = korean / "보고서 최종본.pdf"
    result = run_cli("report", _assessment(korean), "--packs", korean_packs, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    # and it too is never replaced without --force
    before = out.read_bytes()
    result = run_cli("report", _assessment(korean), "--packs", korean_packs, "-o", out)
    assert result.returncode == 2 and "already exists" in result.stderr
    assert out.read_bytes() == before


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_an_export_never_replaces_a_file_without_force(capsys, korean, korean_packs, fmt):
    path = _assessment(korean)
    out = korean / f"이미 있는 파일.{fmt}"
    out.write_text("keep me", encoding="utf-8")
    code, _, err = _cli(capsys, "report", path, "--packs", korean_packs, "--format", fmt,
                        "-o", out)
    assert code == 2 and "already exists" in err and "--force" in err
    assert str(out) in err
    assert out.read_text(encoding="utf-8") == "keep me"
    code, _, err = _cli(capsys, "report", path, "--packs", korean_packs, "--format", fmt,
                        "-o", out, "--force")
    assert code == 0, err
    assert out.read_text(encoding="utf-8-sig") != "keep me"
    assert not backup_path(out).exists()            # exports are not backed up, only replaced


def test_blank_and_compare_never_replace_a_file_without_force(capsys, korean, korean_packs):
    path = _assessment(korean)
    for args, name in ((["blank", "--packs", korean_packs, "--format", "html"], "빈.html"),
                       (["compare", path, path, "--packs", korean_packs], "비교.md")):
        out = korean / name
        out.write_text("keep me", encoding="utf-8")
        code, _, err = _cli(capsys, *args, "-o", out)
        assert code == 2 and "already exists" in err, err
        assert out.read_text(encoding="utf-8") == "keep me"


def test_a_failed_export_leaves_the_existing_file_even_with_force(capsys, korean,
                                                                  korean_packs):
    bad = korean / "망가진 평가.json"
    bad.write_text('{"format": "ai-trade-readiness-assessment", "schema_version": 1, '
                   '"answers": {"chips.sells": 3}}', encoding="utf-8")
    out = korean / "보고서.md"
    out.write_text("keep me", encoding="utf-8")
    code, _, err = _cli(capsys, "report", bad, "--packs", korean_packs, "--format", "md",
                        "-o", out, "--force")
    assert code == 2 and str(bad) in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in korean.iterdir() if p.name.startswith(".")) == []


def test_export_to_a_folder_or_into_a_missing_folder_is_refused(capsys, korean, korean_packs):
    path = _assessment(korean)
    code, _, err = _cli(capsys, "report", path, "--packs", korean_packs, "--format", "md",
                        "-o", korean)
    assert code == 2 and "is a folder" in err
    missing = korean / "없는 폴더" / "보고서.md"
    code, _, err = _cli(capsys, "report", path, "--packs", korean_packs, "--format", "md",
                        "-o", missing, "--force")
    assert code == 2 and "does not exist" in err
    assert not missing.parent.exists()


def test_the_command_line_runs_from_a_korean_working_folder_with_relative_paths(korean,
                                                                               korean_packs):
    _assessment(korean, "평가.json")
    result = run_cli("report", "평가.json", "--packs", korean_packs.name, "--format", "md",
                     "-o", "상대 경로 보고서.md", cwd=korean)
    assert result.returncode == 0, result.stderr
    assert (korean / "상대 경로 보고서.md").read_text(encoding="utf-8").startswith("# ")
    assert os.path.isdir(korean)
