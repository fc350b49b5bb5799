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
