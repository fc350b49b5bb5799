"""Core speed: loading + validating the shipped packs and evaluating a full assessment, against
``python -c "import pydantic, yaml"``; and, for information, what one full evaluation costs on
today's packs and on content ten times their size.

Run alone: ``python benchmarks/core_bench.py`` (prints the rows, exits 1 if a target is missed).
"""

from __future__ import annotations

import sys
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
    "folder = write_packs(Path(tempfile.mkdtemp(prefix='aitr-bench-')) / 'packs', n) if n "
    "else None\n"
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
    """Best of ``repeats`` evaluations of a full assessment, in a fresh process: on the
    built-in packs (``n`` = 0) or on generated packs of ``n`` questions."""
    import subprocess

    from common import ROOT, env

    result = subprocess.run([python(), "-c", EVAL_ONE, str(n), str(repeats)], cwd=ROOT,
                            env=env(), capture_output=True, text=True, check=True)
    return float(result.stdout.strip().splitlines()[-1])


def measure_evaluation(scale: int = 10) -> list[dict]:
    """What a full evaluation (the results page, every report) costs: on today's packs and on
    content ``scale`` times their size. For information: the engine keeps no cache, so this is
    the whole cost every time (docs/performance.md)."""
    from wizard.core.content import load_content

    today = len(load_content().questions)
    return [row(f"  info: full evaluation, today's packs ({today} questions, ms)",
                _eval_time(0, 7), None, None, kind="info"),
            row(f"  info: full evaluation, {scale}x today's ({scale * today:,} questions, ms)",
                _eval_time(scale * today, 5), None, None, kind="info")]


def measure(quick: bool = False) -> list[dict]:
    return [measure_load(5 if quick else 10), *measure_evaluation()]


if __name__ == "__main__":
    from run import print_table

    rows = measure(quick="--quick" in sys.argv)
    print_table(rows)
    sys.exit(0 if all(r["passed"] for r in rows) else 1)
