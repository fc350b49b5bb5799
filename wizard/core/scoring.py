"""The two scores an area gets, and the formula text every report prints."""

from __future__ import annotations

from wizard.core.model import SEVERITIES
from wizard.i18n import N_

FORMULA = N_(
    "Readiness = 100 x (sum of weight x credit) / (sum of weight) over the area's control "
    "questions that apply; credit is 1 for Yes, 0 for No, Unsure or no answer, and the chosen "
    "option's credit for multiple-choice controls. Exposure = the highest severity among the "
    "area's findings that are obligations or guidance (critical, high, medium or low); none when "
    "no such finding applies. Information items and watch items do not raise exposure.")

_SEVERITY_TO_EXPOSURE = {"critical": "critical", "high": "high", "medium": "medium",
                         "low": "low"}


def exposure_from(findings) -> str:
    """Exposure level from an area's triggered findings (watch items excluded)."""
    levels = [f.severity for f in findings if not f.watch and f.severity != "info"]
    if not levels:
        return "none"
    worst = min(levels, key=SEVERITIES.index)
    return _SEVERITY_TO_EXPOSURE[worst]


def readiness_from(checklist_items) -> int | None:
    """0-100 from weighted control credits; None when no control applies."""
    applied = [c for c in checklist_items if c.state != "not_applicable"]
    total = sum(c.weight for c in applied)
    if not total:
        return None
    earned = sum(c.weight * c.credit for c in applied)
    return int(100 * earned / total + 0.5)
