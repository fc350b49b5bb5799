"""The command line end to end, through a real subprocess, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.core.localize import date_text

from tests.conftest import MINI, ROOT

pytestmark = pytest.mark.slow  # runs the command line in subprocesses

GOOD = {"format": "ai-trade-readiness-assessment", "schema_version": 1,
        "packs": {"profile": "1.0.0", "chips": "1.0.0"},
        "meta": {"company": "Hanbit <Semi>", "assessor": "Kim", "date": "2026-11-23",
                 "language": "en"},
        "answers": {"profile.activities": ["chips"], "profile.customer_hq": ["CN"],
                    "chips.sells": "yes", "chips.tops": 312, "chips.bits": 16,
                    "chips.die_area": 826},
        "notes": {"chips.sells": "<script>alert(1)</script> {{ 7*7 }}"}}


def run(*args, cwd=None, lang="C.UTF-8"):
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", LC_ALL=lang)
    return subprocess.run([sys.executable, "-m", "wizard", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=cwd or ROOT, timeout=120)


def _assessment(tmp_path: Path, data=None, name="a.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data or GOOD, ensure_ascii=False), encoding="utf-8")
    return path


def _no_traceback(result):
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


def test_version_and_help():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("readiness-wizard ")
    result = run("--help")
    assert result.returncode == 0
    for command in ("validate", "report", "open"):
        assert command in result.stdout


def test_validate_clean_and_broken(tmp_path):
    result = run("validate", MINI)
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout
    broken = tmp_path / "packs"
    broken.mkdir()
    for src in MINI.glob("*.yaml"):
        (broken / src.name).write_text(src.read_text(encoding="utf-8").replace(
            "actions: [watch_bill]", "actions: [gone]"), encoding="utf-8")
    result = run("validate", broken)
    assert result.returncode == 1
    assert "chips.yaml:" in result.stderr and "unknown action 'gone'" in result.stderr
    assert "2 problems in" in result.stderr
    _no_traceback(result)


def test_report_json_to_stdout_and_file(tmp_path):
    path = _assessment(tmp_path)
    result = run("report", path, "--packs", MINI, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [f["id"] for f in data["findings"]][0] == "hq_licence"
    out = tmp_path / "report.json"
    result = run("report", path, "--packs", MINI, "-o", out)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == data


def test_report_markdown_in_every_language(tmp_path):
    path = _assessment(tmp_path)
    for lang in ("ko", "en", "both"):
        result = run("report", path, "--packs", MINI, "--format", "md", "--lang", lang)
        assert result.returncode == 0, result.stderr
        assert "15 CFR 742.6(a)(6)(iii)(A)" in result.stdout
        for lg in (("ko", "en") if lang == "both" else (lang,)):
            assert date_text("2026-11-23", lg) in result.stdout   # as of, in its own style
            assert date_text("2027-05-31", lg) in result.stdout   # review by
        if lang != "en":
            assert "본사 규정" in result.stdout
        if lang != "ko":
            assert "Headquarters rule" in result.stdout
    assert "Hanbit \\<Semi\\>" in run("report", path, "--packs", MINI, "--format",
                                      "md").stdout


def test_existing_output_is_not_overwritten_without_force(tmp_path):
    path = _assessment(tmp_path)
    out = tmp_path / "report.md"
    out.write_text("keep me", encoding="utf-8")
    result = run("report", path, "--packs", MINI, "--format", "md", "-o", out)
    assert result.returncode == 2 and "already exists" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    result = run("report", path, "--packs", MINI, "--format", "md", "-o", out, "--force")
    assert result.returncode == 0 and out.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize("content,message", [
    (None, "no such file"),
    (b"{broken", "not valid JSON"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (json.dumps({**GOOD, "answers": {"chips.sells": 3}}).encode(), "use yes, no or unsure"),
    (json.dumps({**GOOD, "answers": {"chips.unknown": "yes"}}).encode(), "unknown question"),
    (json.dumps({**GOOD, "answers": {"chips.bits": 1000}}).encode(), "above the maximum"),
    (json.dumps({**GOOD, "answers": {"profile.activities": ["x"]}}).encode(), "not an option"),
    (json.dumps({**GOOD, "schema_version": 99}).encode(), "newer version"),
])
def test_bad_assessments_exit_2_with_a_message_and_write_nothing(tmp_path, content, message):
    path = tmp_path / "in.json"
    if content is not None:
        path.write_bytes(content)
    out = tmp_path / "out.json"
    result = run("report", path, "--packs", MINI, "-o", out)
    assert result.returncode == 2
    assert message in result.stderr
    _no_traceback(result)
    assert not out.exists()


def test_a_korean_system_gets_the_message_in_korean(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps({**GOOD, "answers": {"chips.bits": 1000}}), encoding="utf-8")
    result = run("report", path, "--packs", MINI, lang="ko_KR.UTF-8")
    assert result.returncode == 2 and "최댓값" in result.stderr and "in.json" in result.stderr
    _no_traceback(result)


def test_a_50_mb_file_is_refused(tmp_path):
    path = tmp_path / "big.json"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    result = run("report", path, "--packs", MINI)
    assert result.returncode == 2 and "at most 10 MB" in result.stderr
    _no_traceback(result)


def test_bad_arguments_exit_2():
    result = run("report")
    assert result.returncode == 2 and "ASSESSMENT" in result.stderr
    result = run("report", "x.json", "--format", "odt")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_korean_paths_with_spaces(tmp_path):
    folder = tmp_path / "고객사 평가 자료"
    folder.mkdir()
    path = _assessment(folder, name="한빛 반도체.json")
    out = folder / "보고서 최종.md"
    result = run("report", path, "--packs", MINI, "--format", "md", "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize("args,tpp,verdict", [
    (("--tops", 312, "--bits", 16, "--die-area", 826), 4992, "3A090.a"),        # A100
    (("--tops", 989, "--bits", 16, "--die-area", 814), 15824, "3A090.a"),       # H100 SXM
    (("--tops", 148, "--bits", 16, "--die-area", 814), 2368, "none"),           # H20
    (("--tops", 660.6, "--bits", 8, "--die-area", 609), 5284.8, "3A090.a"),     # RTX 4090
])
def test_classify_chip_matches_published_figures(args, tpp, verdict):
    result = run("classify-chip", *args, "--format", "json", "--lang", "en")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"tpp", "performance_density", "classification", "notes"}
    assert data["tpp"] == pytest.approx(tpp, rel=0.01)
    assert data["classification"] == verdict
    if verdict == "none":
        assert any("is-informed" in note for note in data["notes"])


def test_calculators_show_working_and_refuse_bad_figures():
    result = run("classify-chip", "--tops", 312, "--bits", 16, "--die-area", 826, "--lang", "en")
    assert result.returncode == 0 and "2 x 156 x 16 = 4,992" in result.stdout
    for bad in (("--tops", -5, "--bits", 16), ("--tops", 312, "--bits", 16, "--die-area", 0)):
        result = run("classify-chip", *bad)
        assert result.returncode == 2 and "must be greater than 0" in result.stderr
        _no_traceback(result)
    result = run("classify-chip", "--tops", "lots", "--bits", 16)
    assert result.returncode == 2 and "not a number" in result.stderr
    result = run("training-compute", "--parameters", 70, "--tokens", 15000, "--lang", "en")
    assert result.returncode == 0 and "6.3 x 10^24" in result.stdout
    result = run("bulk-data", "--human-genomic", 101, "--format", "json")
    assert json.loads(result.stdout)["over"] == ["human_genomic"]


def test_report_on_a_date_and_the_content_age_in_the_user_s_language(tmp_path):
    """``--on`` evaluates every status on that day; past the content's review-by date the
    command says so on standard error, in Korean under a Korean locale."""
    path = _assessment(tmp_path)
    result = run("report", path, "--packs", MINI, "--format", "json", "--on", "2026-12-03")
    assert result.returncode == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert data["evaluation"] == {"date": "2026-12-03", "basis": "option"}
    late = run("report", path, "--packs", MINI, "--format", "json", "--on", "2027-09-01",
               lang="ko_KR.UTF-8")
    assert late.returncode == 0 and json.loads(late.stdout)["content"]["age"]["stale"]
    assert "최신이 아닌 내용" in late.stderr and "2027년 5월 31일" in late.stderr
    english = run("report", path, "--packs", MINI, "--format", "md", "--on", "2027-09-01")
    assert "Out-of-date content" in english.stderr
    bad = run("report", path, "--packs", MINI, "--on", "3 December")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
    _no_traceback(bad)
