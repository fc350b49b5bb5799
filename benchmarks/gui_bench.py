"""How fast and how big the desktop wizard is, against a bare two-page QWizard.

Figures where users feel them, printed with their ratio to the baseline and the target
(nothing is asserted; the exit code is 1 when a target is missed):

* start-up: process start to the first page painted, median of interleaved runs, each in a
  fresh process (target: at most 1.5 x the bare wizard);
* answer to screen: the 95th percentile from an answer typed to the screen updated (the core
  recomputes what shows, every built page follows, layout and paint), on content ten times
  today's size (generated packs, every area applying, every page built): at most 16 ms, one
  frame; the same on today's packs is printed for information;
* page change: the 95th percentile of Next over a scripted walk through every page with every
  area applying (so through the largest pack too), layout and paint included, after the pages
  were built while idle as they are while a user reads the first page (target: 50 ms); the
  same walk without that idle pre-build is printed for information;
* peak memory (RSS) against the bare wizard showing its first page: a full session (the page
  walk above, every area applying, from the first page to the export page; target: at most
  1.75 x) and the loaded wizard (questionnaires loaded, the pages on the default path built;
  at most 1.5 x); the first page alone is printed for information.

Usage: ``python benchmarks/gui_bench.py [--runs N] [--packs DIR]``. Other scripts import
``measure(runs=10, packs=None) -> list[dict]`` (keys: metric, ours, baseline, ratio, target,
passed, unit).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
STARTUP_TARGET = 1.5
ANSWER_TARGET_MS = 16.0   # one frame at 60 Hz
SCALE = 10                # answer to screen: content this many times today's size
PAGE_TARGET_MS = 50.0
SESSION_MEMORY_TARGET = 1.75
LOADED_MEMORY_TARGET = 1.5

_FIRST_PAINT = """
from PySide6.QtCore import QObject, QEvent
class _FirstPaint(QObject):
    def __init__(self, done):
        super().__init__()
        self.done = done
        self.fired = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.fired:
            self.fired = True
            self.done()
        return False
"""

BASELINE = _FIRST_PAINT + """
import os, sys
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage
app = QApplication(sys.argv[:1])
wizard = QWizard()
for number in (1, 2):
    page = QWizardPage()
    page.setTitle(f"Page {number}")
    QVBoxLayout(page).addWidget(QLabel(f"Text of page {number}"))
    wizard.addPage(page)
def shown():
    print("shown", flush=True)
    os._exit(0)
watcher = _FirstPaint(shown)
wizard.page(wizard.startId()).installEventFilter(watcher)
wizard.show()
app.exec()
"""

OURS = _FIRST_PAINT + """
import os, sys
from wizard.ui import app as ui_app
mode = sys.argv[1]
packs = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
app, window = ui_app.launch(None, packs)
def shown():
    print("shown", flush=True)
    if mode == "shown":
        os._exit(0)
def ready():
    if window.session is None or not window.wizard.prebuilt:
        QTimer.singleShot(5, ready)
        return
    app.processEvents()
    print("ready", flush=True)
    os._exit(0)
from PySide6.QtCore import QTimer
watcher = _FirstPaint(shown)
window.wizard.page(window.wizard.startId()).installEventFilter(watcher)
if mode == "ready":
    QTimer.singleShot(0, ready)
app.exec()
"""

WALK = """
import os, sys, time, json
from PySide6.QtWidgets import QApplication
from wizard.ui import app as ui_app
packs = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else None
mode = sys.argv[2]                      # "idle": pages pre-built while idle; "cold": not
qapp = ui_app.application()
window = ui_app.create_window()
window.resize(1280, 800)
window.show()
assert window.startup(None, packs)
session = window.session
content = session.content
wizard = window.wizard
if mode == "cold":
    wizard.prebuild_timer.stop()
# every area applies: tick every non-exclusive option of every profile multi question
for qid, info in content.questions.items():
    q = info.question
    if info.pack.id == content.packs[0].id and q.kind == "multi":
        session.set_answer(qid, [o.id for o in q.options if o.id not in q.exclusive])
if mode == "cold":
    wizard.prebuild_timer.stop()
largest = max(content.packs[1:] or content.packs,
              key=lambda p: sum(len(s.questions) for s in p.sections))
def settle():
    for _ in range(2):
        QApplication.processEvents()
start = time.perf_counter()
while mode == "idle" and not wizard.prebuilt:
    QApplication.processEvents()
idle = time.perf_counter() - start
times = []
wizard.restart()
settle()
while wizard.nextId() != -1:
    start = time.perf_counter()
    wizard.next()
    settle()
    times.append((time.perf_counter() - start) * 1000)
# an answer change on a built page: the core recomputes, every built page follows
page = wizard.page(wizard.sections[(largest.id, largest.sections[0].id)])
wizard.go_to(wizard.sections[(largest.id, largest.sections[0].id)])
qid = next(q for q in page.qids() if content.questions[q].question.kind == "yes_no_unsure")
answers = []
for value in ("yes", "no", "unsure") * 14:
    start = time.perf_counter()
    session.set_answer(qid, value)
    settle()
    answers.append((time.perf_counter() - start) * 1000)
print(json.dumps({"times": times, "answers": answers, "largest": largest.id,
                  "prebuild": wizard.prebuild_seconds * 1000, "idle": idle * 1000,
                  "questions": sum(len(s.questions) for s in largest.sections),
                  "all_questions": len(content.questions)}))
session.modified = False
os._exit(0)
"""


def _env(config: str) -> dict:
    """The child's environment: offscreen, this checkout, a settings folder of its own (a
    child that ends with os._exit leaves a recovery file the next one must not find), and
    compiled bytecode kept between runs in a private cache, as an installed program has it
    (PYTHONDONTWRITEBYTECODE would make every run compile the program from source)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               PYTHONPYCACHEPREFIX=str(Path(config) / "pycache"),
               READINESS_CONFIG_DIR=tempfile.mkdtemp(dir=config))
    env.pop("QT_SCALE_FACTOR", None)
    return env


def _child(code: str, args: list[str], config: str,
           expect: Optional[str] = None) -> tuple[Optional[float], list[str], int]:
    """Run ``code`` in a fresh process: (seconds from its start to the line ``expect``; the
    lines it printed up to there, or all of them without ``expect``; its peak RSS in KiB)."""
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                                stderr=errors, env=_env(config), cwd=ROOT, text=True)
        elapsed, lines = None, []
        for line in proc.stdout:
            lines.append(line)
            if expect is not None and line.strip() == expect:
                elapsed = time.perf_counter() - start
                break
        proc.stdout.close()
        _pid, status, usage = os.wait4(proc.pid, 0)
        exit_code = os.waitstatus_to_exitcode(status)
        if (elapsed is None) if expect is not None else exit_code != 0:
            errors.seek(0)
            what = f"never reported {expect!r}" if expect is not None else "failed"
            raise RuntimeError(f"child {what} (exit {exit_code}): {errors.read()[-2000:]}")
    return elapsed, lines, int(usage.ru_maxrss)


def _run_child(code: str, args: list[str], expect: str, config: str) -> tuple[float, int]:
    """(seconds from process start to the line ``expect``, peak RSS in KiB)."""
    elapsed, _lines, peak = _child(code, args, config, expect)
    return elapsed, peak


def _walk(pack_arg: str, mode: str, config: str) -> tuple[dict, int]:
    """One scripted walk in a fresh process: (its figures, its peak RSS in KiB)."""
    _elapsed, lines, peak = _child(WALK, [pack_arg, mode], config)
    return json.loads(lines[-1]), peak


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(0.95 * (len(ordered) - 1))))
    return ordered[index]


def _row(metric: str, ours: float, baseline: Optional[float], target: float, unit: str,
         ratio_target: bool) -> dict:
    ratio = ours / baseline if baseline else None
    value = ratio if ratio_target else ours
    return {"metric": metric, "ours": round(ours, 1), "baseline":
            None if baseline is None else round(baseline, 1),
            "ratio": None if ratio is None else round(ratio, 2), "target": target,
            "unit": unit, "passed": value is not None and value <= target}


def default_packs() -> Optional[str]:
    """The built-in packs when they validate, else the small test packs."""
    sys.path.insert(0, str(ROOT))
    try:
        from wizard.core.content import validate_folder

        if not validate_folder(ROOT / "questionnaires"):
            return None
    except Exception:  # noqa: BLE001 - a benchmark falls back rather than stops
        pass
    return str(ROOT / "tests" / "fixtures" / "mini")


def _scaled_packs(config: str, packs: Optional[str]) -> tuple[str, int]:
    """Generated packs of ``SCALE`` times as many questions as ``packs`` (default: built-in),
    and that number."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import write_packs

    from wizard.core.content import load_content

    today = len(load_content(Path(packs) if packs else None).questions)
    folder = write_packs(Path(config) / "scaled-packs", SCALE * today)
    return str(folder), SCALE * today


def measure(quick: bool = False, runs: Optional[int] = None,
            packs: Optional[str] = None) -> list[dict]:
    runs = runs if runs is not None else (5 if quick else 10)
    packs = packs if packs is not None else default_packs()
    pack_arg = packs or ""
    ours_start, base_start, ours_rss, base_rss, ours_first_rss = [], [], [], [], []
    with tempfile.TemporaryDirectory() as config:
        # one warm-up of each (file system caches, .pyc files)
        _run_child(BASELINE, [], "shown", config)
        _run_child(OURS, ["shown", pack_arg], "shown", config)
        for _ in range(runs):
            seconds, _rss = _run_child(BASELINE, [], "shown", config)
            base_start.append(seconds * 1000)
            seconds, _rss = _run_child(OURS, ["shown", pack_arg], "shown", config)
            ours_start.append(seconds * 1000)
        for _ in range(max(3, runs // 3)):
            base_rss.append(_run_child(BASELINE, [], "shown", config)[1] / 1024)
            ours_rss.append(_run_child(OURS, ["ready", pack_arg], "ready", config)[1] / 1024)
            ours_first_rss.append(_run_child(OURS, ["shown", pack_arg], "shown", config)[1]
                                  / 1024)
        walks: dict[str, list] = {"idle": [], "cold": []}
        session_rss = []
        for mode in ("idle", "cold", "idle", "idle"):
            result, peak = _walk(pack_arg, mode, config)
            walks[mode].append(result)
            if mode == "idle":
                session_rss.append(peak / 1024)
        scaled, size = _scaled_packs(config, packs)
        scaled_answers = []
        for _ in range(1 if quick else 2):
            result, _peak = _walk(scaled, "idle", config)
            scaled_answers += result["answers"]
    data, cold = walks["idle"][0], walks["cold"][0]
    rows = [
        _row("start-up to first page (median ms)", statistics.median(ours_start),
             statistics.median(base_start), STARTUP_TARGET, "ms", True),
        _row(f"answer to screen p95 (ms), content {SCALE}x today's ({result['all_questions']:,} "
             "questions), every page built", _p95(scaled_answers), None, ANSWER_TARGET_MS,
             "ms", False),
        _row(f"page change p95 (ms, {len(data['times'])} Next through every area; "
             f"largest pack '{data['largest']}')", _p95(data["times"]), None, PAGE_TARGET_MS,
             "ms", False),
        _row("peak RSS of a full session, every area (median MiB)",
             statistics.median(session_rss), statistics.median(base_rss),
             SESSION_MEMORY_TARGET, "MiB", True),
        _row("peak RSS of the loaded wizard, default path built (median MiB)",
             statistics.median(ours_rss), statistics.median(base_rss), LOADED_MEMORY_TARGET,
             "MiB", True),
    ]
    rows[2]["max"] = round(max(data["times"]), 1)
    info = [
        ("  info: answer to screen p95 on today's content, all pages built (ms)",
         _p95(data["answers"])),
        ("  info: page change p95 without the idle pre-build (ms)", _p95(cold["times"])),
        ("  info: idle pre-build of every page (CPU ms)", data["prebuild"]),
        ("  info: peak RSS at the first page (median MiB)", statistics.median(ours_first_rss)),
    ]
    rows += [{"metric": name, "ours": round(value, 1), "baseline": None, "ratio": None,
              "target": None, "unit": "", "passed": True, "info": True}
             for name, value in info]
    return rows


def report(rows: list[dict]) -> str:
    lines = [f"{'metric':58} {'ours':>8} {'bare':>8} {'ratio':>6} {'target':>7}  result"]
    for row in rows:
        if row.get("info"):
            lines.append(f"{row['metric']:58} {row['ours']:8.1f}")
            continue
        baseline = "-" if row["baseline"] is None else f"{row['baseline']:.1f}"
        ratio = "-" if row["ratio"] is None else f"{row['ratio']:.2f}"
        target = f"{row['target']:g}x" if row["ratio"] is not None else \
            f"{row['target']:g}{row['unit']}"
        lines.append(f"{row['metric']:58} {row['ours']:8.1f} {baseline:>8} {ratio:>6} "
                     f"{target:>7}  {'ok' if row['passed'] else 'MISSED'}")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="interleaved runs (default 10)")
    parser.add_argument("--packs", default=None, help="questionnaire folder (default: built-in)")
    args = parser.parse_args(argv)
    rows = measure(max(args.runs, 1), args.packs)
    print(report(rows))
    return 0 if all(row["passed"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
