"""Problem codes are stable and documented: every code the checks can give is in the table of
docs/pack-format.md, and every code the program's source uses is in that table."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from wizard.core.checks.codes import CODES


def test_every_code_is_documented_once():
    text = (ROOT / "docs" / "pack-format.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([A-Z]\d{3})` \|", text, re.M)
    assert sorted(documented) == sorted(CODES)


def test_the_code_uses_only_known_codes_and_every_known_code_is_used():
    used = set()
    for path in (ROOT / "wizard" / "core").rglob("*.py"):
        if path.name == "codes.py":
            continue
        used |= set(re.findall(r'"([A-Z]\d{3})"', path.read_text(encoding="utf-8")))
    assert used <= set(CODES), used - set(CODES)
    assert set(CODES) <= used, set(CODES) - used
