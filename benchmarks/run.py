"""One command for every performance target: ``python benchmarks/run.py [--bundle] [--quick]``.

Prints one table (metric, ours, baseline, ratio, target, pass/fail) and exits 1 if any target is
missed. Every ratio compares against a baseline measured in the same run. Offscreen, no display
needed; without ``--bundle`` it finishes in a few minutes. Not part of the test suite.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SUITES = ("core_bench", "gui_bench", "report_bench")


def _fmt(value, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MB":
        return f"{value:.1f} MB"
    return f"{value:.3g}"


def print_table(rows: list[dict]) -> None:
    header = ("metric", "ours", "baseline", "ratio", "target", "result")
    lines = []
    for r in rows:
        kind = r.get("kind", "ratio")
        target = (f"<= {r['target']:g}x" if kind == "ratio" else
                  f"(report; {r['target']:g}x)" if kind == "info" else
                  f"<= {_fmt(r['target'], r['unit'])}")
        ratio = f"{r['ratio']:.2f}x" if r.get("ratio") is not None else "-"
        lines.append((r["metric"], _fmt(r["ours"], r["unit"]), _fmt(r["baseline"], r["unit"]),
                      ratio, target, "info" if kind == "info" else
                      "pass" if r["passed"] else "FAIL"))
    widths = [max(len(h), *(len(line[i]) for line in lines)) if lines else len(h)
              for i, h in enumerate(header)]
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("-+-".join("-" * w for w in widths))
    for line in lines:
        print(" | ".join(c.ljust(w) for c, w in zip(line, widths)))


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    suites = list(SUITES) + (["bundle_bench"] if "--bundle" in argv else [])
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}")
    rows: list[dict] = []
    start = time.perf_counter()
    for name in suites:
        module = importlib.import_module(name)
        t0 = time.perf_counter()
        rows.extend(module.measure(quick=quick))
        print(f"  {name}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    print()
    print_table(rows)
    print(f"\ntotal {time.perf_counter() - start:.0f} s")
    return 0 if all(r["passed"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
