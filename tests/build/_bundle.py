"""Building the PyInstaller bundle once per set of inputs, and running programs the way a user
does (clean environment, a temporary working folder).

The bundle is built with ``build.spec -- --selftest tests/build/bundle_selftest.py`` (the release
build plus a second executable that reports on the frozen program) into
``$TMPDIR/readiness-bundle-<hash>/``, where the hash covers the spec, every file the bundle is
made from, and the Python, PyInstaller and PySide6 versions. A later run with the same inputs
reuses it; any change rebuilds. Older cached bundles are removed when a new one is built.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SELFTEST = ROOT / "tests" / "build" / "bundle_selftest.py"
NAME = "readiness-wizard"
SKIP_ENV = "READINESS_SKIP_BUNDLE"
INPUTS = ("build.spec", "wizard", "questionnaires", "translations", "examples",
          "tests/build/bundle_selftest.py")
CACHE_PREFIX = "readiness-bundle-"


def exe_name(name: str) -> str:
    return f"{name}.exe" if sys.platform.startswith("win") else name


def _input_files():
    for entry in INPUTS:
        path = ROOT / entry
        if path.is_file():
            yield path
        elif path.is_dir():
            for file in sorted(path.rglob("*")):
                if file.is_file() and "__pycache__" not in file.parts \
                        and file.suffix not in (".pyc", ".mo"):
                    yield file


def inputs_hash() -> str:
    import PyInstaller
    import PySide6

    digest = hashlib.sha256()
    digest.update(f"{sys.version}|{PyInstaller.__version__}|{PySide6.__version__}".encode())
    for file in _input_files():
        digest.update(str(file.relative_to(ROOT)).encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()[:16]


def build_bundle() -> tuple[Path, dict]:
    """The bundle folder (``.../dist/readiness-wizard``) and facts about its build
    (``{"seconds": ..., "cached": bool}``)."""
    key = inputs_hash()
    cache = Path(tempfile.gettempdir()) / f"{CACHE_PREFIX}{key}"
    folder = cache / "dist" / NAME
    stamp = cache / "build.json"
    if stamp.is_file() and (folder / exe_name(NAME)).is_file():
        facts = json.loads(stamp.read_text(encoding="utf-8"))
        return folder, dict(facts, cached=True)
    for old in Path(tempfile.gettempdir()).glob(f"{CACHE_PREFIX}*"):
        shutil.rmtree(old, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=f"{CACHE_PREFIX}{key}-tmp-"))
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(ROOT / "build.spec"), "--", "--selftest", str(SELFTEST)],
        cwd=work, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise AssertionError(f"pyinstaller build.spec failed ({result.returncode}):\n"
                             f"{result.stdout[-3000:]}\n{result.stderr[-6000:]}")
    shutil.rmtree(work / "build", ignore_errors=True)
    facts = {"seconds": round(seconds, 1), "log": result.stderr[-4000:]}
    (work / "build.json").write_text(json.dumps(facts), encoding="utf-8")
    try:
        work.rename(cache)
    except OSError:  # built meanwhile by another run: use that one
        shutil.rmtree(work, ignore_errors=True)
    return folder, dict(facts, cached=False)


def clean_env(home: Path, **extra: str) -> dict:
    """What a user's shell gives a program: no PYTHONPATH or PYTHONHOME, no virtualenv."""
    env = {"PATH": os.pathsep.join(p for p in ("/usr/bin", "/bin") if os.path.isdir(p))
           or os.environ.get("PATH", ""),
           "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "READINESS_CONFIG_DIR": str(home / "config"),
           "READINESS_CACHE_DIR": str(home / "cache")}
    if sys.platform.startswith("win"):  # Windows needs these to start any program
        for var in ("SYSTEMROOT", "WINDIR", "TEMP", "TMP", "PATH"):
            if var in os.environ:
                env[var] = os.environ[var]
    env.update(extra)
    return env


def run(args, *, cwd: Path, env: dict, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout)


def run_source(args, *, cwd: Path) -> subprocess.CompletedProcess:
    """The same command from the source checkout (``python -m wizard``), for comparison."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return run([sys.executable, "-m", "wizard", *args], cwd=cwd, env=env)


def files_of(folder: Path) -> dict[str, int]:
    """Every regular file under ``folder`` (symlinks not followed) with its size."""
    sizes = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            sizes[path.relative_to(folder).as_posix()] = path.stat().st_size
    return sizes
