"""Core speed: loading + validating the shipped packs and evaluating a full assessment, against
``python -c "import pydantic, yaml"``; and how evaluation time grows with pack size.

Run alone: ``python benchmarks/core_bench.py`` (prints the rows, exits 1 if a target is missed).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import interleaved_medians, python, row  # noqa: E402

FULL_RUN = (
    "import sys; sys.path.insert(0, 'benchmarks')\n"
    "from synthetic import full_answers\n"
    "from wizard.core.content import load_content\n"
    "from wizard.core.assessment import new_assessment\n"
    "from wizard.core.engine import evaluate\n"
    "content = load_content()\n"
    "assessment = new_assessment(content)\n"
    "assessment.answers = full_answers(content)\n"
    "report = evaluate(content, assessment)\n"
    "assert report.findings\n"
)


def measure_load(runs: int = 10) -> dict:
    medians = interleaved_medians({
        "ours": [python(), "-c", FULL_RUN],
        "baseline": [python(), "-c", "import pydantic, yaml"],
    }, runs=runs)
    return row("load + validate all packs + evaluate a full assessment (process)",
               medians["ours"], medians["baseline"], 2.0)


EVAL_ONE = (
    "import sys, time, tempfile; from pathlib import Path; sys.path.insert(0, 'benchmarks')\n"
    "from synthetic import full_answers, write_packs\n"
    "from wizard.core.assessment import new_assessment\n"
    "from wizard.core.content import load_content\n"
    "from wizard.core.engine import evaluate\n"
    "n, repeats = int(sys.argv[1]), int(sys.argv[2])\n"
    "folder = write_packs(Path(tempfile.mkdtemp(prefix='aitr-bench-')) / 'packs', n)\n"
    "content = load_content(folder)\n"
    "assessment = new_assessment(content)\n"
    "assessment.answers = full_answers(content)\n"
    "evaluate(content, assessment)\n"
    "best = float('inf')\n"
    "for _ in range(repeats):\n"
    "    start = time.perf_counter(); evaluate(content, assessment)\n"
    "    best = min(best, time.perf_counter() - start)\n"
    "print(best)\n"
)


def _eval_time(n: int, repeats: int = 5) -> float:
    """Best of ``repeats`` evaluations of a full assessment on generated packs of ``n``
    questions, in a fresh process per size (sizes must not share caches or heap)."""
    import subprocess

    from common import ROOT, env

    result = subprocess.run([python(), "-c", EVAL_ONE, str(n), str(repeats)], cwd=ROOT,
                            env=env(), capture_output=True, text=True, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def measure_scaling(sizes=(500, 5000, 50000), rounds: int = 3) -> list[dict]:
    """Each size in ``rounds`` fresh processes, sizes interleaved so that a slow spell of the
    machine hits every size alike; the best time per size counts (50,000 runs once)."""
    times: dict[int, float] = {}
    for _ in range(rounds):
        for n in sizes:
            if n >= 50000 and n in times:
                continue
            best = _eval_time(n, repeats=7 if n < 50000 else 2)
            times[n] = min(times.get(n, best), best)
    rows = []
    for small, large in zip(sizes, sizes[1:]):
        # the target (issue #2) is set for 500 -> 5,000; larger steps are reported for review
        kind = "ratio" if small == sizes[0] else "info"
        rows.append(row(f"evaluation growth {small:,} -> {large:,} questions "
                        f"({times[small] * 1000:.0f} ms -> {times[large] * 1000:.0f} ms)",
                        times[large], times[small], 12.0, kind=kind))
    return rows


def measure(quick: bool = False) -> list[dict]:
    sizes = (500, 5000) if quick else (500, 5000, 50000)
    return [measure_load(5 if quick else 10), *measure_scaling(sizes)]


if __name__ == "__main__":
    from run import print_table

    rows = measure(quick="--quick" in sys.argv)
    print_table(rows)
    sys.exit(0 if all(r["passed"] for r in rows) else 1)
