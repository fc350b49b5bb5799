"""Bundle size: the one-folder PyInstaller program against a bare two-page QWizard app built by
the same spec with the same trimming (``build.spec -- --bare --entry ...``: same excludes, same
plugin/translation/locale filters, same strip). Target: at most 1.25x.

Ours carries what the baseline cannot: the Hangul and symbol fonts (about 4.6 MB), the packs,
templates and catalogs, pydantic-core, PyYAML, Jinja2, Babel (ko/en/root locale data only) and
QtPrintSupport with the CUPS print plugin and the libraries it links. Sizes are the sum of the
regular files in the folder (symlinks not followed), in MB (10^6 bytes).

Run alone: ``python benchmarks/bundle_bench.py`` (about a minute: two builds; prints the rows and
what ours adds over the baseline, exits 1 if the target is missed). ``run.py --bundle`` includes
it. ``--quick`` changes nothing here: a build cannot be sampled.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import ROOT, row  # noqa: E402

TARGET = 1.25
MB = 1_000_000

BARE_WIZARD = '''"""A bare two-page QWizard: the baseline of benchmarks/bundle_bench.py."""
import sys

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage


def page(title, text):
    result = QWizardPage()
    result.setTitle(title)
    QVBoxLayout(result).addWidget(QLabel(text))
    return result


def main():
    app = QApplication(sys.argv)
    wizard = QWizard()
    wizard.addPage(page("One", "The first page"))
    wizard.addPage(page("Two", "The second page"))
    wizard.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
'''


def build(work: Path, name: str, extra: list[str]) -> tuple[Path, float]:
    """``pyinstaller build.spec -- extra`` into ``work``; the folder and the build seconds."""
    work.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(ROOT / "build.spec"), "--", "--name", name, *extra],
        cwd=work, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"build of {name} failed: {result.stderr[-2000:]}")
    return work / "dist" / name, time.perf_counter() - start


def files(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_size
            for p in folder.rglob("*") if p.is_file() and not p.is_symlink()}


def breakdown(ours: dict[str, int], bare: dict[str, int], ours_name: str,
              bare_name: str) -> list[tuple[str, int]]:
    """What ours adds over the baseline, grouped (files the baseline does not have, plus the
    growth of the executable, whose archive holds the Python code)."""
    groups: dict[str, int] = {}
    for path, size in ours.items():
        twin = path.replace(ours_name, bare_name, 1) if path.startswith(ours_name) else path
        extra = size - bare.get(twin, 0)
        if extra <= 0:
            continue
        parts = path.split("/")
        if parts[0] == "_internal" and len(parts) > 2:
            key = "/".join(parts[1:4]) if parts[1] == "wizard" else parts[1]
        elif parts[0] == "_internal":
            key = "system libraries (CUPS printing and its TLS/Kerberos stack, libffi, ...)"
        else:
            key = "executable (Python code archive)"
        groups[key] = groups.get(key, 0) + extra
    return sorted(groups.items(), key=lambda item: -item[1])


def measure(quick: bool = False) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="bundle-bench-") as tmp:
        work = Path(tmp)
        entry = work / "bare_wizard.py"
        entry.write_text(BARE_WIZARD, encoding="utf-8")
        ours_dir, ours_s = build(work / "ours", "readiness-wizard", [])
        bare_dir, bare_s = build(work / "bare", "bare-wizard",
                                 ["--bare", "--entry", str(entry)])
        ours, bare = files(ours_dir), files(bare_dir)
        ours_mb, bare_mb = sum(ours.values()) / MB, sum(bare.values()) / MB
        print(f"  bundle: ours {ours_mb:.1f} MB in {len(ours)} files (built in {ours_s:.0f} s), "
              f"bare QWizard {bare_mb:.1f} MB in {len(bare)} files (built in {bare_s:.0f} s)",
              file=sys.stderr)
        print("  what ours adds:", file=sys.stderr)
        for key, size in breakdown(ours, bare, "readiness-wizard", "bare-wizard")[:12]:
            print(f"    {size / MB:6.2f} MB  {key}", file=sys.stderr)
    return [row("one-folder bundle size vs a bare two-page QWizard (same spec options)",
                ours_mb, bare_mb, TARGET, unit="MB")]


if __name__ == "__main__":
    from run import print_table

    rows = measure(quick="--quick" in sys.argv)
    print_table(rows)
    sys.exit(0 if all(r["passed"] for r in rows) else 1)
