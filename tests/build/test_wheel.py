"""``pip install .`` into a fresh virtual environment gives a working ``readiness-wizard`` with
the same packs as questionnaires/ and compiled catalogs that are really used.

The environment is ``python -m venv --system-site-packages`` (without pip; the test's own pip
installs into it with ``pip --python``): the dependencies (PySide6-Essentials is 350 MB) come
from the test environment instead of being downloaded again, while the program itself is built
(setup.py's build hook: packs copied, .po compiled to .mo) and installed as a real wheel into
the venv. The build runs in pip's isolated build environment as for a user, from a clean copy of
the sources, so a stale build/ folder of the checkout cannot leak into the wheel. Slow: about
20 s.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.build._bundle import ROOT, run
from tests.conftest import EXAMPLES, MINI

pytestmark = pytest.mark.slow

SOURCES = ("pyproject.toml", "setup.py", "README.md", "MANIFEST.in", "wizard", "questionnaires",
           "translations")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo", "_data", "*.egg-info")


def _bin(venv: Path, name: str) -> Path:
    folder = venv / ("Scripts" if sys.platform.startswith("win") else "bin")
    return folder / (f"{name}.exe" if sys.platform.startswith("win") else name)


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"
    source.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=IGNORE)
        elif path.is_file():
            shutil.copy2(path, source / name)
    target = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", "--system-site-packages",
                    str(target)], check=True, timeout=120)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(_bin(target, "python")), "install",
         "--no-input", "--disable-pip-version-check", str(source)],
        capture_output=True, text=True, timeout=600, cwd=base)
    assert result.returncode == 0, f"pip install . failed:\n{result.stdout[-3000:]}\n" \
                                   f"{result.stderr[-3000:]}"
    return target


@pytest.fixture
def env(venv, tmp_path) -> dict:
    """A user's shell with the venv activated: no PYTHONPATH, no checkout on the path."""
    home = tmp_path / "home"
    home.mkdir()
    path = os.pathsep.join([str(_bin(venv, "python").parent), "/usr/bin", "/bin"])
    result = {"PATH": path, "HOME": str(home), "LANG": "C.UTF-8", "VIRTUAL_ENV": str(venv),
              "QT_QPA_PLATFORM": "offscreen", "READINESS_CONFIG_DIR": str(home / "config"),
              "READINESS_CACHE_DIR": str(home / "cache")}
    for var in ("SYSTEMROOT", "WINDIR", "TEMP", "TMP"):
        if var in os.environ:
            result[var] = os.environ[var]
    return result


PROBE = """
import json, sys
import wizard
from wizard import i18n, paths
msgids = json.loads(sys.argv[1])
print(json.dumps({
    "package": wizard.__file__,
    "questionnaires": str(paths.questionnaires_dir()),
    "translations": str(paths.translations_dir()),
    "templates": str(paths.templates_dir()),
    "fonts": str(paths.fonts_dir()),
    "catalogs": {lang: type(i18n.translations(lang)).__name__ for lang in ("ko", "en")},
    "ko": {m: i18n.translate(m, "ko") for m in msgids},
}))
"""


def test_the_installed_package_has_its_data_and_uses_compiled_catalogs(venv, env, tmp_path):
    from tests.i18n.catalogs import PO, read_catalog

    known = {m.id: m.string for m in read_catalog(PO["ko"]) if m.id and m.string
             and isinstance(m.id, str) and "{" not in m.id}
    msgids = sorted(known)[:30]
    assert msgids, "the Korean catalog has no translations"
    result = run([_bin(venv, "python"), "-c", PROBE, json.dumps(msgids)], cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)

    package = Path(facts["package"]).parent
    assert package.is_relative_to(venv), f"imported {package}, not the installed package"
    data = package / "_data"
    assert Path(facts["questionnaires"]) == data / "questionnaires"
    assert Path(facts["translations"]) == data / "translations"
    for lang in ("ko", "en"):
        folder = data / "translations" / lang / "LC_MESSAGES"
        assert (folder / "wizard.mo").is_file()
        assert not (folder / "wizard.po").exists(), "only compiled catalogs go into the wheel"
    assert facts["catalogs"] == {"ko": "GNUTranslations", "en": "GNUTranslations"}
    assert facts["ko"] == {m: known[m] for m in msgids}
    # the installed .mo files were read, not a .po compiled on the fly into the cache
    assert not list(Path(env["READINESS_CACHE_DIR"]).glob("**/*.mo"))

    for other in (ROOT / "translations").rglob("*"):  # countries.json, ...
        if other.is_file() and other.suffix not in (".po", ".pot", ".mo"):
            name = other.relative_to(ROOT / "translations").as_posix()
            assert (data / "translations" / name).read_bytes() == other.read_bytes(), name
    assert not list((data / "translations").glob("*.pot"))

    installed = {p.name: p.read_bytes() for p in (data / "questionnaires").glob("*.yaml")}
    packs = {p.name: p.read_bytes() for p in (ROOT / "questionnaires").glob("*.yaml")}
    assert packs and installed == packs, "the wheel's packs differ from questionnaires/"
    templates = ROOT / "wizard" / "report" / "templates"
    assert sorted(p.name for p in Path(facts["templates"]).iterdir()) == \
        sorted(p.name for p in templates.iterdir() if p.is_file())
    assert sorted(p.name for p in Path(facts["fonts"]).iterdir()) == \
        sorted(p.name for p in (ROOT / "wizard" / "assets" / "fonts").iterdir())
    assert sorted(p.name for p in (package / "assets" / "keys").iterdir()) == \
        sorted(p.name for p in (ROOT / "wizard" / "assets" / "keys").iterdir())


def test_the_command_works(venv, env, tmp_path):
    from wizard import __version__

    exe = _bin(venv, "readiness-wizard")
    result = run([exe, "--version"], cwd=tmp_path, env=env)
    assert result.returncode == 0 and result.stdout.strip() == f"readiness-wizard {__version__}"
    result = run([exe, "validate"], cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout and "_data" in result.stdout


def _assessments(tmp_path: Path) -> list[tuple[Path, list]]:
    from tests.build.test_bundle import MINI_ASSESSMENT

    path = tmp_path / "mini.json"
    path.write_text(json.dumps(MINI_ASSESSMENT, ensure_ascii=False), encoding="utf-8")
    cases = [(path, ["--packs", str(MINI)])]
    examples = sorted(EXAMPLES.glob("*.json")) if EXAMPLES.is_dir() else []
    return cases + [(examples[0], [])] if examples else cases


def test_reports_match_the_source_checkout(venv, env, tmp_path):
    from wizard.cli import main

    exe = _bin(venv, "readiness-wizard")
    for n, (assessment, extra) in enumerate(_assessments(tmp_path)):
        for fmt in ("md", "json"):
            args = ["report", str(assessment), "--format", fmt, "--lang", "ko", *extra]
            out, ref = tmp_path / f"{n}.wheel.{fmt}", tmp_path / f"{n}.source.{fmt}"
            result = run([exe, *args, "-o", out], cwd=tmp_path, env=env)
            assert result.returncode == 0, result.stderr
            assert main([*args, "-o", str(ref)]) == 0
            assert out.read_text(encoding="utf-8") == ref.read_text(encoding="utf-8"), \
                f"{assessment.name} {fmt}"
