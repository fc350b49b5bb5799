"""Turning a stored answer into words, in both languages (used by "because you answered ...",
the checklist, the answers appendix and the wizard's review page)."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from wizard import paths
from wizard.core.calculators.bulk import LABELS
from wizard.core.labels import EXPOSURE, YES_NO
from wizard.i18n import LANGUAGES, translate


@lru_cache(maxsize=1)
def _country_names() -> dict[str, dict[str, str]]:
    """``translations/countries.json``: Korean and English names from CLDR (via Babel),
    generated once so showing an answer needs no locale data at run time."""

    try:
        return json.loads((paths.translations_dir() / "countries.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def country_names() -> dict[str, dict[str, str]]:
    """Every country the program names: code -> {ko, en} (read only)."""
    return _country_names()


def country_name(code: str, lang: str) -> str:
    """The country's name in ``lang``, e.g. CN -> 'China' (en); the code if unknown."""
    names = _country_names().get(code)
    return names.get(lang, code) if names else code


def _number(value: float) -> str:
    if isinstance(value, float) and not value.is_integer():
        if abs(value) >= 1e6:
            return f"{value:.3g}"
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if abs(value) >= 1e15:
        return f"{float(value):.3g}"
    return f"{int(value):,}"


def answer_text(content, qid: str, value: Any) -> dict[str, str]:
    """``{ko, en}`` for an answer to ``qid`` as a person would read it."""
    info = content.questions.get(qid)
    if info is not None:
        return answer_words(info, value)
    return {lang: _one(None, value, lang) for lang in LANGUAGES}


def answer_words(info, value: Any) -> dict[str, str]:
    """``answer_text`` for a question already looked up (a ``content.QuestionInfo``)."""
    if info.kind == "yes_no_unsure" and value in YES_NO:
        return dict(_yes_no_words()[value])
    return {lang: _one(info.question, value, lang) for lang in LANGUAGES}


@lru_cache(maxsize=1)
def _yes_no_words() -> dict[str, dict[str, str]]:
    return {key: {lang: _yes_no(lang)[key] for lang in LANGUAGES} for key in YES_NO}


@lru_cache(maxsize=8)
def _yes_no(lang: str) -> dict[str, str]:
    return {key: translate(msgid, lang) for key, msgid in YES_NO.items()}


def _one(question, value: Any, lang: str) -> str:
    if value is None:
        return ""
    kind = question.kind if question else None
    if kind == "yes_no_unsure" and value in YES_NO:
        return _yes_no(lang)[value]
    if kind in ("single", "multi"):
        chosen = value if isinstance(value, list) else [value]
        labels = []
        for oid in chosen:
            option = question.option(oid)
            labels.append(option.label.get(lang) if option else str(oid))
        return ", ".join(labels)
    if kind == "countries":
        return ", ".join(f"{country_name(code, lang)} ({code})" for code in value)
    if kind == "number":
        unit = f" {question.unit.get(lang)}" if question.unit else ""
        return _number(value) + unit
    if kind == "calculator" and isinstance(value, list):
        names = [translate(LABELS[v], lang) if v in LABELS else str(v) for v in value]
        return ", ".join(names) if names else translate(EXPOSURE["none"], lang)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number(value)
    return str(value)
