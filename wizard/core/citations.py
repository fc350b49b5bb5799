"""Canonical citation forms, and the check the validator applies to every citation.

Accepted forms (examples):

    15 CFR 744.23(a)(3)      15 CFR 774 Supp. 1      15 CFR Part 202      28 CFR 202.1101
    ECCN 3A090               ECCN 3A090.a            89 FR 5698           50 U.S.C. 4819
    EO 14117                 H.R. 2683               S. 3519              OFAC FAQ 72
    PIPA art. 28-8           PIPA Enforcement Decree art. 29-7           Foreign Trade Act art. 19-2
    Foreign Trade Act art. 19-3(13)                  Foreign Trade Act Enforcement Decree art. 32-3
    AI Basic Act art. 43     Strategic Items Notice 2025-02-28            Common High Priority List
    BIS guidance 2025-05-13  GAO B-337935            NDAA FY2026          Strategic Trade Act 2010 s.12
    GAIN AI Act              US-Korea Joint Fact Sheet 2025-11-14         IPEF Supply Chain Agreement
    Regulation (EU) 2024/1689 art. 53                MOFCOM Announcement 61/2025
    Proclamation 2026-01-14  31 CFR 850.224(j)       15 CFR 746.8         50 U.S.C. 1705

Korean statutes are cited by their English short name, "art." and the article number with its
branch number after a hyphen (article 19 branch 2 -> art. 19-2) and any paragraph or item in
brackets (article 19-3, item 13 -> art. 19-3(13)); their decrees as "<Act> Enforcement Decree
art. N". A
Korean ministry notice, a Chinese announcement or a US proclamation whose number is not what
people cite goes by its date.
"""

from __future__ import annotations

import re

_SECTION = r"\d+(?:\.\d+)?(?:\([A-Za-z0-9]+\))*"
_PATTERNS = [
    rf"\d+ CFR (?:Part )?{_SECTION}(?: Supp\. \d+)?",
    r"\d+ CFR \d+(?:\.\d+)?(?:\([a-z0-9]+\))*(?:, \.\d+)*",
    r"ECCN \d[A-E]\d{3}(?:\.[a-z](?:\.\d+)?)?",
    r"\d+ FR \d+",
    r"\d+ U\.S\.C\. \d+[a-z]?",
    r"EO \d{5}",
    r"(?:H\.R\.|S\.) \d+",
    r"OFAC FAQ \d+",
    r"(?:PIPA|PIPA Enforcement Decree|Foreign Trade Act|Foreign Trade Act Enforcement Decree"
    r"|Industrial Technology Protection Act|AI Basic Act|Strategic Trade Act 2010|Spatial Data Act)"
    r" (?:art\.|s\.) ?\d+(?:-\d+)*(?:\([0-9a-z]+\))*",
    r"(?:PIPA|Foreign Trade Act|Industrial Technology Protection Act|AI Basic Act|Spatial Data Act"
    r"|Framework Act on AI)",
    r"(?:BIS|OFAC|DOJ|PIPC|MOTIE|Treasury) (?:guidance|advisory opinion|letter|ECG|FAQ)"
    r"(?: \d{4}-\d{2}(?:-\d{2})?)?",
    r"GAO B-\d+",
    r"NDAA FY\d{4}",
    r"Malaysia Directive \d+/\d{4}",
    r"(?:GAIN AI Act|COINS Act|Chip Security Act|Remote Access Security Act)",
    r"(?:US-Korea Joint Fact Sheet|AI Action Plan) \d{4}-\d{2}-\d{2}",
    r"IPEF (?:Supply Chain Agreement|digital trade text)",
    r"Regulation \(EU\) \d{4}/\d+(?: art\. \d+(?:\(\d+\))*)?",
    r"MOFCOM Announcement \d+/\d{4}",
    r"(?:Proclamation|Strategic Items Notice) \d{4}-\d{2}-\d{2}",
    r"Common High Priority List",
]
CANONICAL = re.compile(r"^(?:" + "|".join(_PATTERNS) + r")$")


def is_canonical(citation: str) -> bool:
    """True when ``citation`` is written in one of the canonical forms above."""
    return bool(CANONICAL.match(citation))
