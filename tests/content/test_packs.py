"""The built-in questionnaire packs as content: they validate, every text is in both languages,
citations are canonical, every finding carries its rule's status, and the packs are dated.

Known content issues are marked ``xfail(strict=True)`` case by case (see KNOWN_ISSUES): the suite
stays green, the issue stays visible, and the mark fails as soon as the content is fixed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Iterator

import pytest

from tests.conftest import BUILTIN
from wizard.core.citations import is_canonical
from wizard.core.content import load_content, validate_folder
from wizard.core.model import WATCH_STATUSES, Text

AS_OF = dt.date(2026, 11, 23)
REVIEW_BY_LATEST = dt.date(2027, 5, 31)
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN = re.compile(r"[A-Za-z]")
# Codes and units read the same in both languages (an ECCN such as '3A090.a', 'TOPS/TFLOPS',
# 'mm²'): short, and no run of three lower-case letters, i.e. no untranslated English word.
NEUTRAL = re.compile(r"(?!.*[a-z]{3})[\w./²³%() -]{1,20}")

CONTENT = load_content(BUILTIN)
FINDINGS = {info.finding.id: info for info in CONTENT.findings}

# Citations whose rule status the fact sheet says must be confirmed with counsel:
# the Affiliates Rule (suspension ended 2026-11-09, status after that unconfirmed) and ECCN 4E091
# (not enforced since 2025-05-13, no Federal Register removal, counsel disagree on its force).
CONFIRM_CITATIONS = ("90 FR 47201", "ECCN 4E091")

# finding id -> reason; none open (api_risk_tier_claim, content issue 6, now has confirm: true)
KNOWN_ISSUES: dict[str, str] = {}


def _param(finding_id: str):
    if finding_id in KNOWN_ISSUES:
        return pytest.param(finding_id, marks=pytest.mark.xfail(strict=True,
                                                                reason=KNOWN_ISSUES[finding_id]))
    return finding_id


def _texts(node, path: str) -> Iterator[tuple[str, Text]]:
    """Every bilingual text inside a pack or the glossary, with where it is."""
    if isinstance(node, Text):
        yield path, node
    elif dataclasses.is_dataclass(node):
        for name in (f.name for f in dataclasses.fields(node)):
            label = getattr(node, "id", None)
            yield from _texts(getattr(node, name), f"{path}[{label}].{name}" if label
                              else f"{path}.{name}")
    elif isinstance(node, (tuple, list)):
        for item in node:
            yield from _texts(item, path)
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from _texts(item, f"{path}.{key}")


def _citations() -> Iterator[tuple[str, str]]:
    for pack in CONTENT.packs:
        for name, group in pack.country_groups.items():
            if group.citation:
                yield f"{pack.id} group {name}", group.citation
        for section in pack.sections:
            for question in section.questions:
                for citation in question.citations:
                    yield f"{pack.id}.{question.id}", citation
        for item in (*pack.findings, *pack.actions):
            for citation in item.citations:
                yield f"{pack.id}: {item.id}", citation


def test_every_builtin_pack_validates():
    assert validate_folder(BUILTIN) == []


@pytest.mark.parametrize("pack_id", [p.id for p in CONTENT.packs] + ["glossary"])
def test_both_languages_are_complete_and_different(pack_id):
    model = CONTENT.glossary if pack_id == "glossary" else CONTENT.pack(pack_id)
    problems = []
    texts = list(_texts(model, pack_id))
    # every question has text, help and why; every term a name and a definition
    assert len(texts) >= (20 if pack_id == "glossary" else 3 * sum(
        len(s.questions) for s in model.sections)), "the walk missed texts"
    for path, text in texts:
        if text.ko == text.en and NEUTRAL.fullmatch(text.en):
            continue                                    # a code or unit, e.g. '3A090.a'
        if not HANGUL.search(text.ko):
            problems.append(f"{path}: no Hangul in the Korean text {text.ko[:60]!r}")
        if not LATIN.search(text.en):
            problems.append(f"{path}: no Latin letters in the English text {text.en[:60]!r}")
        if text.ko == text.en:
            problems.append(f"{path}: Korean and English are the same {text.en[:60]!r}")
    assert not problems, "\n".join(problems)


def test_the_glossary_is_there():
    assert CONTENT.glossary is not None and len(CONTENT.glossary.terms) >= 10


def test_every_citation_is_canonical():
    bad = [f"{where}: {citation!r}" for where, citation in _citations()
           if not is_canonical(citation)]
    assert not bad, "\n".join(bad)


# A rule's status needs its date, except policy talk and claims not found, and (by the pack
# format since commit 3939961) in-force or guidance rules whose date is not known: an invented
# date would be worse than none.
UNDATED_ALLOWED = ("discussed", "not_found", "in_force", "guidance")


def test_every_finding_has_a_status_and_date():
    missing = [fid for fid, info in FINDINGS.items() if not info.finding.rule.status
               or (info.finding.rule.date is None
                   and info.finding.rule.status not in UNDATED_ALLOWED)]
    assert not missing, f"findings without a status date: {missing}"


def test_dates_are_not_in_the_future():
    late = [fid for fid, info in FINDINGS.items()
            if info.finding.rule.date is not None and info.finding.rule.date > AS_OF]
    assert not late, f"status dates after the content's as-of date: {late}"


def test_watch_items_are_at_most_medium():
    too_severe = [fid for fid, info in FINDINGS.items()
                  if info.finding.rule.status in WATCH_STATUSES
                  and info.finding.severity not in ("medium", "low", "info")]
    assert not too_severe, f"watch items above medium: {too_severe}"


CONFIRM_FINDINGS = sorted(fid for fid, info in FINDINGS.items()
                          if any(c.startswith(CONFIRM_CITATIONS) for c in info.finding.citations))


def test_the_confirm_findings_are_found():
    # the Affiliates Rule and 4E091 are in the content at all (else the next test tests nothing)
    cited = {c for info in FINDINGS.values() for c in info.finding.citations}
    assert "90 FR 47201" in cited and "ECCN 4E091" in cited


@pytest.mark.parametrize("finding_id", [_param(f) for f in CONFIRM_FINDINGS])
def test_unsettled_rules_say_confirm_with_counsel(finding_id):
    assert FINDINGS[finding_id].finding.rule.confirm is True


@pytest.mark.parametrize("pack_id", [p.id for p in CONTENT.packs])
def test_every_pack_is_dated_and_versioned(pack_id):
    pack = CONTENT.pack(pack_id)
    assert pack.as_of == AS_OF
    assert AS_OF < pack.review_by <= REVIEW_BY_LATEST
    assert re.fullmatch(r"\d+\.\d+\.\d+", pack.version)
