"""The program makes no network call: the CLI and the wizard run with sockets blocked (every
attempt is recorded), no module of the program imports networking code, and the HTML report
loads nothing from the internet when opened.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import MINI, ROOT
from tests.robustness._support import attempts, blocked_env, run_cli

WIZARD = ROOT / "wizard"
BANNED = ("socket", "socketserver", "ssl", "urllib", "http", "requests", "httpx", "urllib3",
          "aiohttp", "ftplib", "smtplib", "poplib", "imaplib", "telnetlib", "nntplib", "xmlrpc",
          "websocket", "websockets", "PySide6.QtNetwork", "PySide6.QtNetworkAuth",
          "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebSockets",
          "PySide6.QtWebChannel", "PySide6.QtWebView", "PySide6.QtHttpServer")
# loaded by nothing the program runs (ssl and socket are: asyncio, which pydantic imports)
NETWORK_MODULES = ("http.client", "urllib.request", "requests", "httpx", "urllib3", "aiohttp",
                   "ftplib", "smtplib", "PySide6.QtNetwork", "PySide6.QtWebEngineCore",
                   "PySide6.QtWebSockets")
MODULES_AT_EXIT = r'''
import atexit, json, os, sys
def _modules():
    bad = sorted(m for m in list(sys.modules)
                 if any(m == n or m.startswith(n + ".") for n in %r))
    if bad:
        with open(os.environ["READINESS_NET_LOG"], "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"call": "network module loaded", "args": bad}) + "\n")
atexit.register(_modules)
''' % (NETWORK_MODULES,)

ASSESSMENT = {
    "format": "ai-trade-readiness-assessment", "schema_version": 1,
    "packs": {"profile": "1.0.0", "chips": "1.0.0"},
    "meta": {"company": "한빛 반도체", "assessor": "Kim", "date": "2026-11-23", "language": "both"},
    "answers": {"profile.activities": ["chips"], "profile.customer_hq": ["CN"],
                "chips.sells": "yes", "chips.tops": 312, "chips.bits": 16, "chips.die_area": 826},
    "notes": {"chips.sells": "가격표"},
}


def _env(tmp_path: Path, name: str):
    env, _ = blocked_env(tmp_path)
    log = tmp_path / f"net-{name}.log"
    env["READINESS_NET_LOG"] = str(log)
    site = Path(env["PYTHONPATH"].split(os.pathsep)[0])
    text = (site / "sitecustomize.py").read_text(encoding="utf-8")
    if MODULES_AT_EXIT not in text:
        (site / "sitecustomize.py").write_text(text + MODULES_AT_EXIT, encoding="utf-8")
    return env, log


def _assessment(folder: Path) -> Path:
    path = folder / "평가 파일.aitr.json"
    path.write_text(json.dumps(ASSESSMENT, ensure_ascii=False), encoding="utf-8")
    return path


def _commands(tmp_path: Path) -> dict[str, list]:
    a = _assessment(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    commands = {
        "validate-mini": ["validate", MINI],
        "validate-builtin": ["validate"],
        "report-json": ["report", a, "--packs", MINI, "--format", "json", "-o", out / "r.json"],
        "report-md": ["report", a, "--packs", MINI, "--format", "md", "-o", out / "r.md"],
        "report-html": ["report", a, "--packs", MINI, "--format", "html", "-o", out / "r.html"],
        "report-pdf": ["report", a, "--packs", MINI, "--format", "pdf", "-o", out / "r.pdf"],
        "report-csv": ["report", a, "--packs", MINI, "--format", "csv", "-o", out / "r.csv"],
        "blank-pdf": ["blank", "--packs", MINI, "-o", out / "blank.pdf"],
        "compare-md": ["compare", a, a, "--packs", MINI, "-o", out / "cmp.md"],
    }
    return commands


@pytest.mark.slow  # runs the program in subprocesses
def test_the_command_line_makes_no_network_attempt(tmp_path):
    commands = _commands(tmp_path)

    envs = {name: _env(tmp_path, name) for name in commands}      # before any run starts

    def one(item):
        name, args = item
        env, log = envs[name]
        return name, run_cli(*args, env=env, cwd=tmp_path), log

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(one, commands.items()))
    for name, result, log in results:
        assert result.returncode == 0, f"{name}: {result.stderr}"
        assert "Traceback" not in result.stderr, f"{name}: {result.stderr}"
        assert attempts(log) == [], f"{name} tried the network: {attempts(log)}"
        assert Path(str(log) + ".exit").exists(), f"{name}: the exit check did not run"
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(written) == len(commands) - 2                        # every report was made


def test_the_block_records_what_it_refuses(tmp_path):
    """The harness above would see a network call: try a few and look at the log."""
    env, log = _env(tmp_path, "probe")
    code = ("import socket, urllib.request\n"
            "for call in (lambda: socket.create_connection(('198.51.100.1', 80), timeout=1),\n"
            "             lambda: socket.getaddrinfo('example.com', 443),\n"
            "             lambda: urllib.request.urlopen('http://198.51.100.1/', timeout=1),\n"
            "             lambda: socket.socket()):\n"
            "    try:\n"
            "        call()\n"
            "    except OSError:\n"
            "        pass\n")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    calls = [a["call"] for a in attempts(log)]
    assert "socket.create_connection" in calls and "socket.getaddrinfo" in calls
    assert calls.count("socket.socket") >= 1
    assert "network module loaded" in calls                         # urllib.request


@pytest.mark.slow  # runs the program in subprocesses
def test_the_command_line_keeps_no_record_of_the_client(tmp_path):
    """No logs, histories or usage records: with a fresh home folder, the working folder gets
    exactly the report asked for, and the only other files are the program's caches
    (checked questionnaire content, compiled translations) in its cache folder, which hold
    nothing from the assessment."""
    home = tmp_path / "home"
    work = tmp_path / "work"
    scratch = tmp_path / "tmp"
    for folder in (home, work, scratch):
        folder.mkdir()
    env, log = _env(tmp_path, "quiet")
    env.update(HOME=str(home), USERPROFILE=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_CACHE_HOME=str(home / ".cache"), XDG_DATA_HOME=str(home / ".local"),
               XDG_STATE_HOME=str(home / ".state"), TMPDIR=str(scratch))
    env.pop("READINESS_CONFIG_DIR", None)
    env.pop("READINESS_CACHE_DIR", None)                 # see where the program itself writes
    path = _assessment(work)
    before = sorted(p.name for p in work.iterdir())
    for args in (["validate", MINI],
                 ["report", path.name, "--packs", MINI, "--format", "md", "-o", "r.md"],
                 ["report", path.name, "--packs", MINI, "--format", "json"]):
        result = run_cli(*args, env=env, cwd=work)
        assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in work.iterdir()) == sorted(before + ["r.md"])
    assert list(scratch.rglob("*")) == []
    cache = home / ".cache" / "ai-trade-readiness"
    written = [p for p in home.rglob("*") if p.is_file()]
    assert all(cache in p.parents for p in written), written
    client = [ASSESSMENT["meta"]["company"], ASSESSMENT["meta"]["assessor"],
              ASSESSMENT["notes"]["chips.sells"], path.name]
    for file in written:
        data = file.read_bytes()
        for text in client:
            assert text.encode("utf-8") not in data, (file, text)
    assert attempts(log) == []


GUI_DRIVER = r"""
import json, os, sys
from PySide6.QtCore import QTimer
from wizard.ui import app as appmod

app, window = appmod.launch(sys.argv[1], os.environ["READINESS_PACKS"])

waited = [0]

def poll():
    # quit once the first page is shown with the content loaded (or after 60 s)
    loaded = getattr(window, "session", None) is not None
    waited[0] += 100
    if not (loaded and window.isVisible()) and waited[0] < 60000:
        QTimer.singleShot(100, poll)
        return
    QTimer.singleShot(300, lambda: done(loaded))      # let the first page paint

def done(loaded):
    state = {"visible": window.isVisible(), "title": window.windowTitle(), "loaded": loaded}
    print("STATE " + json.dumps(state, ensure_ascii=False), flush=True)
    app.quit()

QTimer.singleShot(100, poll)
sys.exit(app.exec())
"""


def _gui_quits_by_itself() -> str | None:
    """The environment variable wizard/ui/app.py offers to quit after the first page, if
    any."""
    source = (WIZARD / "ui" / "app.py").read_text(encoding="utf-8")
    match = re.search(r"[\"'](READINESS_QUIT_AFTER_\w+)[\"']", source)
    return match.group(1) if match else None


@pytest.mark.slow  # runs the program in subprocesses
def test_the_wizard_starts_opens_a_file_and_makes_no_network_attempt(tmp_path):
    env, log = _env(tmp_path, "gui")
    env["READINESS_PACKS"] = str(MINI)
    path = _assessment(tmp_path)
    quit_var = _gui_quits_by_itself()
    if quit_var:
        env[quit_var] = "1"
        args = [sys.executable, "-m", "wizard", "open", str(path)]
    else:
        args = [sys.executable, "-c", GUI_DRIVER, str(path)]
    result = subprocess.run(args, env=env, capture_output=True, text=True, encoding="utf-8",
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    if not quit_var:
        state = json.loads(result.stdout.split("STATE ", 1)[1].splitlines()[0])
        assert state["visible"] and state["loaded"], state
        assert "평가 파일" in state["title"], state
    assert attempts(log) == [], f"the wizard tried the network: {attempts(log)}"
    assert Path(str(log) + ".exit").exists()


# ------------------------------------------------------------------------ static checks

def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.add(node.value)      # importlib.import_module("..."), __import__("...")
    return found


def _banned(name: str) -> bool:
    return any(name == b or name.startswith(b + ".") for b in BANNED)


def test_no_module_of_the_program_imports_networking_code():
    files = sorted(p for p in WIZARD.rglob("*.py") if "_data" not in p.parts)
    assert len(files) > 20
    offenders = {str(p.relative_to(ROOT)): sorted(n for n in _imports(p) if _banned(n))
                 for p in files}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_static_check_sees_every_form_of_import(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import socket\nfrom urllib import request\nfrom PySide6 import QtNetwork\n"
                     "import importlib\nimportlib.import_module('http.client')\n",
                     encoding="utf-8")
    assert {n for n in _imports(probe) if _banned(n)} >= {"socket", "urllib", "PySide6.QtNetwork",
                                                          "http.client"}


REMOTE = re.compile(r"""(?:src|href|action|data|poster)\s*=\s*["']?\s*(?:https?:|ftp:|//)"""
                    r"""|url\(\s*["']?\s*(?:https?:|ftp:|//)|@import\s+["']?(?:https?:|//)""",
                    re.IGNORECASE)


def test_the_html_report_and_its_templates_load_nothing_from_the_internet(tmp_path):
    templates = sorted((WIZARD / "report" / "templates").glob("*"))
    assert templates
    for template in templates:
        assert not REMOTE.search(template.read_text(encoding="utf-8")), template
    out = tmp_path / "r.html"
    result = run_cli("report", _assessment(tmp_path), "--packs", MINI, "--format", "html",
                     "-o", out)
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<html" in html.lower()
    assert not REMOTE.search(html), REMOTE.search(html).group(0)
    assert REMOTE.search('<link href="https://fonts.example/x.css">')     # the check works


def test_no_pydantic_plugin_sees_the_answers(tmp_path):
    """An installed pydantic plugin (an observability tool, say) is never loaded: a fake one
    registered through an entry point would write a file if pydantic called it."""
    dist = tmp_path / "spy_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: spy-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n")
    marker = tmp_path / "seen.txt"
    (tmp_path / "spy_plugin.py").write_text(
        "class _Plugin:\n"
        "    def new_schema_validator(self, *args, **kwargs):\n"
        f"        open({str(marker)!r}, 'a').write('seen\\n')\n"
        "        return None, None, None\n"
        "plugin = _Plugin()\n")
    code = ("from wizard.core.content import load_content\n"
            "from wizard.core.assessment import new_assessment\n"
            f"load_content({str(MINI)!r})\n"
            "import pydantic\n"
            "class Probe(pydantic.BaseModel):\n"
            "    x: int\n"
            "Probe(x=1)\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]))
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert not marker.exists()
    # the same spy is loaded when the program does not switch plugins off (the test can fail)
    control = subprocess.run([sys.executable, "-c", code.replace(
        "from wizard.core.content import load_content\n", "").replace(
        "from wizard.core.assessment import new_assessment\n", "").replace(
        f"load_content({str(MINI)!r})\n", "")], env=env, capture_output=True, text=True,
        timeout=120)
    assert control.returncode == 0, control.stderr[-2000:]
    assert marker.exists()
