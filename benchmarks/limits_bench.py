"""Worst cases the load-time limits allow: ``python benchmarks/limits_bench.py [--no-pdf]``.

Builds, in a temporary folder, the largest and most expensive inputs the limits accept (and a
few just over them), runs the command line on each as a user would, and prints wall time and
peak memory of every run, with the same measured for the built-in packs and a full assessment
as the baseline of this run. The figures in docs/guarantees.md (section 5) come from here.

Assessments (against the built-in packs):
  * the worst accepted file: every question answered with a 5,000-character note, every
    action with a 2,000-character comment, and 500 entries (the most that are set aside) of
    5,000 Korean characters for questions an older version had, about 9.9 MB;
  * refused files: 800,000 empty notes, 950,000 plan entries, 200,000 values in one answer,
    501 entries that no longer fit, a duplicate key at the end of a 10 MB file.
Packs (``validate``):
  * dense: synthetic packs at the 100,000-value limit; the same with findings of
    2,000-character conditions up to the 200,000-character limit; long texts, about 3 MB;
  * refused: 1.4 MB of conditions, 500,000 values in one 1 MB file, 3.4 MB in a folder.
Not part of the test suite; takes a few minutes (most of it the PDFs).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from common import env  # noqa: E402


def run(args: list[str], timeout: float = 3600) -> tuple[float, float, int, str]:
    """(seconds, peak MB, exit code, last line of stderr) of one command-line run. The peak is
    measured by /usr/bin/time where there is one (a child forked from this large process would
    otherwise inherit its peak); else it is not known (nan)."""
    command = [sys.executable, "-m", "wizard", *map(str, args)]
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        timer = shutil.which("time") and Path("/usr/bin/time").is_file()
        if timer:
            command = ["/usr/bin/time", "-q", "-f", "%M", "-o", rss.name, *command]
        start = time.perf_counter()
        done = subprocess.run(command, env=env(), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, cwd=ROOT, timeout=timeout)
        elapsed = time.perf_counter() - start
        peak = float("nan")
        if timer:
            try:
                peak = int(Path(rss.name).read_text().split()[-1]) / 1024
            except (ValueError, IndexError, OSError):
                pass
    err = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return elapsed, peak, done.returncode, (err[-1] if err else "")


def hangul(length: int, seed: int = 0) -> str:
    """``length`` characters of Korean-looking text (Hangul syllables and spaces): what a
    note written in Korean costs in bytes (3 a syllable) and in layout."""
    chars = []
    for i in range(length):
        chars.append(" " if i % 6 == 5 else chr(0xAC00 + (i * 7919 + seed * 104729) % 11172))
    return "".join(chars)


def header(content) -> dict:
    return {"format": "ai-trade-readiness-assessment", "schema_version": 1,
            "packs": dict(content.versions), "meta": {"company": hangul(6), "language": "ko"}}


def worst_assessment(content) -> dict:
    from synthetic import full_answers

    data = header(content)
    data["packs"] = {pid: "0.0.1" for pid in content.versions}   # an older version: set aside
    data["answers"] = full_answers(content)
    data["notes"] = {qid: hangul(5000, n) for n, qid in enumerate(content.questions)}
    data["plan"] = {aid: {"owner": hangul(3), "status": "open", "comment": hangul(2000, n)}
                    for n, aid in enumerate(content.actions)}
    for i in range(500):
        data["notes"][f"profile.removed_{i}"] = hangul(5000, 1000 + i)
    return data


def full_assessment(content) -> dict:
    from synthetic import full_answers

    data = header(content)
    data["answers"] = full_answers(content)
    return data


def write(folder: Path, name: str, data, compact: bool = False) -> Path:
    path = folder / name
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":") if compact else None)
    path.write_text(text, encoding="utf-8")
    return path


def assessment_cases(folder: Path, content) -> dict[str, Path]:
    cases = {"baseline: a full assessment (all questions answered)":
             write(folder, "full.json", full_assessment(content)),
             "worst accepted assessment (500 long entries set aside)":
             write(folder, "worst.json", worst_assessment(content))}
    base = header(content)
    cases["refused: 800,000 empty notes (10 MB)"] = write(
        folder, "notes.json", {**base, "notes": {f"{i:x}": "" for i in range(800_000)}}, True)
    cases["refused: 950,000 plan entries"] = write(
        folder, "plan.json", {**base, "plan": {f"{i:x}": {} for i in range(950_000)}}, True)
    cases["refused: 200,000 values in one answer"] = write(
        folder, "values.json", {**base, "answers": {"profile.x": ["KR"] * 200_000}}, True)
    cases["refused: 501 entries that no longer fit"] = write(
        folder, "unfitting.json", {**base, "notes": {f"profile.gone_{i}": hangul(2)
                                                     for i in range(501)}})
    padded = json.dumps(full_assessment(content), ensure_ascii=False)
    filler = " " * (10 * 1024 * 1024 - len(padded.encode()) - 40)
    dup = folder / "duplicate.json"
    dup.write_text(padded[:-1] + filler + ', "answers": {}}', encoding="utf-8")
    cases["refused: duplicate key at the end of 10 MB"] = dup
    return cases


def _t(text: str) -> dict:
    return {"ko": f"{text} ({hangul(1)})", "en": text}


def dense_packs(folder: Path, spare: int = 0) -> Path:
    """Synthetic packs just under the value and size limits (``spare`` values left free)."""
    from synthetic import write_packs

    from wizard.core import content as content_mod
    from wizard.core import yamlsource

    low, high = 100, 20_000
    best = None
    while low <= high:                     # the most questions that stay within both limits
        mid = (low + high) // 2
        trial = folder / f"dense-{spare}-{mid}"
        write_packs(trial, mid)
        values = _values(trial)
        size = sum(p.stat().st_size for p in trial.glob("*.yaml"))
        if values <= yamlsource.MAX_NODES - spare and size <= content_mod.MAX_FOLDER_BYTES and \
                max(p.stat().st_size for p in trial.glob("*.yaml")) <= yamlsource.MAX_BYTES:
            best, low = trial, mid + 1
        else:
            high = mid - 1
    return best


def _values(folder: Path) -> int:
    import yaml

    count = 0
    for path in folder.glob("*.yaml"):
        for event in yaml.parse(path.read_text(encoding="utf-8"),
                                Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent,
                                  yaml.SequenceStartEvent)):
                count += 1
    return count


def _condition(qids: list[str], k: int) -> str:
    """A condition of about 1,990 characters, different for every ``k`` (so that the
    parser's cache never helps): rotated questions, a bracket in a varying place."""
    turn = k % len(qids)
    clauses = [f"{q} == 'yes'" for q in (qids[turn:] + qids[:turn]) * 80]
    cut = 1 + (k // len(qids)) % 25
    text = "(" + " or ".join(clauses[:cut]) + ") or " + " or ".join(clauses[cut:])
    text = "not not " * (k // (25 * len(qids))) + text
    text = text[:1990]
    return text[:text.rfind(" or ")]


def _conditions_length(folder: Path) -> int:
    import yaml

    total = 0
    for path in folder.glob("*.yaml"):
        pack = yaml.load(path.read_text(encoding="utf-8"),
                         Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        if not isinstance(pack, dict):
            continue
        total += len(pack.get("applies_if") or "")
        total += sum(len(f["when"]) for f in pack.get("findings", []))
        for section in pack.get("sections", []):
            total += len(section.get("show_if") or "")
            total += sum(len(q.get("show_if") or "") for q in section["questions"])
    return total


def long_condition_packs(base: Path, target: Path, chars: int) -> Path:
    """``base`` with findings of 2,000-character conditions added to its chips, cloud and api
    packs until the conditions of the folder are ``chars`` long together."""
    import shutil

    import yaml

    shutil.copytree(base, target)
    left = chars - _conditions_length(target)
    k = 0
    while left > 2100:
        for pack_id in ("chips", "cloud", "api"):
            pack_path = target / f"{pack_id}.yaml"
            pack = yaml.safe_load(pack_path.read_text(encoding="utf-8"))
            qids = [q["id"] for s in pack["sections"] for q in s["questions"]
                    if q["kind"] == "yes_no_unsure"][:40]
            added = []
            while left > 2100 and len(added) < 40:
                when = _condition(qids, k)
                added.append({"id": f"{pack_id}_long_{k}", "severity": "high",
                              "title": _t(f"F{k}"), "explanation": _t("x"), "when": when,
                              "rules": ["hq_rule"], "actions": [pack["actions"][0]["id"]]})
                left -= len(when)
                k += 1
            pack["findings"] = pack["findings"] + added
            pack_path.write_text(yaml.safe_dump(pack, allow_unicode=True, sort_keys=False,
                                                width=4000), encoding="utf-8")
    return target


def long_text_packs(folder: Path) -> Path:
    """The built-in packs with their help texts made long, about 3 MB in all."""
    import shutil

    import yaml

    target = folder / "prose"
    shutil.copytree(ROOT / "questionnaires", target)
    files = sorted(target.glob("*.yaml"))
    budget = int(2.9 * 1024 * 1024)
    for path in files:
        pack = yaml.safe_load(path.read_text(encoding="utf-8"))
        for section in pack.get("sections", []):
            for question in section["questions"]:
                question["help"] = {"ko": hangul(3600), "en": "help text " * 900}
        text = yaml.safe_dump(pack, allow_unicode=True, sort_keys=False, width=100)
        path.write_text(text, encoding="utf-8")
    total = sum(p.stat().st_size for p in files)
    assert total <= budget, total
    return target


def pack_cases(folder: Path) -> dict[str, Path]:
    from wizard.core import content as content_mod

    cases = {"baseline: the built-in packs": ROOT / "questionnaires"}
    cases["worst accepted: dense packs at the value limit"] = dense_packs(folder)
    limit = content_mod.MAX_CONDITION_CHARS
    cases["worst accepted: dense packs and conditions at their limits"] = long_condition_packs(
        dense_packs(folder, spare=2500), folder / "conditions", limit - 500)
    cases["worst accepted: long texts, about 3 MB"] = long_text_packs(folder)
    cases["refused: conditions over the limit (1.4 MB of them)"] = long_condition_packs(
        ROOT / "questionnaires", folder / "too-long", 7 * limit)
    flat = folder / "flat"
    flat.mkdir()
    (flat / "flat.yaml").write_text("id: x\nlist: [" + ",".join(["a"] * 500_000) + "]\n",
                                    encoding="utf-8")
    cases["refused: 500,000 values in one 1 MB file"] = flat
    big = folder / "big"
    big.mkdir()
    for i in range(4):
        (big / f"p{i}.yaml").write_text("# " + "x" * 900_000 + "\n", encoding="utf-8")
    cases["refused: 3.4 MB of packs"] = big
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF reports")
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from wizard.core.content import load_content

    content = load_content()
    rows = []
    with tempfile.TemporaryDirectory(prefix="limits-bench-") as tmp:
        folder = Path(tmp)
        for name, path in assessment_cases(folder, content).items():
            size = path.stat().st_size / 2**20
            formats = ("json", "md", "html") + (() if options.no_pdf else ("pdf",))
            if name.startswith("refused"):
                formats = ("json",)
            for fmt in formats:
                out = folder / f"out.{fmt}"
                seconds, peak, code, said = run(["report", path, "--format", fmt, "-o", out,
                                                 "--force"])
                rows.append((f"{name} ({size:.1f} MB) -> report {fmt}", seconds, peak, code,
                             said))
        for name, path in pack_cases(folder).items():
            size = sum(p.stat().st_size for p in path.glob("*.yaml")) / 2**20
            seconds, peak, code, said = run(["validate", path])
            rows.append((f"{name} ({size:.1f} MB, {_values(path):,} values, "
                         f"{_conditions_length(path):,} condition characters) -> validate",
                         seconds, peak, code, said))
    width = max(len(r[0]) for r in rows)
    print(f"{'case'.ljust(width)} | {'time':>8} | {'peak':>8} | exit | message")
    for name, seconds, peak, code, said in rows:
        print(f"{name.ljust(width)} | {seconds:7.2f}s | {peak:6.0f}MB | {code:>4} | "
              f"{said[:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
