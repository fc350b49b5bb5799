"""``readiness-wizard evidence`` as a user runs it (real subprocesses): add a file and a
reference, list, check (exit 0 when every file is good, 1 when one is missing or altered),
remove; saves keep a .bak; refusals are one line, exit 2, in Korean under a Korean locale;
and every report format lists the evidence with its full SHA-256 and state."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from tests.cli.test_cli import run
from tests.conftest import MINI
from tests.report.conftest import MINI_ASSESSMENT, pdf_text, write_assessment

pytestmark = pytest.mark.slow  # runs the command line in subprocesses

def _edit(path, data: bytes) -> None:
    """Someone edits a stored copy (stored read-only, as a careful user would find it)."""
    path.chmod(0o600)
    path.write_bytes(data)



@pytest.fixture
def assessment(tmp_path):
    folder = tmp_path / "clients"
    folder.mkdir()
    return write_assessment(folder, dict(MINI_ASSESSMENT), "hanbit.aitr.json")


@pytest.fixture
def memo(tmp_path):
    path = tmp_path / "classification memo.pdf"
    path.write_bytes(b"%PDF-1.7 memo for 3A090")
    return path


def _evidence(*args):
    return run("evidence", *args, "--packs", MINI)


def test_add_list_check_remove(assessment, memo, tmp_path):
    digest = hashlib.sha256(memo.read_bytes()).hexdigest()
    added = _evidence("add", assessment, "--question", "chips.sells", "--file", memo,
                      "--note", "signed by the CCO")
    assert added.returncode == 0, added.stderr
    assert f"hanbit.aitr.evidence/{digest}.pdf" in added.stdout
    assert (assessment.parent / "hanbit.aitr.json.bak").exists()
    stored = assessment.parent / "hanbit.aitr.evidence" / f"{digest}.pdf"
    assert stored.read_bytes() == memo.read_bytes()
    ref = _evidence("add", assessment, "--action", "apply_licence", "--reference",
                    "CM-2026-014, binder 3")
    assert ref.returncode == 0, ref.stderr
    saved = json.loads(assessment.read_text(encoding="utf-8"))
    assert saved["schema_version"] == 3
    assert saved["evidence"]["question:chips.sells"][0]["sha256"] == digest

    listed = _evidence("list", assessment)
    assert listed.returncode == 0
    assert "1. classification memo.pdf (23 B, added " in listed.stdout
    assert f"SHA-256 {digest}: present" in listed.stdout
    assert "note: signed by the CCO" in listed.stdout
    assert "1. reference: CM-2026-014, binder 3" in listed.stdout
    assert "1 present, 0 missing, 0 altered, 1 reference(s)" in listed.stdout

    good = _evidence("check", assessment)
    assert good.returncode == 0 and "every evidence file is present and unchanged" in good.stdout

    _edit(stored, b"edited afterwards")
    altered = _evidence("check", assessment)
    assert altered.returncode == 1, altered.stdout
    assert ": altered" in altered.stdout and "1 evidence file is missing or altered" in \
        altered.stdout
    stored.unlink()
    missing = _evidence("check", assessment)
    assert missing.returncode == 1 and ": missing" in missing.stdout

    removed = _evidence("remove", assessment, "--action", "apply_licence", "1")
    assert removed.returncode == 0, removed.stderr
    assert "action:apply_licence" not in json.loads(assessment.read_text())["evidence"]


def test_the_file_goes_after_the_save_without_it_and_never_while_used(assessment, memo):
    for target in (("--question", "chips.sells"), ("--action", "apply_licence")):
        assert _evidence("add", assessment, *target, "--file", memo).returncode == 0
    stored = next((assessment.parent / "hanbit.aitr.evidence").iterdir())
    assert _evidence("remove", assessment, "--question", "chips.sells", "1").returncode == 0
    assert stored.exists()                               # the action still uses it
    assert _evidence("remove", assessment, "--action", "apply_licence", "1").returncode == 0
    assert not stored.exists() and memo.exists()


@pytest.mark.parametrize("args, message", [
    (("--question", "chips.nope", "--reference", "x"), "chips.nope: no such question"),
    (("--action", "nope", "--reference", "x"), "nope: no such plan action"),
    (("--question", "chips.sells", "--reference", "  "), "the reference is empty"),
    (("--question", "chips.sells", "--file", "/no/such.pdf"), "/no/such.pdf: no such file"),
])
def test_refusals_are_one_line_and_change_nothing(assessment, args, message):
    before = assessment.read_bytes()
    result = _evidence("add", assessment, *args)
    assert result.returncode == 2, result.stdout
    assert message in result.stderr and "Traceback" not in result.stderr
    assert assessment.read_bytes() == before


def test_korean_and_help(assessment, memo):
    _evidence("add", assessment, "--question", "chips.sells", "--file", memo)
    result = run("evidence", "check", assessment, "--packs", MINI, lang="ko_KR.UTF-8")
    assert result.returncode == 0 and "\uc815\uc0c1" in result.stdout   # "present"
    refused = run("evidence", "add", assessment, "--packs", MINI, "--action", "nope",
                  "--reference", "x", lang="ko_KR.UTF-8")
    assert refused.returncode == 2 and "\uc870\uce58" in refused.stderr  # "action"
    helped = run("evidence", "--help")
    assert helped.returncode == 0 and "check" in helped.stdout and "SHA-256" in helped.stdout
    usage = run("evidence", "add", assessment, "--file", memo)
    assert usage.returncode == 2 and "--question" in usage.stderr


def test_reports_list_the_evidence_with_hashes_and_state(assessment, memo, tmp_path):
    digest = hashlib.sha256(memo.read_bytes()).hexdigest()
    _evidence("add", assessment, "--question", "chips.sells", "--file", memo)
    other = tmp_path / "log.xlsx"
    other.write_bytes(b"screening log")
    _evidence("add", assessment, "--action", "apply_licence", "--file", other)
    altered_digest = hashlib.sha256(b"screening log").hexdigest()
    _edit(assessment.parent / "hanbit.aitr.evidence" / f"{altered_digest}.xlsx", b"x")
    out = tmp_path / "out"
    out.mkdir()
    for fmt in ("json", "md", "html", "docx", "pdf"):
        target = out / f"r.{fmt}"
        result = run("report", assessment, "--packs", MINI, "--lang", "en", "-o", target)
        assert result.returncode == 0, result.stderr
        if fmt == "docx":
            with zipfile.ZipFile(target) as docx:
                text = docx.read("word/document.xml").decode("utf-8")
        elif fmt == "pdf":
            text = pdf_text(target)
        else:
            text = target.read_text(encoding="utf-8")
        assert digest in text and altered_digest in text, fmt
        if fmt == "json":
            rows = json.loads(text)["evidence"]
            assert [(r["target"], r["id"], r["status"]) for r in rows] == [
                ("question", "chips.sells", "present"), ("action", "apply_licence", "altered")]
        else:
            assert "Evidence" in text and "altered" in text and "present" in text, fmt
    summary = run("report", assessment, "--packs", MINI, "--lang", "en", "--detail", "summary",
                  "--format", "md", "-o", "-")
    assert summary.returncode == 0 and digest not in summary.stdout
    assert "| **Evidence items** | 2 |" in summary.stdout          # the short form: counts
    assert "| **Evidence files missing or altered** | 1 |" in summary.stdout
