"""One command for every performance target: ``python benchmarks/run.py [--bundle] [--quick]``.

Prints one table (metric, ours, baseline, ratio, target, pass/fail) and exits 1 if any target is
missed. Every ratio compares against a baseline measured in the same run. Offscreen, no display
needed; without ``--bundle`` it finishes in a few minutes. Not part of the test suite.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SUITES = ("core_bench", "gui_bench", "report_bench", "bundle_install_bench", "clients_bench")


def _fmt(value, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit in ("MB", "MiB"):
        return f"{value:.1f} {unit}"
    return f"{value:.3g}"


def _kind(r: dict) -> str:
    """ratio (ours/baseline against the target), absolute (ours against the target) or info."""
    if r.get("info") or r.get("target") is None:
        return "info"
    if "kind" in r:
        return r["kind"]
    return "ratio" if r.get("baseline") else "absolute"


def print_table(rows: list[dict]) -> None:
    header = ("metric", "ours", "baseline", "ratio", "target", "result")
    lines = []
    for r in rows:
        kind = _kind(r)
        target = (f"<= {r['target']:g}x" if kind == "ratio" else
                  "-" if r.get("target") is None else
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


def _run_suite(name: str, quick: bool) -> list[dict]:
    """Each suite in a fresh interpreter: one suite's memory (the 50,000-question packs, say)
    must not leak into the next one's figures through fork, caches or the garbage collector."""
    import json
    import subprocess

    code = (f"import json, sys; sys.path[:0] = [{str(HERE)!r}, {str(HERE.parent)!r}]\n"
            f"import {name}\n"
            f"rows = {name}.measure(quick={quick!r})\n"
            "print('@@ROWS@@' + json.dumps(rows))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=HERE.parent)
    sys.stderr.write(result.stderr)
    for line in result.stdout.splitlines():
        if line.startswith("@@ROWS@@"):
            return json.loads(line[len("@@ROWS@@"):])
        print(line, file=sys.stderr)
    raise SystemExit(f"benchmark suite {name} failed (exit {result.returncode})")


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    suites = list(SUITES) + (["bundle_bench"] if "--bundle" in argv else [])
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}")
    rows: list[dict] = []
    start = time.perf_counter()
    for name in suites:
        t0 = time.perf_counter()
        rows.extend(_run_suite(name, quick))
        print(f"  {name}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    print()
    print_table(rows)
    print(f"\ntotal {time.perf_counter() - start:.0f} s")
    return 0 if all(r["passed"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
