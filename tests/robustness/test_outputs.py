"""Outputs never do harm to what is already there: a report is never written over one of its
own inputs (not even with --force), a pipe, a device or /dev/stdout is written into and never
replaced by a regular file, two exports racing for one new name cannot both win, and a link
is followed or refused, never replaced. Reading a pipe never waits for a writer.

Nothing here touches the real /dev: a symbolic link to /proc/self/fd/1 is what /dev/stdout is,
and device nodes are made in the test's own folder (as root; skipped otherwise).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import MINI, ROOT
from tests.robustness._support import RACER, assert_readable, run_cli
from wizard.core.assessment import load_assessment
from wizard.core.errors import AssessmentError, InputError
from wizard.core.storage import write_new_file

POSIX = os.name == "posix"
ASSESSMENT = {
    "format": "ai-trade-readiness-assessment", "schema_version": 1,
    "packs": {"profile": "1.0.0", "chips": "1.0.0"},
    "meta": {"company": "한빛 반도체", "language": "en"},
    "answers": {"chips.sells": "yes"},
}
pytestmark = [pytest.mark.slow,  # writes outputs through the command line in subprocesses
              pytest.mark.skipif(not POSIX, reason="pipes, devices and /proc are POSIX")]


@pytest.fixture
def client(tmp_path) -> Path:
    path = tmp_path / "고객 평가.aitr.json"
    path.write_text(json.dumps(ASSESSMENT, ensure_ascii=False), encoding="utf-8")
    return path


def _report(*args, **kwargs):
    return run_cli("report", *args, "--packs", MINI, **kwargs)


# -- 5: special files ------------------------------------------------------------------------

def test_a_link_to_standard_output_is_written_into_not_replaced(tmp_path, client):
    stdout_link = tmp_path / "stdout"
    stdout_link.symlink_to("/proc/self/fd/1")          # what /dev/stdout is
    for force in ((), ("--force",)):
        done = _report(client, "--format", "md", "-o", stdout_link, *force)
        assert done.returncode == 0, done.stderr
        assert "한빛 반도체" in done.stdout                 # the report came out on stdout
        assert stdout_link.is_symlink() and os.readlink(stdout_link) == "/proc/self/fd/1"


def test_a_pipe_given_as_output_is_written_into_and_stays_a_pipe(tmp_path, client):
    fifo = tmp_path / "보고서 파이프"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        done = _report(client, "--format", "md", "-o", fifo, "--force", timeout=60)
        assert done.returncode == 0, done.stderr
        out, _ = reader.communicate(timeout=30)
    finally:
        reader.kill()
    assert "한빛 반도체" in out.decode("utf-8")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def _mknod(path: Path, kind: int, major: int, minor: int) -> None:
    try:
        os.mknod(path, kind | 0o666, os.makedev(major, minor))
    except (PermissionError, AttributeError) as exc:
        pytest.skip(f"cannot make device nodes here: {exc}")


def test_a_device_given_as_output_is_written_into_and_stays_a_device(tmp_path, client):
    null = tmp_path / "null"
    _mknod(null, stat.S_IFCHR, 1, 3)                   # a /dev/null of our own
    done = _report(client, "--format", "md", "-o", null, "--force")
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(os.lstat(null).st_mode) and os.lstat(null).st_rdev == os.makedev(1, 3)


def test_a_disk_device_is_refused_even_with_force(tmp_path, client):
    disk = tmp_path / "disk"
    _mknod(disk, stat.S_IFBLK, 7, 250)                 # a loop device number nobody uses
    done = _report(client, "--format", "md", "-o", disk, "--force")
    assert done.returncode == 2
    assert_readable(done.stderr, str(disk))
    assert "disk device" in done.stderr
    assert stat.S_ISBLK(os.lstat(disk).st_mode)


def test_reading_a_pipe_is_refused_at_once(tmp_path):
    fifo = tmp_path / "평가 파이프.aitr.json"
    os.mkfifo(fifo)
    done = run_cli("report", fifo, "--packs", MINI, "--format", "json", timeout=60)
    assert done.returncode == 2
    assert_readable(done.stderr, str(fifo))
    assert "not an ordinary file" in done.stderr


def test_the_wizard_open_does_not_wait_on_a_pipe(tmp_path, mini_content):
    """``load_assessment`` is what File > Open calls. On a pipe it must refuse, not wait for
    a writer (the old code waited forever; a writer is opened at the end to free it)."""
    fifo = tmp_path / "pipe.aitr.json"
    os.mkfifo(fifo)
    outcome = []

    def load():
        try:
            load_assessment(fifo, mini_content)
        except AssessmentError as exc:
            outcome.append(str(exc))

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(20)
    finished = not worker.is_alive()
    if not finished:                                   # free the waiting reader
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(10)
    assert finished, "opening a pipe waited for a writer"
    assert outcome and "not an ordinary file" in outcome[0] and str(fifo) in outcome[0]


# -- 6: an output that is an input -----------------------------------------------------------

def test_a_report_over_its_own_assessment_is_refused_even_with_force(tmp_path, client):
    before = client.read_bytes()
    hard = tmp_path / "같은 파일 (하드 링크).json"
    os.link(client, hard)
    soft = tmp_path / "같은 파일 (링크).json"
    soft.symlink_to(client.name)
    for out in (client, hard, soft):
        done = _report(client, "--format", "json", "-o", out, "--force")
        assert done.returncode == 2, (out, done.stderr)
        assert_readable(done.stderr, str(out), str(client))
        assert "never done" in done.stderr
        assert client.read_bytes() == before
    assert soft.is_symlink()


def test_compare_and_blank_never_write_over_their_inputs(tmp_path, client, mini_dir):
    newer = tmp_path / "new.aitr.json"
    newer.write_bytes(client.read_bytes())
    before = newer.read_bytes()
    done = run_cli("compare", client, newer, "--packs", MINI, "--format", "md", "-o", newer,
                   "--force")
    assert done.returncode == 2 and newer.read_bytes() == before, done.stderr
    assert_readable(done.stderr, str(newer))
    pack = mini_dir / "chips.yaml"
    pack_before = pack.read_bytes()
    done = run_cli("blank", "--packs", mini_dir, "--format", "html", "-o", pack, "--force")
    assert done.returncode == 2 and pack.read_bytes() == pack_before, done.stderr
    assert_readable(done.stderr, str(pack))


def test_the_export_function_refuses_an_input_as_output(tmp_path, client):
    before = client.read_bytes()
    with pytest.raises(InputError, match="is the input file"):
        write_new_file(client, b"report", force=True, inputs=[client])
    assert client.read_bytes() == before


# -- 12: exclusive creation ------------------------------------------------------------------

@pytest.mark.slow
def test_two_exports_racing_for_one_new_name_never_both_win(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for attempt in range(12):
        target = tmp_path / f"보고서 {attempt}.md"
        start = time.time() + 1.0
        racers = [subprocess.Popen([sys.executable, "-c", RACER, str(target), str(start), tag],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   env=env) for tag in "AB"]
        results = [racer.communicate(timeout=60) for racer in racers]
        outcomes = sorted(out.split(" ", 1)[0].strip() for out, _ in results)
        assert outcomes == ["refused", "wrote"], (attempt, results)
        data = target.read_bytes()
        assert data in (b"A" * 1_000_000, b"B" * 1_000_000)
        assert sorted(os.listdir(tmp_path)) == sorted(f"보고서 {i}.md" for i in range(attempt + 1))


def test_a_dangling_link_as_output_is_refused_without_force(tmp_path, client):
    link = tmp_path / "report.md"
    link.symlink_to("어디에도 없는 파일.md")
    done = _report(client, "--format", "md", "-o", link)
    assert done.returncode == 2
    assert_readable(done.stderr, str(link))
    assert link.is_symlink() and not link.exists()
    done = _report(client, "--format", "md", "-o", link, "--force")
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and "한빛 반도체" in link.read_text(encoding="utf-8")
    assert (tmp_path / "어디에도 없는 파일.md").is_file()
