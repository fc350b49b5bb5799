"""The PyInstaller one-folder program, built from build.spec and run as a user runs it: no
Python on PATH, no PYTHONPATH, a temporary working folder.

Slow (a cold build takes about 30 s here, a cached one none); set READINESS_SKIP_BUNDLE=1 to
skip. The build is cached by a hash of its inputs (tests/build/_bundle.py).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.build import _bundle
from tests.build._bundle import NAME, ROOT, clean_env, exe_name, files_of, run, run_source
from tests.conftest import EXAMPLES, MINI

pytestmark = [pytest.mark.slow, pytest.mark.bundle]

HANGUL = re.compile("[\uac00-\ud7a3]")

# A hand-built assessment of the small test packs: a critical finding, a watch item, a
# calculator input, countries and a note with characters that must stay text.
MINI_ASSESSMENT = {
    "format": "ai-trade-readiness-assessment", "schema_version": 1,
    "packs": {"profile": "1.0.0", "chips": "1.0.0"},
    "meta": {"company": "Hanbit <Semi> & Co.", "assessor": "Kim", "date": "2026-11-23",
             "language": "ko"},
    "answers": {"profile.activities": ["chips"], "profile.customer_hq": ["CN", "SG"],
                "profile.screening": "no", "chips.sells": "yes", "chips.tops": 312,
                "chips.bits": 16, "chips.die_area": 826},
    "notes": {"chips.sells": "<script>alert(1)</script> {{ 7*7 }}"},
}


@pytest.fixture(scope="module")
def bundle() -> Path:
    import os

    if os.environ.get(_bundle.SKIP_ENV) == "1":
        pytest.skip(f"{_bundle.SKIP_ENV}=1")
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is not installed: pip install -e '.[test]' "
                    f"(or set {_bundle.SKIP_ENV}=1 to skip the bundle tests)")
    if sys.platform.startswith("linux") and not shutil.which("objcopy"):
        pytest.fail("PyInstaller needs binutils (objcopy, objdump, strip) on Linux: "
                    f"apt-get install binutils (or set {_bundle.SKIP_ENV}=1)")
    folder, facts = _bundle.build_bundle()
    print(f"\nbundle: {folder} ({'cached' if facts['cached'] else 'built'}; "
          f"build {facts['seconds']} s)")
    return folder


@pytest.fixture
def home(tmp_path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def _mini_assessment(tmp_path: Path) -> Path:
    path = tmp_path / "mini assessment 한빛.json"
    path.write_text(json.dumps(MINI_ASSESSMENT, ensure_ascii=False), encoding="utf-8")
    return path


def _formats() -> tuple[str, ...]:
    from wizard.cli.report_cmds import FORMATS

    return tuple(FORMATS)


TEXT_FORMATS = ("json", "md", "html", "csv")
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json")) if EXAMPLES.is_dir() else []
# Every text format in Korean on the hand-built assessment (test packs, --packs), the prose
# formats in every language, and each example assessment (built-in packs) as JSON and Korean
# Markdown.
REPORT_CASES = (
    [("mini", fmt, "ko") for fmt in TEXT_FORMATS]
    + [("mini", fmt, lang) for fmt in ("md", "html") for lang in ("en", "both")]
    + [(path.name, fmt, "ko") for path in EXAMPLE_FILES for fmt in ("json", "md")]
)


def _reference(args: list, out: Path) -> None:
    """The same report from the source checkout (in-process ``wizard.cli.main``)."""
    from wizard.cli import main

    assert main([str(a) for a in args] + ["-o", str(out)]) == 0


# -- what is in the folder ----------------------------------------------------------------------

def test_the_folder_carries_the_data_and_leaves_out_the_unused(bundle):
    internal = bundle / "_internal"
    assert (bundle / exe_name(NAME)).is_file()
    files = files_of(internal)

    packs = {p.name: p.read_bytes() for p in (ROOT / "questionnaires").glob("*.yaml")}
    assert packs and {p.name: p.read_bytes() for p in (internal / "questionnaires").glob("*.yaml")} \
        == packs, "the bundle's packs differ from questionnaires/"
    for lang in ("ko", "en"):
        assert f"translations/{lang}/LC_MESSAGES/wizard.mo" in files
    assert not [f for f in files if f.startswith("translations/") and f.endswith((".po", ".pot"))]
    for other in (ROOT / "translations").rglob("*"):  # countries.json, ...
        if other.is_file() and other.suffix not in (".po", ".pot", ".mo"):
            name = other.relative_to(ROOT).as_posix()
            assert (internal / name).read_bytes() == other.read_bytes(), name
    templates = {p.name for p in (ROOT / "wizard" / "report" / "templates").iterdir()
                 if p.is_file()}
    assert {Path(f).name for f in files if f.startswith("wizard/report/templates/")} == templates
    fonts = {Path(f).name for f in files if f.startswith("wizard/assets/fonts/")}
    assert {p.name for p in (ROOT / "wizard" / "assets" / "fonts").iterdir()} == fonts
    assert any(name.startswith("LICENSE") for name in fonts)
    keys = {Path(f).name for f in files if f.startswith("wizard/assets/keys/")}
    assert keys == {p.name for p in (ROOT / "wizard" / "assets" / "keys").iterdir()} and keys
    if EXAMPLES.is_dir() and any(EXAMPLES.iterdir()):
        assert any(f.startswith("examples/") for f in files)
    for licensed in ("PySide6_Essentials", "Python", "pydantic", "Babel"):
        assert any(f.startswith(f"licenses/{licensed}/") for f in files), licensed

    qt_translations = sorted(Path(f).name for f in files if "/translations/" in f
                             and f.startswith("PySide6/"))
    assert qt_translations == ["qtbase_en.qm", "qtbase_ko.qm"]
    plugins = [f for f in files if "/plugins/" in f]
    assert any("/platforms/" in f for f in plugins)
    unwanted = re.compile(r"wayland|eglfs|vnc|linuxfb|/imageformats/|/iconengines/|/tls/|"
                          r"/networkinformation/|/sqldrivers/|/qmltooling/|qgtk3", re.I)
    assert not [f for f in plugins if unwanted.search(f)]
    libraries = re.compile(r"Qt6?(Network|Qml|Quick|WebEngine|Multimedia|3D|Pdf|Svg|OpenGL|Sql|"
                           r"Wayland|Designer)|libssl|libcrypto|libgtk|opengl32sw", re.I)
    assert not [f for f in files if libraries.search(Path(f).name)]
    assert any("PrintSupport" in f for f in files), "QPrinter needs QtPrintSupport"
    locales = sorted(Path(f).stem for f in files if f.startswith("babel/locale-data/"))
    assert "root" in locales and "ko" in locales and "en" in locales and len(locales) <= 8
    assert not [f for f in files if re.search(r"(^|/)(numpy|IPython|pytest|_pytest|hypothesis|"
                                              r"tkinter|setuptools)/", f)]


def test_content_updates_inside_the_bundle(bundle, home, tmp_path):
    """Signatures (cryptography) and the data folder (platformdirs) work in the frozen
    program: trust a key, install a signed bundle, list it, report with it."""
    from cryptography.hazmat.primitives import serialization

    from wizard.core import bundle as bundles
    from wizard.core import signing

    exe = bundle / exe_name(NAME)
    env = clean_env(home)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "questionnaires", content)
    manifest = content / "content.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace('version: "', 'version: "9', 1),
                        "utf-8")
    pair = signing.generate()
    key = serialization.load_pem_private_key(pair.private_pem, password=None)
    update = tmp_path / "update.aitr-content"
    update.write_bytes(bundles.build(content, key, ROOT / "questionnaires").data)
    (tmp_path / "publisher.pub").write_bytes(pair.public_pem)
    assert run([exe, "content", "install", update], cwd=tmp_path, env=env).returncode == 2
    result = run([exe, "content", "trust", tmp_path / "publisher.pub"], cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    result = run([exe, "content", "install", update], cwd=tmp_path, env=env)
    assert result.returncode == 0 and "now in use" in result.stdout, result.stderr
    result = run([exe, "content", "list"], cwd=tmp_path, env=env)
    assert result.returncode == 0 and str(home / ".local" / "share") in result.stdout
    example = sorted(EXAMPLES.glob("*.json"))[0]
    result = run([exe, "report", example, "--format", "md"], cwd=tmp_path, env=env)
    assert result.returncode == 0 and "us-ai-trade-rules 9" in result.stdout, result.stderr


def test_version(bundle, home, tmp_path):
    from wizard import __version__

    result = run([bundle / exe_name(NAME), "--version"], cwd=tmp_path, env=clean_env(home))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"readiness-wizard {__version__}"


def test_validate_the_built_in_and_other_packs(bundle, home, tmp_path):
    exe = bundle / exe_name(NAME)
    result = run([exe, "validate"], cwd=tmp_path, env=clean_env(home))
    source = run_source(["validate"], cwd=tmp_path)
    assert result.returncode == source.returncode == 0, result.stderr
    assert "no problems" in result.stdout
    # the bundle's own packs (not the checkout's), with the same counts
    ours = str(bundle / "_internal" / "questionnaires")
    assert result.stdout.startswith(ours)
    assert result.stdout.replace(ours, "<packs>") == \
        source.stdout.replace(str(ROOT / "questionnaires"), "<packs>")

    broken = tmp_path / "broken"
    shutil.copytree(MINI, broken)
    text = (broken / "chips.yaml").read_text(encoding="utf-8")
    (broken / "chips.yaml").write_text(text.replace("kind: yes_no_unsure", "kind: maybe", 1),
                                       encoding="utf-8")
    result = run([exe, "validate", broken], cwd=tmp_path, env=clean_env(home))
    assert result.returncode == 1 and "chips.yaml:" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case,fmt,lang", REPORT_CASES,
                         ids=[f"{c}-{f}-{l}" for c, f, l in REPORT_CASES])
def test_reports_are_the_same_as_from_source(bundle, home, tmp_path, case, fmt, lang):
    if fmt not in _formats():
        pytest.skip(f"the CLI has no {fmt} format")
    if case == "mini":
        args = ["report", _mini_assessment(tmp_path), "--packs", MINI]
    else:
        args = ["report", EXAMPLES / case]
    args += ["--format", fmt, "--lang", lang]
    out, ref = tmp_path / f"bundle.{fmt}", tmp_path / f"source.{fmt}"
    result = run([bundle / exe_name(NAME), *args, "-o", out], cwd=tmp_path, env=clean_env(home))
    assert result.returncode == 0, result.stderr
    _reference(args, ref)
    text = out.read_text(encoding="utf-8")
    assert text == ref.read_text(encoding="utf-8"), f"{case} {fmt} {lang}: bundle differs"
    if fmt == "json":
        json.loads(text)
    if lang != "en":
        assert HANGUL.search(text)


def test_pdf_report_when_the_cli_offers_it(bundle, home, tmp_path):
    if "pdf" not in _formats():
        pytest.skip("the CLI has no PDF format (yet)")
    exe = bundle / exe_name(NAME)
    out = tmp_path / "report.pdf"
    result = run([exe, "report", _mini_assessment(tmp_path), "--format", "pdf", "--lang", "ko",
                  "--packs", MINI, "-o", out], cwd=tmp_path, env=clean_env(home))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True).stdout
        assert HANGUL.search(text), "Korean did not survive into the PDF (fonts?)"


def test_word_and_excel_from_the_bundle(bundle, home, tmp_path):
    """python-docx reads its header template from beside its modules (build.spec collects
    them as files too) and openpyxl writes and reads back the tracker."""
    import zipfile

    exe = bundle / exe_name(NAME)
    assessment = _mini_assessment(tmp_path)
    for name in ("report.docx", "tracker.xlsx"):
        result = run([exe, "report", assessment, "--lang", "both", "--packs", MINI, "-o",
                      tmp_path / name], cwd=tmp_path, env=clean_env(home))
        assert result.returncode == 0, result.stderr
    parts = zipfile.ZipFile(tmp_path / "report.docx").namelist()
    assert "word/header1.xml" in parts and any(p.startswith("word/media/") for p in parts)
    result = run([exe, "import-plan", tmp_path / "tracker.xlsx", assessment, "--packs", MINI,
                  "--yes"], cwd=tmp_path, env=clean_env(home))
    assert result.returncode == 0, result.stderr     # nothing to change: nothing written


def test_selftest_inside_the_bundle(bundle, home, tmp_path):
    """What only the frozen program can tell: data found in the bundle, compiled catalogs in
    use, Qt's translations found where QLibraryInfo looks, fonts registered, and the wizard's
    own buttons in Korean through wizard.ui's translator-loading code."""
    from wizard.i18n import translate
    from tests.i18n.catalogs import read_catalog

    ko = read_catalog(ROOT / "translations" / "ko" / "LC_MESSAGES" / "wizard.po")
    msgids = [m.id for m in ko if isinstance(m.id, str) and m.id and m.string][:40]
    (tmp_path / "msgids.json").write_text(json.dumps(msgids), encoding="utf-8")
    result = run([bundle / exe_name(f"{NAME}-selftest"), tmp_path / "msgids.json",
                  home / "config", tmp_path / "out.json"], cwd=tmp_path, env=clean_env(home))
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))

    internal = Path(report["meipass"])
    assert report["frozen"] and internal == bundle / "_internal"
    for name, path in report["paths"].items():
        assert Path(path).is_relative_to(internal), f"{name}: {path}"
    assert report["catalogs"] == {"ko": "GNUTranslations", "en": "GNUTranslations"}
    assert report["ko"] == {m: translate(m, "ko") for m in msgids}
    # the bundle's .mo files were read, not a .po compiled on the fly into the cache
    assert not list((home / "cache").glob("**/*.mo"))
    assert {"AITR Sans KR", "AITR Symbols"} <= set(report["fonts"])
    qt_translations = Path(report["qt_translations"])
    assert qt_translations.is_relative_to(internal)
    assert (qt_translations / "qtbase_ko.qm").is_file()
    assert report["startup"] is True
    for button, text in report["buttons_ko"].items():
        assert HANGUL.search(text), f"{button} reads {text!r} in Korean mode"
        assert text != report["buttons_en"][button]
    assert report["buttons_en"]["BackButton"] == "< &Back"
    assert report["network_modules"] == []


def test_no_network_calls(bundle, home, tmp_path):
    """Optional (needs strace): the program opens no socket of any kind while it reports."""
    strace = shutil.which("strace")
    if not strace or not sys.platform.startswith("linux"):
        pytest.skip("strace not available")
    trace = tmp_path / "trace.txt"
    result = run([strace, "-f", "-qq", "-e", "trace=socket,connect", "-o", trace,
                  bundle / exe_name(NAME), "report", _mini_assessment(tmp_path), "--format",
                  "md", "--packs", MINI],
                 cwd=tmp_path, env=clean_env(home))
    if result.returncode != 0 and "ptrace" in result.stderr:
        pytest.skip("ptrace is not permitted here")
    assert result.returncode == 0, result.stderr
    calls = [line for line in trace.read_text().splitlines() if "socket(" in line
             or "connect(" in line]
    assert calls == []
