"""The built-in questionnaire packs as content: they validate, every text is in both languages,
citations are canonical and spelt one way, every finding rests on a dated rule of the registry,
and the packs are dated.

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
from wizard.core.model import Text
from wizard.core.timeline import state_on

AS_OF = dt.date(2026, 12, 3)
REVIEW_BY_LATEST = dt.date(2027, 1, 31)
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN = re.compile(r"[A-Za-z]")
# Codes and units read the same in both languages (an ECCN such as '3A090.a', 'TOPS/TFLOPS',
# 'mm²'): short, and no run of three lower-case letters, i.e. no untranslated English word.
NEUTRAL = re.compile(r"(?!.*[a-z]{3})[\w./²³%() -]{1,20}")

CONTENT = load_content(BUILTIN)
FINDINGS = {info.finding.id: info for info in CONTENT.findings}
TODAY = dt.date(2026, 12, 3)

# Rules whose status the fact sheet says must be confirmed with counsel: the Affiliates Rule
# (in force again by default from 2026-11-10; whether an extension was published is unknown)
# and ECCN 4E091 (not enforced since 2025-05-13, no Federal Register removal, counsel disagree).
CONFIRM_RULES = ("affiliates_rule", "eccn_4e091")

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
    for rule in CONTENT.registry.rules:
        for citation in rule.citations:
            yield f"rules: {rule.id}", citation


def test_every_builtin_pack_validates():
    assert validate_folder(BUILTIN) == []


@pytest.mark.parametrize("pack_id", [p.id for p in CONTENT.packs] + ["glossary", "rules"])
def test_both_languages_are_complete_and_different(pack_id):
    model = {"glossary": CONTENT.glossary, "rules": CONTENT.registry}.get(pack_id) \
        or CONTENT.pack(pack_id)
    problems = []
    texts = list(_texts(model, pack_id))
    # every question has text, help and why; every term a name and a definition; every rule
    # a title
    minimum = {"glossary": 20, "rules": len(CONTENT.rules)}.get(pack_id) \
        or 3 * sum(len(s.questions) for s in model.sections)
    assert len(texts) >= minimum, "the walk missed texts"
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


def test_every_citation_is_spelt_one_way():
    """One citation string per rule, and no short form of a dated citation next to the full
    one ("BIS guidance 2025-05" beside "BIS guidance 2025-05-13")."""
    cited = [citation for _, citation in _citations()]
    assert len(cited) == len(set(cited))
    dated = re.compile(r"(.* \d{4}-\d{2})(-\d{2})?$")
    short = {m[1] for c in cited if (m := dated.match(c)) and not m[2]}
    full = {m[1] for c in cited if (m := dated.match(c)) and m[2]}
    assert not short & full, short & full


def test_the_packs_name_rules_only_through_the_registry():
    """No pack keeps a free-text citation list or a hand-written status of its own."""
    for path in sorted(BUILTIN.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert "citations:" not in text or path.name == "rules.yaml", path.name
        assert not re.search(r"^\s+rule:\s*$|status: (in_force|proposed|guidance)", text,
                             re.M), path.name


def _principal(info, day=AS_OF):
    return state_on(CONTENT.rules[info.finding.rules[0]], CONTENT.rules, day)


# A rule's status needs its date, except policy talk, claims and long-standing in-force or
# guidance rules whose start is not known: an invented date would be worse than none.
UNDATED_ALLOWED = ("discussed", "not_found", "in_force", "guidance", "bill")


def test_every_finding_rests_on_a_dated_status():
    missing = [fid for fid, info in FINDINGS.items()
               if _principal(info).since is None
               and _principal(info).status not in UNDATED_ALLOWED]
    assert not missing, f"findings without a status date: {missing}"


def test_statuses_on_the_as_of_date_are_not_in_the_future():
    late = [fid for fid, info in FINDINGS.items()
            if _principal(info).since is not None and _principal(info).since > AS_OF]
    assert not late, f"status dates after the content's as-of date: {late}"


def test_watch_items_are_at_most_medium():
    too_severe = [fid for fid, info in FINDINGS.items()
                  if _principal(info).watch and info.finding.severity not in
                  ("medium", "low", "info")]
    assert not too_severe, f"watch items above medium: {too_severe}"


CONFIRM_FINDINGS = sorted(fid for fid, info in FINDINGS.items()
                          if info.finding.rules[0] in CONFIRM_RULES)


def test_the_confirm_findings_are_found():
    # the Affiliates Rule and 4E091 are in the content at all (else the next test tests nothing)
    assert {CONTENT.rules[FINDINGS[f].finding.rules[0]].id for f in CONFIRM_FINDINGS} \
        == set(CONFIRM_RULES)


@pytest.mark.parametrize("finding_id", [_param(f) for f in CONFIRM_FINDINGS])
def test_unsettled_rules_say_confirm_with_counsel(finding_id):
    assert _principal(FINDINGS[finding_id], TODAY).confirm is True


def test_the_affiliates_rule_is_in_force_again_by_default_today():
    state = state_on(CONTENT.rules["affiliates_rule"], CONTENT.rules, TODAY)
    assert (state.status, state.since, state.confirm) == ("in_force", dt.date(2026, 11, 10),
                                                          True)
    assert state_on(CONTENT.rules["affiliates_rule"], CONTENT.rules,
                    dt.date(2026, 6, 1)).status == "suspended"


@pytest.mark.parametrize("pack_id", [p.id for p in CONTENT.packs])
def test_every_pack_is_dated_and_versioned(pack_id):
    pack = CONTENT.pack(pack_id)
    assert pack.as_of == AS_OF
    assert AS_OF < pack.review_by <= REVIEW_BY_LATEST
    assert re.fullmatch(r"\d+\.\d+\.\d+", pack.version)


# A finding whose condition only asks whether questions were answered fires whatever the answer
# ("No" included): that is context, not a finding (issue 14). The die-area finding reads a
# calculator that leaves no value exactly when the figures fall between two classes.
ANSWER_DRIVEN_ONLY_ALLOWED = {"chips_die_area_needed"}


def test_no_finding_fires_whatever_the_answer():
    from tests.content.solver import ANSWERED, alternatives

    blind = []
    for fid, info in FINDINGS.items():
        if fid in ANSWER_DRIVEN_ONLY_ALLOWED:
            continue
        for alt in alternatives(info.when, True, CONTENT.groups):
            if not any(a.want and a.op != ANSWERED for a in alt):
                blind.append(fid)
                break
    assert blind == []
