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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.robustness._support import kill_a_saver, two_assessments
from wizard.core.assessment import (edit_meta, load_assessment, new_assessment, save_assessment,
                                    set_answer)
from wizard.core.errors import InputError
from wizard.core.storage import atomic_write, backup_path, remove_stale_temps, temp_pattern

POSIX = os.name == "posix"
LANES = 2             # kill runs go on in parallel folders (CI has 2 cores)
RUNS_PER_LANE = 21    # 42 kills in all

def _temps(folder: Path, target: Path) -> list[str]:
    pattern = temp_pattern(target)
    return sorted(name for name in os.listdir(folder) if pattern.match(name))


def _kill_runs(folder: Path, a_file: Path, b_file: Path, runs: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    target = folder / "평가 결과.aitr.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    snapshots = []
    for _ in range(runs):
        ready, returncode, err = kill_a_saver(target, a_file, b_file, rng, env)
        bak = backup_path(target)
        snapshots.append({"ready": ready, "returncode": returncode, "stderr": err,
                          "target": target.read_bytes() if target.exists() else None,
                          "bak": bak.read_bytes() if bak.exists() else None,
                          "temps": _temps(folder, target)})
    return snapshots


@pytest.mark.slow
@pytest.mark.skipif(not POSIX, reason="SIGKILL is POSIX")
def test_killing_a_save_at_random_moments_never_breaks_the_file(tmp_path, mini_content):
    a, b = two_assessments(mini_content)
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


# ----------------------------------------------------------------- round 2 (issue 17)

def _bulky(content, company: str, size: int):
    """An assessment whose file is about ``size`` bytes (notes fill it)."""
    assessment = new_assessment(content)
    assessment.meta = edit_meta(assessment.meta, company=company)
    per = max(1, min(4900, size // max(1, len(content.questions))))
    notes, left = {}, size
    for qid in content.questions:
        if left <= 0:
            break
        notes[qid] = "x" * min(per, left)
        left -= per
    assessment.notes = notes
    return assessment


@pytest.fixture
def small_disk(tmp_path):
    """A 64 KB tmpfs, really full when filled (skipped where mounting is not allowed)."""
    import shutil as _shutil

    point = tmp_path / "작은 디스크"
    point.mkdir()
    if not POSIX or _shutil.which("mount") is None:
        pytest.skip("no mount command here")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def test_a_full_disk_keeps_the_old_file_and_the_old_backup_on_a_real_small_disk(
        small_disk, mini_content):
    target = small_disk / "평가.aitr.json"
    older = _bulky(mini_content, "older", 20_000)
    old = _bulky(mini_content, "old", 20_000)
    save_assessment(target, older)
    save_assessment(target, old)                      # target = old, .bak = older
    before = target.read_bytes(), backup_path(target).read_bytes()
    assert b'"older"' in before[1]
    # about 24 KB are left: the old code copied the 20 KB file to .bak (which fits), then
    # failed to write the 30 KB new one, and the older version was gone
    new = _bulky(mini_content, "new", 30_000)
    with pytest.raises(InputError) as info:
        save_assessment(target, new)
    assert "the disk is full" in str(info.value) and "unchanged" in str(info.value)
    assert (target.read_bytes(), backup_path(target).read_bytes()) == before
    assert _temps(small_disk, target) == []
    # a smaller version fits: the backup (a hard link) needs no space of its own
    smaller = _bulky(mini_content, "smaller", 12_000)
    save_assessment(target, smaller)
    assert b'"smaller"' in target.read_bytes()
    assert backup_path(target).read_bytes() == before[0]


def test_a_disk_that_fills_while_writing_the_new_file_changes_nothing(tmp_path, monkeypatch,
                                                                      mini_content):
    """The same without a tmpfs: only the write of the new version fails (ENOSPC). The old
    order kept the backup first and so lost the older version although the save failed."""
    target = tmp_path / "평가.aitr.json"
    save_assessment(target, _bulky(mini_content, "older", 5000))
    save_assessment(target, _bulky(mini_content, "old", 5000))
    before = target.read_bytes(), backup_path(target).read_bytes()
    new = _bulky(mini_content, "new", 5000)
    new_bytes = new.to_json().encode("utf-8")
    real_write = os.write

    def write(fd, data):
        if bytes(data[:200]) == new_bytes[:200]:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(InputError, match="the disk is full"):
        save_assessment(target, new)
    monkeypatch.undo()
    assert (target.read_bytes(), backup_path(target).read_bytes()) == before
    assert _temps(tmp_path, target) == []


def test_a_failing_backup_after_the_new_file_is_written_changes_nothing(tmp_path, monkeypatch):
    """Where hard links are not supported the old file is copied to .bak; if that copy fails
    the save stops with both files as they were."""
    target = tmp_path / "a.json"
    atomic_write(target, b"older", backup=True)
    atomic_write(target, b"old", backup=True)

    def no_links(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    real_write = os.write

    def write(fd, data):
        if bytes(data) == b"old":                    # the copy of the old file to .bak
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(os, "write", write)
    with pytest.raises(InputError, match="unchanged"):
        atomic_write(target, b"new", backup=True)
    monkeypatch.undo()
    assert target.read_bytes() == b"old" and backup_path(target).read_bytes() == b"older"
    assert _temps(tmp_path, target) == []


def test_without_hard_links_the_backup_is_a_copy(tmp_path, monkeypatch):
    def no_links(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "a.json"
    atomic_write(target, b"1", backup=True)
    atomic_write(target, b"2", backup=True)
    atomic_write(target, b"3", backup=True)
    assert target.read_bytes() == b"3" and backup_path(target).read_bytes() == b"2"
    assert _temps(tmp_path, target) == []


@pytest.mark.skipif(not POSIX, reason="symbolic links need privileges on Windows")
def test_saving_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path, mini_content):
    real_folder = tmp_path / "공유 폴더"
    real_folder.mkdir()
    real = real_folder / "평가.aitr.json"
    link = tmp_path / "바로 가기.aitr.json"
    chained = tmp_path / "또 다른 링크.aitr.json"
    first = new_assessment(mini_content)
    save_assessment(real, first)
    link.symlink_to(os.path.relpath(real, tmp_path))
    chained.symlink_to(link.name)
    for path, answer in ((link, "yes"), (chained, "no")):
        edited = new_assessment(mini_content)
        set_answer(edited, mini_content, "chips.sells", answer)
        previous = real.read_bytes()
        save_assessment(path, edited)
        assert link.is_symlink() and chained.is_symlink()
        assert load_assessment(path, mini_content).assessment.answers == {"chips.sells": answer}
        assert load_assessment(real, mini_content).assessment.answers == {"chips.sells": answer}
        assert backup_path(real).read_bytes() == previous          # beside the real file
    assert sorted(os.listdir(tmp_path)) == sorted([real_folder.name, link.name, chained.name])
    assert sorted(os.listdir(real_folder)) == sorted([real.name, backup_path(real).name])


@pytest.mark.skipif(not POSIX, reason="symbolic links need privileges on Windows")
def test_a_circle_of_links_is_refused_with_a_message(tmp_path, mini_content):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.symlink_to(b.name)
    b.symlink_to(a.name)
    with pytest.raises(InputError, match="circle") as info:
        save_assessment(a, new_assessment(mini_content))
    assert str(a) in str(info.value)
    assert a.is_symlink() and b.is_symlink()


def _name_of_bytes(size: int, suffix: str = ".aitr.json") -> str:
    """A Korean file name of exactly ``size`` bytes in UTF-8."""
    room = size - len(suffix.encode())
    hangul, rest = divmod(room, 3)
    return "평" * hangul + "x" * rest + suffix


@pytest.mark.parametrize("size", [238, 243, 250, 251, 252, 255])
def test_a_korean_name_of_up_to_255_bytes_saves_and_keeps_a_backup(tmp_path, mini_content,
                                                                   size):
    if os.pathconf(tmp_path, "PC_NAME_MAX") < 255:
        pytest.skip("this file system allows shorter names")
    name = _name_of_bytes(size)
    assert len(name.encode("utf-8")) == size
    target = tmp_path / name
    first = new_assessment(mini_content)
    save_assessment(target, first)
    second = new_assessment(mini_content)
    set_answer(second, mini_content, "chips.sells", "yes")
    save_assessment(target, second)
    assert load_assessment(target, mini_content).assessment.answers == {"chips.sells": "yes"}
    bak = backup_path(target)
    assert len(bak.name.encode("utf-8")) <= 255
    assert bak.read_bytes() == first.to_json().encode("utf-8")
    if size + 4 > 255:                    # "<name>.bak" does not fit: cut short, marked
        assert bak.name.endswith(".bak") and "~" in bak.name
    else:
        assert bak.name == name + ".bak"
    assert sorted(os.listdir(tmp_path)) == sorted([name, bak.name])


def test_long_names_that_share_a_start_keep_separate_backups(tmp_path):
    a = tmp_path / _name_of_bytes(255, ".a.json")
    b = tmp_path / _name_of_bytes(255, ".b.json")
    for path in (a, b):
        atomic_write(path, b"1" + path.name[-7:].encode(), backup=True)
        atomic_write(path, b"2", backup=True)
    assert backup_path(a) != backup_path(b)
    assert backup_path(a).read_bytes() == b"1.a.json"
    assert backup_path(b).read_bytes() == b"1.b.json"


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_saving_keeps_the_files_permissions_and_group(tmp_path, mini_content):
    target = tmp_path / "shared.aitr.json"
    save_assessment(target, new_assessment(mini_content))
    os.chmod(target, 0o664)
    group = 100 if os.geteuid() == 0 else os.getgid()   # "users", or our own group
    owner = 1000 if os.geteuid() == 0 else os.getuid()
    try:
        os.chown(target, owner, group)
    except OSError:
        owner, group = os.stat(target).st_uid, os.stat(target).st_gid
    edited = new_assessment(mini_content)
    set_answer(edited, mini_content, "chips.sells", "yes")
    save_assessment(target, edited)
    info = os.stat(target)
    assert oct(info.st_mode & 0o777) == oct(0o664)
    assert (info.st_uid, info.st_gid) == (owner, group)
    assert load_assessment(target, mini_content).assessment.answers == {"chips.sells": "yes"}


@pytest.mark.skipif(not POSIX, reason="POSIX permissions")
def test_new_assessments_and_recovery_files_are_private_new_reports_follow_the_umask(tmp_path,
                                                                                 mini_content):
    from wizard.core.storage import write_new_file
    from wizard.recovery import RecoveryStore

    old_mask = os.umask(0o002)
    try:
        save_assessment(tmp_path / "new.aitr.json", new_assessment(mini_content))
        store = RecoveryStore(tmp_path / "config")
        assert store.write("abc", new_assessment(mini_content).to_json())
        write_new_file(tmp_path / "report.md", b"# report")
        write_new_file(tmp_path / "report2.md", b"# report", force=True)
    finally:
        os.umask(old_mask)
    assert os.stat(tmp_path / "new.aitr.json").st_mode & 0o777 == 0o600
    assert os.stat(store.path_for("abc")).st_mode & 0o777 == 0o600
    assert os.stat(tmp_path / "report.md").st_mode & 0o777 == 0o664
    assert os.stat(tmp_path / "report2.md").st_mode & 0o777 == 0o664


def test_a_folder_named_like_the_backup_is_named_in_the_message(tmp_path, mini_content):
    target = tmp_path / "평가.aitr.json"
    save_assessment(target, new_assessment(mini_content))
    before = target.read_bytes()
    backup_path(target).mkdir()
    edited = new_assessment(mini_content)
    set_answer(edited, mini_content, "chips.sells", "yes")
    with pytest.raises(InputError) as info:
        save_assessment(target, edited)
    english, korean = str(info.value), info.value.render("ko")
    bak = str(backup_path(target))
    assert bak in english and "Rename or move" in english and "unchanged" in english
    assert bak in korean and english != korean
    assert target.read_bytes() == before and backup_path(target).is_dir()
    assert _temps(tmp_path, target) == []
