"""The robustness campaign at scale: ``python -m tests.robustness.campaign [--scale N]``.

Not part of the test suite (its file name is not ``test_*``); the tests in this folder run
the same checks a few dozen times, this script runs them by the thousand and prints a tally
(tries, failures) per campaign, the figures of docs/guarantees.md. Exit code 1 when anything
failed, with the first failures of each campaign printed.

Campaigns (counts at ``--scale 1``):

* kill-save: a process saving assessments A and B in turn is killed (SIGKILL) at a random
  moment, 400 times, in four set-ups: a plain file, a file reached through a symbolic link, a
  255-byte Korean name, a shared file with mode 0664. After each kill the file is exactly A or
  B, the .bak is A, B or absent, at most two temporary files are left, the link is still a
  link and the mode is still 0664.
* kill-export: a process writing reports over one file (``--force``) or creating new ones
  (exclusively) is killed 200 times: every report file present is complete.
* race: two processes export to the same new name at the same moment, 100 times: exactly one
  wins and the file is whole.
* hostile-assessments: 4,000 malformed and hostile assessment files (mutations of a valid file,
  duplicate keys, huge counts, deep nesting, long texts, pipes, devices, links that lead
  nowhere). Each is read or refused with an ``AssessmentError`` within 10 s; each one read gives
  a JSON report.
* hostile-packs: 400 damaged pack folders (byte edits, truncation, aliases, Python tags,
  nesting, huge lists, long conditions, many files). ``validate_folder`` returns problems
  within 10 s and never raises; no Python tag ever runs.
* outputs: 600 exports to every kind of existing path (file, link, dangling link, circle of
  links, folder, pipe, device, an input): none replaces a file it was not asked to replace,
  none replaces an input or turns a link, pipe or device into a regular file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.robustness._support import (RACER, add_long_findings,  # noqa: E402
                                       kill_a_saver, two_assessments)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
MINI = ROOT / "tests" / "fixtures" / "mini"
TIME_LIMIT = 10.0


class Tally:
    def __init__(self, name: str) -> None:
        self.name = name
        self.tries = 0
        self.failures: list[str] = []
        self.notes: dict[str, int] = {}
        self.slowest = 0.0

    def check(self, ok: bool, what: str) -> bool:
        self.tries += 1
        if not ok:
            self.failures.append(what)
        return ok

    def note(self, key: str) -> None:
        self.notes[key] = self.notes.get(key, 0) + 1


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")


# -- kill-save ------------------------------------------------------------------------------
def _kill_lane(setup: str, runs: int, seed: int, work: Path, a_file: Path, b_file: Path,
               a_bytes: bytes, b_bytes: bytes, tally: Tally) -> None:
    from wizard.core.storage import backup_path, temp_pattern

    rng = random.Random(seed)
    folder = work / f"고객 폴더 {setup}"
    folder.mkdir()
    real = folder / "평가 결과.aitr.json"
    target = real
    if setup == "link":
        (folder / "실제").mkdir()
        real = folder / "실제" / "평가 결과.aitr.json"
        target = folder / "바로 가기.aitr.json"
        target.symlink_to(os.path.relpath(real, folder))
    elif setup == "long":
        real = target = folder / ("평" * 81 + "xx.aitr.json")          # 255 bytes
    elif setup == "shared":
        real.write_bytes(a_bytes)
        os.chmod(real, 0o664)
    pattern = temp_pattern(real)
    for run in range(runs):
        ready, _, err = kill_a_saver(target, a_file, b_file, rng, _env())
        where = f"{setup} run {run} (seed {seed})"
        if ready != "ready":
            tally.check(False, f"{where}: the saver died early: {err[-300:]}")
            continue
        data = real.read_bytes() if real.exists() else None
        bak = backup_path(real)
        bak_data = bak.read_bytes() if bak.exists() else None
        temps = [n for n in os.listdir(real.parent) if pattern.match(n)]
        problems = []
        if data not in (a_bytes, b_bytes):
            problems.append("the file is neither A nor B")
        if bak_data not in (None, a_bytes, b_bytes):
            problems.append("the .bak is broken")
        if len(temps) > 2:
            problems.append(f"leftovers pile up: {temps}")
        if setup == "link" and not target.is_symlink():
            problems.append("the link was replaced")
        if setup == "shared" and stat.S_IMODE(os.stat(real).st_mode) != 0o664:
            problems.append(f"mode became {oct(stat.S_IMODE(os.stat(real).st_mode))}")
        tally.check(not problems, f"{where}: {'; '.join(problems)}")
        tally.note("killed with a temporary file left" if temps else "killed between saves")
        tally.note("file was A" if data == a_bytes else "file was B")


def kill_save(scale: float, work: Path) -> Tally:
    from wizard.core.content import load_content

    tally = Tally("kill-save (SIGKILL during assessment saves)")
    a, b = two_assessments(load_content(MINI))
    a_file, b_file = work / "a.src", work / "b.src"
    a_file.write_text(a.to_json(), encoding="utf-8")
    b_file.write_text(b.to_json(), encoding="utf-8")
    a_bytes, b_bytes = a.to_json().encode("utf-8"), b.to_json().encode("utf-8")
    runs = max(1, int(100 * scale))
    seed = random.randrange(2**32)
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda item: _kill_lane(item[1], runs, seed + item[0], work, a_file,
                                              b_file, a_bytes, b_bytes, tally),
                      enumerate(("plain", "link", "long", "shared"))))
    return tally


# -- kill-export and race -------------------------------------------------------------------
EXPORTER = r"""
import sys
from pathlib import Path
from wizard.core.errors import InputError
from wizard.core.storage import write_new_file
folder, mode = Path(sys.argv[1]), sys.argv[2]
a, b = b"A" * 3_000_000, b"B" * 3_000_000
print("ready", flush=True)
n = 0
while True:
    n += 1
    if mode == "force":
        write_new_file(folder / "report.md", a if n % 2 else b, force=True)
    else:
        write_new_file(folder / f"report-{n}.md", a if n % 2 else b)
"""


def kill_export(scale: float, work: Path) -> Tally:
    tally = Tally("kill-export (SIGKILL during report writes)")
    rng = random.Random()
    whole = (b"A" * 3_000_000, b"B" * 3_000_000)
    for run in range(max(1, int(200 * scale))):
        mode = "force" if run % 2 else "new"
        folder = work / f"export-{run}"
        folder.mkdir()
        proc = subprocess.Popen([sys.executable, "-c", EXPORTER, str(folder), mode],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
        try:
            proc.stdout.readline()
            time.sleep(rng.uniform(0, 0.3))
        finally:
            proc.kill()
            proc.communicate(timeout=60)
        reports = [p for p in folder.iterdir() if p.name.endswith(".md")]
        broken = [p.name for p in reports if p.read_bytes() not in whole]
        tally.check(not broken, f"{mode} run {run}: incomplete report files {broken}")
        tally.note(f"{mode} runs")
        tally.notes["report files checked"] = tally.notes.get("report files checked", 0) + \
            len(reports)
        leftovers = [p for p in folder.iterdir() if p.name.endswith(".tmp")]
        if leftovers:
            tally.note("killed with a temporary file left")
        shutil.rmtree(folder)
    return tally


def race(scale: float, work: Path) -> Tally:
    tally = Tally("race (two exports to one new name)")
    folder = work / "race"
    folder.mkdir()
    for attempt in range(max(1, int(100 * scale))):
        target = folder / f"보고서 {attempt}.md"
        start = time.time() + 0.8
        racers = [subprocess.Popen([sys.executable, "-c", RACER, str(target), str(start), tag],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env=_env()) for tag in "AB"]
        outcomes = sorted(r.communicate(timeout=60)[0].split(" ", 1)[0].strip() for r in racers)
        data = target.read_bytes() if target.exists() else b""
        ok = outcomes == ["refused", "wrote"] and data in (b"A" * 1_000_000, b"B" * 1_000_000)
        tally.check(ok, f"attempt {attempt}: {outcomes}, {len(data)} bytes")
    return tally


# -- hostile assessments --------------------------------------------------------------------
def _valid_assessment() -> dict:
    return {"format": "ai-trade-readiness-assessment", "schema_version": 1,
            "packs": {"profile": "1.0.0", "chips": "1.0.0"},
            "meta": {"company": "한빛 반도체", "assessor": "김", "date": "2026-11-23",
                     "language": "both"},
            "answers": {"profile.activities": ["chips"], "profile.customer_hq": ["CN", "SG"],
                        "chips.sells": "yes", "chips.tops": 312, "chips.bits": 16,
                        "chips.die_area": 826, "profile.screening": "no"},
            "notes": {"chips.sells": "메모"},
            "plan": {"apply_licence": {"owner": "이", "status": "in_progress"}}}


def _hostile_bytes(rng: random.Random, kind: str) -> bytes:
    base = _valid_assessment()
    text = json.dumps(base, ensure_ascii=False, indent=1)
    raw = text.encode("utf-8")
    if kind == "truncate":
        return raw[:rng.randrange(len(raw))]
    if kind == "flip":
        data = bytearray(raw)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if kind == "insert":
        pos = rng.randrange(len(text))
        junk = rng.choice(['{', '[', '"', '\\u', '\\ud800', '1e999', '-', ',', ':', 'null',
                           '"x": 1,', '<script>', '{{ 7*191 }}', '\x00'])
        return (text[:pos] + junk + text[pos:]).encode("utf-8", "replace")
    if kind == "duplicate":
        key = rng.choice(["answers", "notes", "plan", "meta", "format"])
        return (text[:-1] + f', "{key}": {{}}}}').encode("utf-8")
    if kind == "many":
        part = rng.choice(["answers", "notes", "plan"])
        count = rng.choice([2001, 50_000, 400_000, 900_000])
        value = {"answers": '"yes"', "notes": '""', "plan": "{}"}[part]
        body = ",".join(f'"{i:x}":{value}' for i in range(count))
        return (f'{{"format":"ai-trade-readiness-assessment","schema_version":1,'
                f'"{part}":{{{body}}}}}').encode()[:10 * 1024 * 1024 + 10]
    if kind == "deep":
        depth = rng.choice([21, 100, 10_000, 200_000])
        return b'{"format":"ai-trade-readiness-assessment","schema_version":1,"answers":' \
            b'{"chips.sells":' + b"[" * depth + b"]" * depth + b"}}"
    if kind == "long":
        size = rng.choice([5001, 100_000, 5_000_000])
        part = rng.choice(["notes", "answers", "meta"])
        value = "가" * size
        if part == "meta":
            base["meta"]["company"] = value
        else:
            base[part][rng.choice(["chips.sells", "gone.question"])] = value
        return json.dumps(base, ensure_ascii=False).encode("utf-8")
    if kind == "unfitting":
        base["packs"] = {"profile": "0.1.0", "chips": "0.1.0"}
        count = rng.choice([10, 499, 500, 501, 1999])
        base["notes"] = {f"chips.gone_{i}": "메모" * rng.randint(0, 50) for i in range(count)}
        return json.dumps(base, ensure_ascii=False).encode("utf-8")
    if kind == "types":
        victim = rng.choice(["meta", "answers", "notes", "plan", "packs", "schema_version"])
        base[victim] = rng.choice([None, 1, -1, 1e308, "x", [], [1, 2], {"a": {"b": []}},
                                   True, 10 ** 300])
        return json.dumps(base).encode("utf-8")
    if kind == "numbers":
        digits = rng.choice([301, 5000, 100_000])
        return (text[:-1] + f', "x": {"9" * digits}}}').encode()
    return os.urandom(rng.randint(0, 4096))


ASSESSMENT_KINDS = ("truncate", "flip", "insert", "duplicate", "many", "deep", "long",
                    "unfitting", "types", "numbers", "random")


def _special_files(folder: Path) -> list[Path]:
    made = []
    fifo = folder / "pipe.aitr.json"
    os.mkfifo(fifo)
    made.append(fifo)
    for name, target in (("dangling.aitr.json", "nowhere.json"), ("zero.aitr.json", "/dev/zero"),
                         ("loop-a.json", "loop-b.json"), ("loop-b.json", "loop-a.json")):
        (folder / name).symlink_to(target)
        made.append(folder / name)
    (folder / "folder.aitr.json").mkdir()
    made.append(folder / "folder.aitr.json")
    try:
        os.mknod(folder / "null.aitr.json", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        made.append(folder / "null.aitr.json")
    except (PermissionError, AttributeError):
        pass
    return made


def hostile_assessments(scale: float, work: Path) -> Tally:
    from wizard.core.assessment import load_assessment
    from wizard.core.content import load_content
    from wizard.core.engine import evaluate
    from wizard.core.errors import AssessmentError

    tally = Tally("hostile-assessments (load, then a JSON report if read)")
    content = load_content(MINI)
    rng = random.Random(17)
    folder = work / "hostile-assessments"
    folder.mkdir()
    paths = _special_files(folder)
    total = max(len(ASSESSMENT_KINDS), int(4000 * scale))
    for index in range(total):
        kind = ASSESSMENT_KINDS[index % len(ASSESSMENT_KINDS)]
        path = folder / f"{index:05d}-{kind}.aitr.json"
        path.write_bytes(_hostile_bytes(rng, kind))
        paths.append(path)
    for path in paths:
        start = time.perf_counter()
        problems, outcome = [], "?"
        try:
            loaded = load_assessment(path, content)
            evaluate(content, loaded.assessment, loaded.dropped).to_json()
            outcome = "read"
        except AssessmentError as exc:
            message = str(exc)
            outcome = "refused"
            if "Traceback" in message or "\n" in message.strip() or len(message) > 3000:
                problems.append(f"unreadable message {message[:200]!r}")
        except BaseException as exc:  # noqa: BLE001 - anything else is what we look for
            problems.append(f"{exc.__class__.__name__}: {str(exc)[:200]}")
        took = time.perf_counter() - start
        tally.slowest = max(tally.slowest, took)
        if took >= TIME_LIMIT:
            problems.append(f"took {took:.1f} s")
        tally.check(not problems, f"{path.name}: {'; '.join(problems)}")
        tally.note(outcome)
        if path.is_file() and not path.is_symlink():
            path.unlink()
    return tally


# -- hostile packs --------------------------------------------------------------------------
PACK_KINDS = ("flip", "truncate", "alias", "python", "deep", "huge_list", "long_condition",
              "many_files", "delete_key", "duplicate_id", "random", "big_file")


def _mutate_pack_folder(rng: random.Random, folder: Path, kind: str, marker: Path) -> None:
    chips = folder / "chips.yaml"
    text = chips.read_text(encoding="utf-8")
    if kind == "flip":
        data = bytearray(text.encode("utf-8"))
        for _ in range(rng.randint(1, 10)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        chips.write_bytes(bytes(data))
    elif kind == "truncate":
        chips.write_text(text[:rng.randrange(len(text))], encoding="utf-8")
    elif kind == "alias":
        bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
            for i in range(9))
        chips.write_text(text + "\nbomb:\n" + "".join("  " + line + "\n"
                                                      for line in bomb.splitlines()),
                         encoding="utf-8")
    elif kind == "python":
        tag = rng.choice(["!!python/object/apply:os.system", "!!python/object/new:os.system",
                          "!!python/name:os.system", "!!python/module:os"])
        chips.write_text(text + f"\nextra: {tag} [\"touch {marker}\"]\n", encoding="utf-8")
    elif kind == "deep":
        depth = rng.choice([41, 1000, 100_000])
        chips.write_text(f"id: chips\nx: {'[' * depth}{']' * depth}\n", encoding="utf-8")
    elif kind == "huge_list":
        count = rng.choice([99_000, 150_000, 500_000])
        chips.write_text(text + "\nextra: [" + ",".join(["a"] * count) + "]\n",
                         encoding="utf-8")
    elif kind == "long_condition":
        add_long_findings(chips, rng.choice([10, 99, 150]), distinct=True)
    elif kind == "many_files":
        for i in range(rng.choice([20, 49, 51])):
            (folder / f"extra_{i}.yaml").write_text(text.replace("id: chips", f"id: c{i}", 1),
                                                    encoding="utf-8")
    elif kind == "delete_key":
        lines = text.splitlines()
        del lines[rng.randrange(len(lines))]
        chips.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif kind == "duplicate_id":
        chips.write_text(text.replace("id: kyc", "id: sells", 1), encoding="utf-8")
    elif kind == "big_file":
        size = rng.choice([1024 * 1024 + 1, 3 * 1024 * 1024])
        with chips.open("ab") as fh:
            fh.write(b"#" * (size - len(text.encode())))
    else:
        chips.write_bytes(os.urandom(rng.randint(0, 8192)))


def hostile_packs(scale: float, work: Path) -> Tally:
    from wizard.core.content import validate_folder

    tally = Tally("hostile-packs (validate_folder)")
    rng = random.Random(170)
    marker = work / "PYTHON-RAN"
    for index in range(max(len(PACK_KINDS), int(400 * scale))):
        kind = PACK_KINDS[index % len(PACK_KINDS)]
        folder = work / f"packs-{index}"
        shutil.copytree(MINI, folder)
        _mutate_pack_folder(rng, folder, kind, marker)
        start = time.perf_counter()
        problems = []
        try:
            found = validate_folder(folder)
            tally.note("problems found" if found else "clean")
        except BaseException as exc:  # noqa: BLE001
            problems.append(f"{exc.__class__.__name__}: {str(exc)[:200]}")
        took = time.perf_counter() - start
        tally.slowest = max(tally.slowest, took)
        if took >= TIME_LIMIT:
            problems.append(f"took {took:.1f} s")
        if marker.exists():
            problems.append("a Python tag ran")
        tally.check(not problems, f"{kind} #{index}: {'; '.join(problems)}")
        shutil.rmtree(folder)
    return tally


# -- outputs --------------------------------------------------------------------------------
OUTPUT_KINDS = ("new", "existing", "existing-force", "link", "dangling", "dangling-force",
                "loop", "folder", "fifo", "device", "input", "input-hardlink", "input-link")


def outputs(scale: float, work: Path) -> Tally:
    from wizard.core.errors import InputError
    from wizard.core.storage import write_new_file

    tally = Tally("outputs (exports to every kind of path)")
    rng = random.Random(1717)
    for index in range(max(len(OUTPUT_KINDS), int(600 * scale))):
        kind = OUTPUT_KINDS[index % len(OUTPUT_KINDS)]
        folder = work / f"out-{index}"
        folder.mkdir()
        source = folder / "평가.aitr.json"
        source.write_bytes(b"the assessment")
        out = folder / "보고서.md"
        force = kind.endswith("force") or kind.startswith("input") or rng.random() < 0.5
        if kind.startswith("existing"):
            out.write_bytes(b"old report")
        elif kind == "link":
            (folder / "real.md").write_bytes(b"old report")
            out.symlink_to("real.md")
        elif kind.startswith("dangling"):
            out.symlink_to("missing.md")
        elif kind == "loop":
            out.symlink_to("other.md")
            (folder / "other.md").symlink_to(out.name)
        elif kind == "folder":
            out.mkdir()
        elif kind == "fifo":
            os.mkfifo(out)
            reader = subprocess.Popen(["cat", str(out)], stdout=subprocess.DEVNULL)
        elif kind == "device":
            try:
                os.mknod(out, stat.S_IFCHR | 0o666, os.makedev(1, 3))
            except (PermissionError, AttributeError):
                shutil.rmtree(folder)
                continue
        elif kind == "input":
            out = source
        elif kind == "input-hardlink":
            os.link(source, out)
        elif kind == "input-link":
            out.symlink_to(source.name)
        before = {p.name: (os.lstat(p).st_mode, p.read_bytes() if p.is_file() else None)
                  for p in folder.iterdir() if not stat.S_ISFIFO(os.lstat(p).st_mode)}
        try:
            write_new_file(out, b"new report", force=force, inputs=[source])
            wrote = True
        except InputError:
            wrote = False
        if kind == "fifo":
            reader.wait(10)
        after_mode = os.lstat(out).st_mode if os.path.lexists(out) else None
        problems = []
        if source.read_bytes() != b"the assessment":
            problems.append("the input was replaced")
        if kind in ("existing", "dangling") and not force and wrote:
            problems.append("replaced without --force")
        if kind in ("link", "dangling", "dangling-force", "input-link", "loop") and \
                (after_mode is None or not stat.S_ISLNK(after_mode)):
            problems.append("the link was replaced")
        if kind == "fifo" and not stat.S_ISFIFO(after_mode or 0):
            problems.append("the pipe was replaced")
        if kind == "device" and not stat.S_ISCHR(after_mode or 0):
            problems.append("the device was replaced")
        if kind == "folder" and not stat.S_ISDIR(after_mode or 0):
            problems.append("the folder was replaced")
        if kind == "new" and (not wrote or out.read_bytes() != b"new report"):
            problems.append("a new report was not written")
        if kind in ("existing", "existing-force") and not wrote and \
                out.read_bytes() != b"old report":
            problems.append("a refused export changed the file")
        if kind.startswith("input") and wrote:
            problems.append("wrote over an input")
        for name, (mode, data) in before.items():
            path = folder / name
            if name in (out.name, "real.md", "missing.md") and wrote:
                continue
            if os.path.lexists(path) and path.is_file() and data is not None and \
                    path.read_bytes() != data:
                problems.append(f"{name} changed")
        tally.check(not problems, f"{kind} #{index} (force={force}): {'; '.join(problems)}")
        tally.note("written" if wrote else "refused")
        shutil.rmtree(folder)
    return tally


CAMPAIGNS = {"kill-save": kill_save, "kill-export": kill_export, "race": race,
             "hostile-assessments": hostile_assessments, "hostile-packs": hostile_packs,
             "outputs": outputs}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply every count (0.1 for a quick look)")
    parser.add_argument("--only", choices=sorted(CAMPAIGNS), action="append",
                        help="run only these campaigns (repeatable)")
    options = parser.parse_args(argv)
    if os.name != "posix":
        print("the campaign needs POSIX (SIGKILL, pipes, devices)", file=sys.stderr)
        return 2
    tallies = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="robustness-campaign-") as tmp:
        for name, campaign in CAMPAIGNS.items():
            if options.only and name not in options.only:
                continue
            work = Path(tmp) / name
            work.mkdir()
            begin = time.perf_counter()
            tally = campaign(options.scale, work)
            tally.elapsed = time.perf_counter() - begin
            tallies.append(tally)
            print(f"{tally.name}: {tally.tries} tries, {len(tally.failures)} failures "
                  f"({tally.elapsed:.0f} s)", flush=True)
    print()
    print(f"{'campaign':<58} {'tries':>7} {'failures':>8} {'slowest':>8}  outcomes")
    for tally in tallies:
        slowest = f"{tally.slowest:.2f}s" if tally.slowest else "-"
        outcomes = ", ".join(f"{k}: {v}" for k, v in sorted(tally.notes.items()))
        print(f"{tally.name:<58} {tally.tries:>7} {len(tally.failures):>8} {slowest:>8}  "
              f"{outcomes}")
    print(f"\n{time.perf_counter() - started:.0f} s in all")
    failed = [t for t in tallies if t.failures]
    for tally in failed:
        print(f"\n{tally.name}: first failures")
        for line in tally.failures[:10]:
            print(f"  {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.exit(main())
