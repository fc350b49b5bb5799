"""What every report format shares: picking a language out of a bilingual text, labels,
and building the report data for an assessment file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from wizard.core.labels import label
from wizard.i18n import translate

REPORT_LANGS = ("ko", "en", "both")
DETAILS = ("full", "summary")      # the whole report, or the short form to hand over


def pick(text: Optional[dict], lang: str, sep: str = " / ") -> str:
    """One language of a ``{ko, en}`` text; ``both`` gives Korean then English."""
    if not text:
        return ""
    if lang == "both":
        ko, en = text.get("ko", ""), text.get("en", "")
        return ko if ko == en else f"{ko}{sep}{en}"
    return text.get(lang, "")


def _params(params: dict, lang: str) -> dict:
    return {k: v.get(lang, "") if isinstance(v, dict) else v for k, v in params.items()}


def tr(message: str, lang: str, /, **params) -> str:
    """A program string in ``lang``; for ``both``, Korean then English. A ``{ko, en}``
    parameter gives each language its own value (e.g. a date written for each)."""
    if lang == "both":
        ko = translate(message, "ko", **_params(params, "ko"))
        en = translate(message, "en", **_params(params, "en"))
        return ko if ko == en else f"{ko} / {en}"
    return translate(message, lang, **_params(params, lang))


def lab(kind: str, key: str, lang: str) -> str:
    """A vocabulary label (severity, status, ...) in ``lang``; ``both`` gives ko / en."""
    if lang == "both":
        ko, en = label(kind, key, "ko"), label(kind, key, "en")
        return ko if ko == en else f"{ko} / {en}"
    return label(kind, key, lang)


@dataclass
class Prepared:
    content: object
    loaded: object
    report: object


def prepare(assessment_path: Path, packs: Optional[Path] = None) -> Prepared:
    """Load the packs and the assessment and evaluate it: the one entry all formats share."""
    from wizard.core.assessment import load_assessment
    from wizard.core.content import load_content
    from wizard.core.engine import evaluate

    content = load_content(packs)
    loaded = load_assessment(assessment_path, content)
    report = evaluate(content, loaded.assessment, loaded.dropped)
    return Prepared(content, loaded, report)
