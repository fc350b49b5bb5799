"""Saving never leaves a broken file: kill the saving process at random moments and look.

``wizard.core.storage.atomic_write`` writes a temporary file beside the target, fsyncs it,
keeps the previous version as ``.bak`` and renames over the target. These tests kill a real
process in the middle of that (SIGKILL, no clean-up code runs) and check what is on disk.
"""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import ROOT
from wizard.core.assessment import (Assessment, edit_meta, load_assessment, new_assessment,
                                    save_assessment, set_answer)
from wizard.core.errors import InputError
from wizard.core.storage import atomic_write, backup_path, remove_stale_temps, temp_pattern

POSIX = os.name == "posix"
LANES = 2             # kill runs go on in parallel folders (CI has 2 cores)
RUNS_PER_LANE = 21    # 42 kills in all

CHILD = r"""
import json, sys, time
from pathlib import Path
from wizard.core.assessment import Assessment, Meta, PlanEdit, save_assessment

def load(name):
    data = json.loads(Path(name).read_text(encoding="utf-8"))
    return Assessment(**{**data, "meta": Meta(**data["meta"]),
                         "plan": {k: PlanEdit(**v) for k, v in data["plan"].items()}})

target = Path(sys.argv[1])
a = load(sys.argv[2])
b = load(sys.argv[3])
save_assessment(target, a)      # complete saves (they also clear earlier leftovers)
start = time.perf_counter()
save_assessment(target, a)
print(f"ready {time.perf_counter() - start:.6f}", flush=True)
while True:
    save_assessment(target, b)
    save_assessment(target, a)
"""


def _two_assessments(content) -> tuple[Assessment, Assessment]:
    a = new_assessment(content, language="ko")
    a.meta = edit_meta(a.meta, company="한빛 반도체 A")
    set_answer(a, content, "chips.sells", "no")
    b = new_assessment(content, language="en")
    b.meta = edit_meta(b.meta, company="Hanbit B")
    set_answer(b, content, "chips.sells", "yes")
    set_answer(b, content, "profile.customer_hq", ["CN", "KR"])
    # large enough that writing it takes a while: more moments to be killed in
    b.notes = {qid: f"{qid}: 면담 기록 interview notes " * 100 for qid in content.questions}
    return a, b


def _temps(folder: Path, target: Path) -> list[str]:
    pattern = temp_pattern(target)
    return sorted(name for name in os.listdir(folder) if pattern.match(name))


def _kill_runs(folder: Path, a_file: Path, b_file: Path, runs: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    target = folder / "평가 결과.aitr.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    snapshots = []
    for _ in range(runs):
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(target), str(a_file),
                                 str(b_file)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env)
        try:
            ready, _, took = proc.stdout.readline().decode().strip().partition(" ")
            # kill within the first save or within the next ~25, however fast this disk is
            one = max(float(took or 0.002), 0.0005)
            time.sleep(rng.uniform(0, 2 * one) if rng.random() < 0.3
                       else rng.uniform(0, 25 * one))
        finally:
            proc.kill()
            _, err = proc.communicate(timeout=30)
        bak = backup_path(target)
        snapshots.append({"ready": ready, "returncode": proc.returncode, "stderr": err.decode(),
                          "target": target.read_bytes() if target.exists() else None,
                          "bak": bak.read_bytes() if bak.exists() else None,
                          "temps": _temps(folder, target)})
    return snapshots


@pytest.mark.skipif(not POSIX, reason="SIGKILL is POSIX")
def test_killing_a_save_at_random_moments_never_breaks_the_file(tmp_path, mini_content):
    a, b = _two_assessments(mini_content)
    a_bytes, b_bytes = a.to_json().encode("utf-8"), b.to_json().encode("utf-8")
    a_file, b_file = tmp_path / "a.src", tmp_path / "b.src"
    a_file.write_text(a.to_json(), encoding="utf-8")
    b_file.write_text(b.to_json(), encoding="utf-8")
    folders = []
    for lane in range(LANES):
        folder = tmp_path / f"고객 폴더 {lane}"
        folder.mkdir()
        folders.append(folder)
    seed = random.randrange(2**32)
    with ThreadPoolExecutor(LANES) as pool:
        lanes = list(pool.map(lambda i: _kill_runs(folders[i], a_file, b_file, RUNS_PER_LANE,
                                                   seed + i), range(LANES)))
    snapshots = [s for lane in lanes for s in lane]
    assert len(snapshots) == LANES * RUNS_PER_LANE
    seen_targets, left_temps = set(), 0
    for i, snap in enumerate(snapshots):
        where = f"run {i} (seed {seed})"
        assert snap["ready"] == "ready", f"{where}: the child died early: {snap['stderr']}"
        assert snap["returncode"] == -signal.SIGKILL, where
        assert snap["target"] in (a_bytes, b_bytes), f"{where}: the target is neither A nor B"
        assert snap["bak"] in (None, a_bytes, b_bytes), f"{where}: the .bak is broken"
        seen_targets.add(snap["target"])
        json.loads(snap["target"])                       # and it parses
        # a kill leaves at most its own temporary file and its backup's; earlier leftovers
        # were removed by the next process's first save
        assert len(snap["temps"]) <= 2, f"{where}: leftovers pile up: {snap['temps']}"
        left_temps += bool(snap["temps"])
    # the test must actually have killed saves in both directions and mid-write
    assert seen_targets == {a_bytes, b_bytes}
    assert left_temps > 0, "no kill landed while a temporary file existed"
    for folder in folders:
        target = folder / "평가 결과.aitr.json"
        loaded = load_assessment(target, mini_content).assessment
        assert loaded.to_json().encode("utf-8") in (a_bytes, b_bytes)
        save_assessment(target, loaded)                 # the next save clears every leftover
        assert _temps(folder, target) == []
        assert sorted(os.listdir(folder)) == sorted([target.name, backup_path(target).name])


def test_leftover_temps_are_removed_by_the_next_save_and_nothing_else(tmp_path, mini_content):
    target = tmp_path / "a.json"
    leftovers = [".a.json.k3j_x9a2.tmp", ".a.json.bak.q8w7e6r5.tmp"]
    others = [".b.json.k3j_x9a2.tmp", "a.json.tmp", ".a.json.notes.txt", ".a.jsonx.abcdefgh.tmp"]
    for name in leftovers + others:
        (tmp_path / name).write_bytes(b"half a file")
    save_assessment(target, new_assessment(mini_content))
    assert sorted(os.listdir(tmp_path)) == sorted(others + ["a.json"])


@pytest.mark.skipif(not POSIX, reason="flock is POSIX")
def test_a_temp_file_a_living_save_holds_is_left_alone(tmp_path):
    import fcntl

    target = tmp_path / "a.json"
    busy = tmp_path / ".a.json.inuse123.tmp"
    busy.write_bytes(b"another process is writing this")
    with busy.open("rb") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)          # as a save in progress holds it
        atomic_write(target, b"new")
        assert busy.exists()
        assert remove_stale_temps(target) == []
    assert remove_stale_temps(target) == [busy.name]   # released: now it is a leftover


def test_a_failing_disk_leaves_the_old_file_the_backup_and_no_temp(tmp_path, monkeypatch,
                                                                   mini_content):
    target = tmp_path / "a.json"
    first = new_assessment(mini_content)
    save_assessment(target, first)
    second = new_assessment(mini_content)
    set_answer(second, mini_content, "chips.sells", "yes")
    save_assessment(target, second)
    before = target.read_bytes(), backup_path(target).read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    third = new_assessment(mini_content)
    set_answer(third, mini_content, "chips.sells", "no")
    with pytest.raises(InputError) as info:
        save_assessment(target, third)
    message = str(info.value)
    assert str(target) in message and "the disk is full" in message and "unchanged" in message
    korean = info.value.render("ko")   # what the wizard shows a Korean user
    assert str(target) in korean and "디스크 공간 부족" in korean and "바뀌지 않았습니다" in korean
    assert (target.read_bytes(), backup_path(target).read_bytes()) == before
    assert _temps(tmp_path, target) == []


def test_a_backup_that_cannot_be_written_stops_the_save_and_leaves_no_temp(tmp_path):
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    backup_path(target).mkdir()                          # something in the way of the .bak
    with pytest.raises(InputError, match="previous file is unchanged"):
        atomic_write(target, b"new", backup=True)
    assert target.read_bytes() == b"old"
    assert _temps(tmp_path, target) == []


def test_saving_into_a_missing_folder_is_a_clear_error(tmp_path, mini_content):
    target = tmp_path / "없는 폴더" / "a.json"
    with pytest.raises(InputError, match="does not exist"):
        save_assessment(target, new_assessment(mini_content))
    assert not target.parent.exists()


def test_a_save_replaces_the_file_whole_and_keeps_the_previous_as_bak(tmp_path):
    target = tmp_path / "a.json"
    atomic_write(target, b"1" * 100_000, backup=True)
    assert not backup_path(target).exists()              # nothing to keep the first time
    atomic_write(target, b"2", backup=True)
    assert target.read_bytes() == b"2" and backup_path(target).read_bytes() == b"1" * 100_000
    atomic_write(target, b"3")                           # backup=False leaves the .bak alone
    assert target.read_bytes() == b"3" and backup_path(target).read_bytes() == b"1" * 100_000


def test_loading_a_bad_file_changes_nothing_on_disk(tmp_path, mini_content):
    from wizard.core.errors import AssessmentError

    path = tmp_path / "망가진 파일.aitr.json"
    path.write_bytes(b'{"format": "ai-trade-readiness-assessment", "schema_version": 1, '
                     b'"answers": {"chips.sells": ')                      # cut off mid-save
    before = path.read_bytes(), path.stat().st_mtime_ns
    with pytest.raises(AssessmentError, match="not valid JSON"):
        load_assessment(path, mini_content)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(os.listdir(tmp_path)) == [path.name]
