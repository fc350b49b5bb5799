"""No code from data: conditions are parsed by the core, never eval'd; YAML is loaded safely;
report templates are never built from what a user typed. Each test looks for a side effect
(a file that code in the data would create, a number a template would compute) that must not
happen.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import MINI
from tests.robustness._support import assert_readable, run_cli
from wizard.core.content import load_content, validate_folder
from wizard.core.errors import ContentError

pytestmark = pytest.mark.slow  # renders hostile text into every report format



def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("where,old,new", [
    ("question show_if", "show_if: \"sells == 'yes'\"", "show_if: \"{code}\""),
    ("finding when", "when: \"sells == 'yes'\"", "when: \"{code}\""),
    ("pack applies_if", "applies_if: \"profile.activities has 'chips'\"",
     "applies_if: \"{code}\""),
])
def test_python_in_a_condition_is_a_validation_problem_and_never_runs(mini_dir, tmp_path, where,
                                                                      old, new):
    marker = tmp_path / "pwned"
    code = f"__import__('os').system('touch {marker}')"
    _edit(mini_dir, "chips.yaml", old, new.format(code=code))
    problems = validate_folder(mini_dir)
    text = "\n".join(map(str, problems))
    assert "chips.yaml" in text and where.split()[-1] in text, text
    for problem in problems:
        assert_readable(str(problem), "chips.yaml")
    with pytest.raises(ContentError):
        load_content(mini_dir)
    assert not marker.exists()


def test_python_in_a_condition_does_not_run_through_the_command_line(mini_dir, tmp_path):
    marker = tmp_path / "pwned-cli"
    _edit(mini_dir, "chips.yaml", "show_if: \"sells == 'yes'\"",
          f"show_if: \"__import__('os').system('touch {marker}') or sells == 'yes'\"")
    result = run_cli("validate", mini_dir)
    assert result.returncode == 1 and "show_if" in result.stderr
    assert "Traceback" not in result.stderr
    assert not marker.exists()


YAML_CODE = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/apply:subprocess.call [['touch', '{marker}']]",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/object/apply:builtins.exec [\"open('{marker}', 'w')\"]",
    "!!python/name:os.system",
    "!!python/module:os",
]


@pytest.mark.parametrize("tagged", YAML_CODE)
def test_python_tags_in_a_pack_are_refused_and_run_nothing(mini_dir, tmp_path, tagged):
    marker = tmp_path / "pwned-yaml"
    _edit(mini_dir, "chips.yaml", 'intro: {ko: "반도체", en: "Chips"}',
          "intro: " + tagged.format(marker=marker))
    problems = validate_folder(mini_dir)
    text = "\n".join(map(str, problems))
    assert "chips.yaml" in text and "not valid YAML" in text, text
    with pytest.raises(ContentError):
        load_content(mini_dir)
    assert not marker.exists()


def test_python_tags_do_not_run_through_the_command_line(mini_dir, tmp_path):
    marker = tmp_path / "pwned-yaml-cli"
    _edit(mini_dir, "profile.yaml", "order: 10",
          f"order: !!python/object/apply:os.system ['touch {marker}']")
    result = run_cli("validate", mini_dir)
    assert result.returncode == 1 and "profile.yaml" in result.stderr
    assert "not valid YAML" in result.stderr and "Traceback" not in result.stderr
    assert not marker.exists()


# -------------------------------------------------------------------------- templates

INJECT = "{{ 7*191 }} {% for x in range(3) %}LOOP{% endfor %} <b>bold</b> ${7*191} #{7*191}"
ASSESSMENT = {
    "format": "ai-trade-readiness-assessment", "schema_version": 1,
    "packs": {"profile": "1.0.0", "chips": "1.0.0"},
    "meta": {"company": "Hanbit {{ 7*191 }}", "assessor": "{% raw %}Kim{{ 7*191 }}",
             "date": "2026-11-23", "language": "both"},
    "answers": {"profile.activities": ["chips"], "profile.customer_hq": ["CN"],
                "chips.sells": "yes", "chips.tops": 312, "chips.bits": 16, "chips.die_area": 826},
    "notes": {"chips.sells": INJECT, "profile.activities": INJECT},
    "plan": {"apply_licence": {"owner": "{{ 7*191 }}", "comment": INJECT,
                               "status": "in_progress"}},
}


def _computed(text: str) -> list[str]:
    """What a template engine would have made of the user's text."""
    return [bad for bad in ("1337", "LOOPLOOP") if bad in text]


def _unmarkdown(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _report(tmp_path: Path, fmt: str) -> Path:
    path = tmp_path / "templated.aitr.json"
    path.write_text(json.dumps(ASSESSMENT, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / f"report.{fmt}"
    result = run_cli("report", path, "--packs", MINI, "--format", fmt, "-o", out)
    assert result.returncode == 0, result.stderr
    return out


def test_template_syntax_in_notes_stays_literal_in_json_and_markdown(tmp_path):
    data = json.loads(_report(tmp_path, "json").read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    assert INJECT in text and "Hanbit {{ 7*191 }}" in text
    assert _computed(text) == []
    md = _unmarkdown(_report(tmp_path, "md").read_text(encoding="utf-8"))
    assert "{{ 7*191 }} {% for x in range(3) %}LOOP{% endfor %}" in md
    assert "Hanbit {{ 7*191 }}" in md
    assert _computed(md) == []


def test_template_syntax_in_notes_stays_literal_in_html_and_pdf(tmp_path):
    html = _report(tmp_path, "html").read_text(encoding="utf-8")
    assert "{{ 7*191 }} {% for x in range(3) %}LOOP{% endfor %}" in html
    assert "Hanbit {{ 7*191 }}" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html   # escaped too
    assert _computed(html) == []
    pdf = _report(tmp_path, "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF's text")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, encoding="utf-8", timeout=60, check=True).stdout
    flat = " ".join(text.split())
    assert "Hanbit {{ 7*191 }}" in flat
    assert "{% for x in range(3) %}LOOP{%" in flat
    assert _computed(flat) == []
