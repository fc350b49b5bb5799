"""The shape the code must keep: a Qt-free core, no code from data, one place for paths."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

WIZARD = ROOT / "wizard"


def test_core_does_not_import_qt():
    code = ("import sys, wizard.core.engine, wizard.core.content, wizard.core.assessment, "
            "wizard.core.expr, wizard.core.calculators, wizard.cli, wizard.report.markdown, "
            "wizard.core.frameworks, wizard.core.plan_import, wizard.core.answer_import, "
            "wizard.core.bizno, wizard.report.xlsx, wizard.report.xlsx_read, "
            "wizard.core.clients, wizard.core.recheck, wizard.core.quick_read\n"
            "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))\n"
            "print(','.join(bad))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def _python_files():
    return sorted(p for p in WIZARD.rglob("*.py") if "_data" not in p.parts)


def test_no_eval_or_exec_in_the_program():
    # builtins only: Qt's dialog.exec() / app.exec() are method calls, not code execution
    pattern = re.compile(r"(?<![.\w])(eval|exec)\s*\(|(?<![.\w])compile\s*\(.*['\"]eval['\"]")
    offenders = [str(p) for p in _python_files() if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_only_paths_module_knows_about_the_bundle():
    offenders = [str(p) for p in _python_files()
                 if "_MEIPASS" in p.read_text(encoding="utf-8") and p.name != "paths.py"]
    assert offenders == []


def test_yaml_is_only_loaded_safely():
    for path in _python_files():
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"yaml\.(load|unsafe_load|full_load)\(([^)]*)", text):
            assert match.group(1) == "load" and "Loader=_LineLoader" in match.group(2), path


def test_no_hangul_in_program_code():
    hangul = re.compile("[\uac00-\ud7a3]")
    offenders = [str(p) for p in _python_files() if hangul.search(p.read_text(encoding="utf-8"))]
    assert offenders == [], "user strings belong in translations/ or questionnaires/"
