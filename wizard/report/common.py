"""What every report format shares: picking a language out of a bilingual text, labels,
and building the report data for an assessment file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from wizard.core.labels import label, marking
from wizard.i18n import N_, translate

REPORT_LANGS = ("ko", "en", "both")
# Malgun Gothic, the default font of Korean Word and Excel (on every Windows since Vista;
# Hancom Office reads it too), by its Korean family name as Korean Office files name it. A
# font name, not text for a reader: spelt by code point rather than kept in the catalogs.
OFFICE_FONT = "".join(map(chr, (0xB9D1, 0xC740, 0x20, 0xACE0, 0xB515)))
OFFICE_FONT_LATIN = "Malgun Gothic"
DETAILS = ("full", "summary")      # the whole report, or the short form to hand over
# Content installed from an unsigned bundle: every format says so on its first page
UNVERIFIED = N_("unverified content")
UNVERIFIED_TITLE = N_("Unverified content")
UNVERIFIED_NOTE = N_("This report was made with content installed from a bundle without a "
                     "signature the program could check: its questions, findings and rule "
                     "statuses may not be the publisher's. Confirm where the bundle came from "
                     "before you rely on this report.")


def content_name(info) -> str:
    """The content a report was made with, as its cover names it: content id and version
    (``us-ai-trade-rules 2026.12.03``); the packs' versions for content without a name."""
    if info.content_id and info.content_id != "local":
        return f"{info.content_id} {info.content_version}"
    return info.version


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


def both_or_one(one, lang: str, sep: str = " / ") -> str:
    """``one(l)`` for ``lang``; for ``both``, Korean then English (once when they agree)."""
    if lang == "both":
        ko, en = one("ko"), one("en")
        return ko if ko == en else f"{ko}{sep}{en}"
    return one(lang)


def status_text(finding, lang: str) -> str:
    """The status of the rule behind a finding as the core worded it for the evaluation date
    (``status_label``), as plain text; ``both`` gives ko / en."""
    return pick(finding.status_label, lang)


def marking_text(meta: Optional[dict], lang: str) -> str:
    """The confidentiality marking of an assessment for a page header ("" when none)."""
    value = (meta or {}).get("confidentiality") or ""
    return both_or_one(lambda l: marking(value, l), lang) if value else ""


@dataclass
class Prepared:
    content: object
    loaded: object
    report: object


def prepare(assessment_path: Path, packs: Optional[Path] = None,
            on: Optional[dt.date] = None) -> Prepared:
    """Load the packs and the assessment and evaluate it (rule statuses on ``on``, by default
    the assessment's date): the one entry all formats share."""
    from wizard.core import evidence
    from wizard.core.assessment import load_assessment
    from wizard.core.content import load_content
    from wizard.core.engine import evaluate

    content = load_content(packs)
    loaded = load_assessment(assessment_path, content)
    checked = evidence.check(loaded.assessment, Path(assessment_path))
    report = evaluate(content, loaded.assessment, loaded.dropped, on=on,
                      evidence_checked=checked)
    return Prepared(content, loaded, report)
