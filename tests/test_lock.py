"""The lock (constraints.txt) and pyproject.toml agree: every dependency pyproject.toml names,
in every extra, is pinned in the lock to a release its range allows, and the commands that
install (README, .ci/run through it, the stand-alone build) use the lock."""

from __future__ import annotations

import re

import pytest

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")


def _pins() -> dict[str, str]:
    pins = {}
    for number, line in enumerate((ROOT / "constraints.txt").read_text("utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([A-Za-z0-9_.+\-]+)", line)
        assert match, f"constraints.txt:{number}: expected 'name==version', got {line!r}"
        name = canonicalize_name(match[1])
        assert name not in pins, f"constraints.txt:{number}: {match[1]} pinned twice"
        pins[name] = match[2]
    return pins


def _requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    listed = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        listed += extra
    return [Requirement(item) for item in listed]


def test_every_dependency_is_pinned_within_its_range():
    pins = _pins()
    for requirement in _requirements():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is in pyproject.toml but not in constraints.txt"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"constraints.txt pins {requirement.name}=={pins[name]}, outside pyproject.toml's "
            f"'{requirement.specifier}': run bash .ci/refresh-lock")


def test_the_install_commands_use_the_lock():
    readme = (ROOT / "README.md").read_text("utf-8")
    marker = readme.splitlines().index("<!-- test-command -->")
    assert "-c constraints.txt" in readme.splitlines()[marker + 2]
    building = (ROOT / "docs" / "building.md").read_text("utf-8")
    assert '-c constraints.txt -e ".[build]"' in readme
    assert '-c constraints.txt -e ".[build]"' in building
    assert "bash .ci/refresh-lock" in building
