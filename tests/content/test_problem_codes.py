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
        if path.name in ("codes.py", "bundle.py"):   # bundle refusals have their own codes
            continue
        used |= set(re.findall(r'"([A-Z]\d{3})"', path.read_text(encoding="utf-8")))
    assert used <= set(CODES), used - set(CODES)
    assert set(CODES) <= used, set(CODES) - used


def test_every_bundle_refusal_code_is_documented():
    """The reasons a content bundle is refused (B001...) are listed in docs/content-updates.md,
    one row each, and the code defines each once."""
    from wizard.core import bundle

    source = (ROOT / "wizard" / "core" / "bundle.py").read_text(encoding="utf-8")
    defined = re.findall(r'"(B\d{3})"', source)
    assert len(defined) == len(set(defined)) >= 17
    text = (ROOT / "docs" / "content-updates.md").read_text(encoding="utf-8")
    documented = re.findall(r"\| (B\d{3}) \|$", text, re.M)
    assert sorted(documented) == sorted(defined)
    assert bundle.BAD_SIGNATURE in documented
