"""Helpers every benchmark shares: timing subprocesses, medians, percentiles, result rows."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def env() -> dict:
    result = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    result.pop("PYTHONDONTWRITEBYTECODE", None)
    return result


def time_command(args: list[str], *, cwd: Path = ROOT) -> float:
    """Wall time of one subprocess run, in seconds; fails loudly if the command fails."""
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, env=env(), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {result.stderr[-500:]}")
    return elapsed


def interleaved_medians(commands: dict[str, list[str]], runs: int = 10) -> dict[str, float]:
    """Median wall time of each command, runs interleaved so machine noise hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for name, args in commands.items():  # warm the file cache and .pyc files once
        time_command(args)
    for _ in range(runs):
        for name, args in commands.items():
            times[name].append(time_command(args))
    return {name: statistics.median(values) for name, values in times.items()}


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def row(metric: str, ours: float, baseline: float | None, target: float, unit: str = "s",
        *, kind: str = "ratio") -> dict:
    """One line of the performance table. ``kind`` 'ratio' compares ours/baseline with the
    target; 'absolute' compares ours itself with the target (same unit)."""
    ratio = ours / baseline if baseline else None
    measured = ratio if kind in ("ratio", "info") else ours
    passed = True if kind == "info" else (measured is not None and measured <= target)
    return {"metric": metric, "ours": ours, "baseline": baseline, "ratio": ratio,
            "target": target, "kind": kind, "unit": unit, "passed": passed}


def python() -> str:
    return sys.executable
