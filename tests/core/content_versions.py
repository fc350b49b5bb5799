"""Two versions of the small test content, for what-changed tests: ``current`` (the mini packs
named ``mini-test 2026.12.03``) and ``old`` (``mini-test 2026.11.01``), which differs from it
as a content update would:

* the headquarters rule was suspended in the old registry (now: in force), so ``hq_licence``
  changes in status;
* ``remote_access_watch`` did not fire on these answers in the old content (new finding);
* the old content had a finding ``training_gap`` (retired since: resolved);
* the old content had no ``chips.kyc`` (a new question) and had ``profile.legacy``, which the
  current content dropped (its answer is kept).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import MINI

ID = "mini-test"
CURRENT, OLD = "2026.12.03", "2026.11.01"
MANIFEST = ('id: {id}\nversion: "{version}"\ntitle: {{ko: "Test content", en: "Test content"}}\n'
            'publisher: "Tests"\nmin_program: "0.1"\n')
# what an assessment of the old content answered (the mini packs' critical finding, and more)
ANSWERS = {"profile.activities": ["chips"], "profile.customer_hq": ["CN", "SG"],
           "chips.sells": "yes", "chips.tops": 312, "chips.bits": 16, "chips.die_area": 826,
           "profile.screening": "no", "profile.training": "sometimes", "profile.legacy": "yes"}

LEGACY = """      - id: legacy
        kind: yes_no_unsure
        text: {ko: "Legacy question", en: "Legacy question"}
        help: {ko: "Legacy", en: "Legacy"}
        why: {ko: "Legacy", en: "Legacy"}
        rules: [bis_guidance]
  - id: programme
"""
TRAINING_GAP = """findings:
  - id: training_gap
    severity: medium
    title: {ko: "Training gap", en: "Training gap"}
    explanation: {ko: "Train.", en: "Train."}
    when: "training == 'sometimes'"
    rules: [bis_ecg]
    actions: [start_screening]
"""


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def make_versions(root: Path) -> tuple[Path, Path]:
    """(current folder, old folder) under ``root``."""
    current, old = root / "current", root / "old"
    shutil.copytree(MINI, current)
    shutil.copytree(MINI, old)
    (current / "content.yaml").write_text(MANIFEST.format(id=ID, version=CURRENT), "utf-8")
    (old / "content.yaml").write_text(MANIFEST.format(id=ID, version=OLD), "utf-8")
    replace_once(old / "rules.yaml",
                 "      - {date: 2025-01-15, event: in_force}\n  - id: entity_list",
                 "      - {date: 2025-01-15, event: in_force}\n"
                 "      - {date: 2026-06-01, event: suspended}\n  - id: entity_list")
    replace_once(old / "chips.yaml", "    when: \"sells == 'yes'\"", "    when: \"sells == 'no'\"")
    chips = (old / "chips.yaml").read_text(encoding="utf-8")
    start = chips.index("      - id: kyc")
    end = chips.index("findings:")
    (old / "chips.yaml").write_text(chips[:start] + chips[end:], encoding="utf-8")
    replace_once(old / "profile.yaml", "  - id: programme\n", LEGACY)
    replace_once(old / "profile.yaml", "findings:\n", TRAINING_GAP)
    return current, old
