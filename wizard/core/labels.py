"""Names of the program's fixed vocabularies (answers, severities, statuses, roles, ...), as
gettext message ids. Every presenter (wizard, CLI, reports) takes its labels from here, so a
status is called the same everywhere; ``label(kind, key, lang)`` translates one."""

from __future__ import annotations

from wizard.core.status_words import STATUS_NAMES
from wizard.i18n import N_, translate

YES_NO = {"yes": N_("Yes"), "no": N_("No"), "unsure": N_("Unsure")}

SEVERITY = {
    "critical": N_("Critical"),
    "high": N_("High"),
    "medium": N_("Medium"),
    "low": N_("Low"),
    "info": N_("Information"),
}

EXPOSURE = {
    "none": N_("None"),
    "low": N_("Low"),
    "medium": N_("Medium"),
    "high": N_("High"),
    "critical": N_("Critical"),
}

CHECK_STATE = {
    "in_place": N_("In place"),
    "partial": N_("Partly in place"),
    "missing": N_("Missing"),
    "unsure": N_("Unsure"),
    "unanswered": N_("Not answered"),
    "not_applicable": N_("Not applicable"),
}

TIMEFRAME = {
    "immediately": N_("Immediately"),
    "30_days": N_("Within 30 days"),
    "90_days": N_("Within 90 days"),
    "ongoing": N_("Ongoing"),
}

OWNER_ROLE = {
    "management": N_("Management"),
    "compliance": N_("Compliance"),
    "legal": N_("Legal"),
    "sales": N_("Sales"),
    "engineering": N_("Engineering"),
    "procurement": N_("Procurement"),
    "it_security": N_("IT security"),
    "hr": N_("Human resources"),
}

PLAN_STATUS = {
    "open": N_("Open"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "not_applicable": N_("Not applicable"),
}

# Confidentiality markings a company can choose (printed in the report's language); any other
# text in ``meta.confidentiality`` is the company's own marking and is printed as typed
MARKING = {
    "internal": N_("Internal use only"),
    "confidential": N_("Confidential"),
    "strictly_confidential": N_("Strictly confidential"),
}

KINDS = {
    "yes_no": YES_NO,
    "severity": SEVERITY,
    "exposure": EXPOSURE,
    "status": STATUS_NAMES,
    "state": CHECK_STATE,
    "timeframe": TIMEFRAME,
    "owner_role": OWNER_ROLE,
    "plan_status": PLAN_STATUS,
    "marking": MARKING,
}


def label(kind: str, key: str, lang: str) -> str:
    """The translated label of ``key`` in vocabulary ``kind`` (the key itself if unknown)."""
    msgid = KINDS[kind].get(key)
    return translate(msgid, lang) if msgid else key


def marking(value: str, lang: str) -> str:
    """The confidentiality marking ``value`` (a ``MARKING`` key or the company's own words)
    as printed in ``lang``; empty when there is none."""
    if not value:
        return ""
    return translate(MARKING[value], lang) if value in MARKING else value
