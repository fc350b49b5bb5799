"""Helpers shared by the robustness tests: message checks, a network-blocking interpreter,
running the program as a user does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

# Attempts to reach the network are recorded here (one JSON line each) and refused.
SITECUSTOMIZE = r'''
import json, os, socket, sys

_LOG = os.environ["READINESS_NET_LOG"]


def _record(what, args):
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"call": what, "args": repr(args)[:200]}) + "\n")


def _refuse(what):
    def refused(*args, **kwargs):
        _record(what, args)
        raise OSError(f"network blocked by the offline test ({what})")
    return refused


class _BlockedSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        _record("socket.socket", args)
        raise OSError("network blocked by the offline test (socket.socket)")


socket.socket = _BlockedSocket
socket.SocketType = _BlockedSocket
for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
              "gethostbyaddr", "create_server"):
    if hasattr(socket, _name):
        setattr(socket, _name, _refuse("socket." + _name))


def _inet_sockets_left_open():
    """Sockets the process still holds, found in the kernel's TCP/UDP tables (Linux): this
    also sees sockets opened by C code (Qt), which the Python-level block cannot."""
    inodes = set()
    try:
        for fd in os.listdir("/proc/self/fd"):
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    except OSError:
        return []
    found = []
    for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6"):
        try:
            with open(f"/proc/self/net/{table}", encoding="ascii") as fh:
                for line in fh.readlines()[1:]:
                    fields = line.split()
                    if len(fields) > 9 and fields[9] in inodes:
                        found.append(f"{table}:{fields[1]}->{fields[2]}")
        except OSError:
            pass
    return found


def _check_at_exit():
    left = _inet_sockets_left_open()
    if left:
        _record("open inet socket at exit", left)
    with open(_LOG + ".exit", "w", encoding="utf-8") as fh:
        fh.write("checked\n")


import atexit
atexit.register(_check_at_exit)
'''


def blocked_env(tmp_path: Path) -> tuple[dict, Path]:
    """An environment whose Python refuses and records every socket; the log file."""
    site = tmp_path / "netblock"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "net-attempts.log"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), str(ROOT)]),
               QT_QPA_PLATFORM="offscreen", READINESS_NET_LOG=str(log),
               READINESS_CONFIG_DIR=str(tmp_path / "config"), PYTHONDONTWRITEBYTECODE="1")
    env.pop("READINESS_DEBUG", None)
    return env, log


def attempts(log: Path) -> list[dict]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line]


def run_cli(*args, env: dict | None = None, cwd: Path | None = None, timeout: int = 120):
    env = env or dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "wizard", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", env=env,
                          cwd=cwd or ROOT, timeout=timeout)


def assert_readable(message: str, *names: str, max_lines: int = 12, max_chars: int = 3000):
    """A message a person can act on: names the file, a line or a short list, no Python
    internals."""
    assert message.strip(), "empty message"
    for name in names:
        assert name in message, f"{name!r} not named in {message[:300]!r}"
    assert "Traceback" not in message, message
    assert "<wizard." not in message and " object at 0x" not in message, message
    assert "LineDict" not in message and "LineList" not in message, message
    assert len(message.splitlines()) <= max_lines, message[:500]
    assert len(message) <= max_chars, f"{len(message)} characters: {message[:300]!r}..."


# -- shared by the save, output and limit tests and the campaign (campaign.py) -------------

# A process that saves assessment A (argv[2]) and B (argv[3]) to argv[1] in turn, for ever,
# after printing "ready <seconds one save took>": killed at random moments by the tests.
SAVER = r"""
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

def kill_a_saver(target: Path, a_file: Path, b_file: Path, rng, env: dict):
    """Start :data:`SAVER` on ``target`` and SIGKILL it within its first save or the next
    ~25 (however fast this disk is). Returns (ready line, return code, stderr)."""
    import time

    proc = subprocess.Popen([sys.executable, "-c", SAVER, str(target), str(a_file),
                             str(b_file)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env)
    try:
        ready, _, took = proc.stdout.readline().decode().strip().partition(" ")
        one = max(float(took or 0.002), 0.0005)
        time.sleep(rng.uniform(0, 2 * one) if rng.random() < 0.3 else rng.uniform(0, 25 * one))
    finally:
        proc.kill()
        _, err = proc.communicate(timeout=60)
    return ready, proc.returncode, err.decode("utf-8", "replace")


# A process that waits for the moment argv[2] (time.time()), then exports a megabyte of
# argv[3] to the new name argv[1] without --force; prints "wrote" or "refused ...".
RACER = r"""
import sys, time
from pathlib import Path
from wizard.core.errors import InputError
from wizard.core.storage import write_new_file
target, start, tag = Path(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
data = (tag * 1_000_000).encode()
while time.time() < start:
    pass
try:
    write_new_file(target, data)
except InputError as exc:
    print("refused", exc)
else:
    print("wrote")
"""


def two_assessments(content):
    """Assessments A (small) and B (large enough that saving it takes a while: more moments
    to be killed in) of the mini packs."""
    from wizard.core.assessment import edit_meta, new_assessment, set_answer

    a = new_assessment(content, language="ko")
    a.meta = edit_meta(a.meta, company="한빛 반도체 A")
    set_answer(a, content, "chips.sells", "no")
    b = new_assessment(content, language="en")
    b.meta = edit_meta(b.meta, company="Hanbit B")
    set_answer(b, content, "chips.sells", "yes")
    set_answer(b, content, "profile.customer_hq", ["CN", "KR"])
    b.notes = {qid: f"{qid}: 면담 기록 interview notes " * 100 for qid in content.questions}
    return a, b


def add_long_findings(pack: Path, count: int, distinct: bool = False) -> None:
    """Add ``count`` findings with conditions of about 2,000 characters to the mini chips
    pack at ``pack`` (``distinct``: each condition different, so no parser cache helps)."""
    when = " or ".join(["sells == 'yes'"] * 150)[:1960]
    when = when[:when.rfind(" or ")]
    findings = "".join(
        f"  - id: long_{k}\n    severity: low\n    title: {{ko: 가, en: a}}\n"
        f"    explanation: {{ko: 가, en: a}}\n"
        f"    when: \"{when}{f' or sells == {chr(39)}x{k}{chr(39)}' if distinct else ''}\"\n"
        f"    rules: [remote_access]\n"
        f"    actions: [watch_bill]\n" for k in range(count))
    text = pack.read_text(encoding="utf-8")
    pack.write_text(text.replace("findings:\n", "findings:\n" + findings, 1), encoding="utf-8")
