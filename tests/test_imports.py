"""Imports you can see (issue 19): imports inside functions are either of the modules listed in
``wizard/deferred.py``, which neither start-up loads, or say beside them why they are there."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from wizard.deferred import DEFERRED, covers

WIZARD = ROOT / "wizard"

STARTUPS = {
    "wizard": ("from wizard.ui import app\n"
               "qapp = app.application()\n"
               "w = app.create_window()\n"
               "w.show(); qapp.processEvents()\n"),
    "command line": "from wizard.cli import build_parser\nbuild_parser()\n",
}


def _imported_names(node) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    names = []
    for alias in node.names:    # "from wizard.report import pdf" imports wizard.report.pdf
        full = f"{node.module}.{alias.name}"
        path = ROOT / full.replace(".", "/")
        names.append(full if path.with_suffix(".py").is_file() or path.is_dir() else node.module)
    return names


def _function_imports():
    for path in sorted(WIZARD.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for function in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if isinstance(node, (ast.Import, ast.ImportFrom)) \
                        and not getattr(node, "level", 0):
                    yield path, node.lineno, _imported_names(node), lines[node.lineno - 1]


def test_imports_inside_functions_are_listed_or_say_why():
    unexplained = [f"{path.relative_to(ROOT)}:{line}: {source.strip()}"
                   for path, line, names, source in _function_imports()
                   if not all(covers(name) for name in names) and "#" not in source]
    assert not unexplained, ("import these at the top, add the module to wizard/deferred.py, "
                             "or say beside the import why it waits:\n" + "\n".join(unexplained))


def test_every_listed_module_is_imported_somewhere_inside_a_function():
    used = {name for _p, _l, names, _s in _function_imports() for name in names}
    unused = [name for name in DEFERRED
              if not any(u == name or u.startswith(name + ".") for u in used)]
    assert not unused, unused


@pytest.mark.parametrize("startup", sorted(STARTUPS))
def test_no_listed_module_is_loaded_at_start_up(startup, tmp_path):
    code = STARTUPS[startup] + ("import sys, json\n"
                                "print(json.dumps(sorted(sys.modules)))\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               READINESS_CONFIG_DIR=str(tmp_path), READINESS_DATA_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    early = sorted(m for m in loaded if covers(m))
    assert not early, f"loaded at the {startup}'s start-up: {early}"
