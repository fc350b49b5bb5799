"""Bulk US sensitive personal data: counts compared with the 28 CFR 202.205 thresholds.

A count is "bulk" when it is MORE THAN the threshold (a count equal to it is not), counted over
any 12 months with the same counterparty. Categories not given are not checked. Counts are whole
numbers of US persons (devices for precise geolocation), 0 or more; a float with no fractional
part (``1000.0``, as JSON numbers may arrive) is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from wizard.core.calculators import fail, fmt_number, input_name, render_notes, show
from wizard.i18n import N_, NP_, Note

# category id -> (threshold, unit); the order is the fixed order of results
BULK_CATEGORIES: dict[str, tuple[int, str]] = {
    "human_genomic": (100, "persons"),
    "other_omic": (1_000, "persons"),
    "biometric": (1_000, "persons"),
    "precise_geolocation": (1_000, "devices"),
    "personal_health": (10_000, "persons"),
    "personal_financial": (10_000, "persons"),
    "covered_identifiers": (100_000, "persons"),
}
OMIC_CATEGORIES = ("human_genomic", "other_omic")

E_NOT_MAPPING = N_("Bulk data counts must be given as pairs of category and count; got {value}.")
E_UNKNOWN = N_("Unknown data category '{category}'. Use one of: {allowed}.")
E_COUNT = {
    "persons": N_("{field} must be a whole number of US persons (0 or more); got {value}. Enter "
                  "a count such as 1200."),
    "devices": N_("{field} must be a whole number of devices (0 or more); got {value}. Enter a "
                  "count such as 1200."),
}

LABELS = {
    "human_genomic": N_("Human genomic data"),
    "other_omic": N_("Other human 'omic data (epigenomic, proteomic, transcriptomic)"),
    "biometric": N_("Biometric identifiers"),
    "precise_geolocation": N_("Precise geolocation data"),
    "personal_health": N_("Personal health data"),
    "personal_financial": N_("Personal financial data"),
    "covered_identifiers": N_("Covered personal identifiers"),
}

OVER = {
    "human_genomic": N_("Human genomic data: {count} US persons is more than 100: bulk."),
    "other_omic": N_("Other human 'omic data: {count} US persons is more than 1,000: bulk."),
    "biometric": N_("Biometric identifiers: {count} US persons is more than 1,000: bulk."),
    "precise_geolocation": N_("Precise geolocation data: {count} devices is more than 1,000: "
                              "bulk."),
    "personal_health": N_("Personal health data: {count} US persons is more than 10,000: bulk."),
    "personal_financial": N_("Personal financial data: {count} US persons is more than 10,000: "
                             "bulk."),
    "covered_identifiers": N_("Covered personal identifiers: {count} US persons is more than "
                              "100,000: bulk."),
}
NOT_OVER = {      # a count that is not bulk may be 1: one form per number
    "human_genomic": NP_("Human genomic data: {count} US person is not more than 100: not bulk.",
                         "Human genomic data: {count} US persons is not more than 100: not "
                         "bulk."),
    "other_omic": NP_("Other human 'omic data: {count} US person is not more than 1,000: not "
                      "bulk.",
                      "Other human 'omic data: {count} US persons is not more than 1,000: not "
                      "bulk."),
    "biometric": NP_("Biometric identifiers: {count} US person is not more than 1,000: not bulk.",
                     "Biometric identifiers: {count} US persons is not more than 1,000: not "
                     "bulk."),
    "precise_geolocation": NP_("Precise geolocation data: {count} device is not more than "
                               "1,000: not bulk.",
                               "Precise geolocation data: {count} devices is not more than "
                               "1,000: not bulk."),
    "personal_health": NP_("Personal health data: {count} US person is not more than 10,000: "
                           "not bulk.",
                           "Personal health data: {count} US persons is not more than 10,000: "
                           "not bulk."),
    "personal_financial": NP_("Personal financial data: {count} US person is not more than "
                              "10,000: not bulk.",
                              "Personal financial data: {count} US persons is not more than "
                              "10,000: not bulk."),
    "covered_identifiers": NP_("Covered personal identifiers: {count} US person is not more "
                               "than 100,000: not bulk.",
                               "Covered personal identifiers: {count} US persons is not more "
                               "than 100,000: not bulk."),
}

N_NONE_GIVEN = N_("No data counts entered: nothing was checked.")
N_OVER = N_("Bulk thresholds exceeded in {count} of the categories checked. If this data goes to "
            "a country of concern (China including Hong Kong and Macau, Russia, Iran, North "
            "Korea, Cuba, Venezuela) or a covered person, data brokerage and 'omic transfers are "
            "prohibited, and vendor, employment and investment agreements are restricted "
            "(28 CFR Part 202; status: in force since 2025-04-08, compliance-programme duties "
            "since 2025-10-06).")
N_NOT_OVER = N_("No category checked is over its bulk threshold (28 CFR 202.205). Government-"
                "related data is a separate category of 28 CFR Part 202 that these thresholds do "
                "not measure.")
N_MORE_THAN = N_("Each threshold is \"more than\" the figure (28 CFR 202.205): a count equal to "
                 "the threshold is not bulk, one more is. Count the US persons (devices for "
                 "precise geolocation) whose data goes to the same counterparty over any 12 "
                 "months, adding up all transactions.")
N_DEIDENTIFIED = N_("Anonymised, pseudonymised, de-identified or encrypted data still counts "
                    "towards these thresholds (28 CFR 202.206).")
N_OMIC = N_("Transactions giving a country of concern or a covered person access to bulk human "
            "'omic data are prohibited, not merely restricted (28 CFR 202.303).")


@dataclass(frozen=True)
class CategoryCheck:
    """One category's count against its 28 CFR 202.205 threshold (over = count > threshold)."""

    category: str
    count: int
    threshold: int
    unit: str                 # 'persons' | 'devices'
    over: bool

    @property
    def label(self) -> Note:
        return Note(LABELS[self.category])

    def to_dict(self, lang: str) -> dict[str, Any]:
        return {
            "category": self.category,
            "label": render_notes([self.label], lang)[0],
            "count": self.count,
            "threshold": self.threshold,
            "unit": self.unit,
            "over": self.over,
        }


@dataclass(frozen=True)
class BulkResult:
    """Outcome of :func:`bulk_data`; ``categories`` and ``over`` follow the fixed category order."""

    categories: list[CategoryCheck] = field(default_factory=list)
    over: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def to_dict(self, lang: str) -> dict[str, Any]:
        return {
            "categories": [check.to_dict(lang) for check in self.categories],
            "over": list(self.over),
            "notes": render_notes(self.notes, lang),
        }


def _count(category: str, value: Any, unit: str) -> int:
    message = E_COUNT[unit]
    if isinstance(value, bool):
        fail(message, field=input_name(category), value=show(value))
    if isinstance(value, int):
        count = value
    elif isinstance(value, float) and value.is_integer():
        count = int(value)
    else:
        fail(message, field=input_name(category), value=show(value))
    if count < 0:
        fail(message, field=input_name(category), value=show(value))
    return count


def bulk_data(counts: Mapping[str, Any]) -> BulkResult:
    """Compare ``counts`` (category id -> number of US persons or devices, over 12 months with
    the same counterparty) with the 28 CFR 202.205 bulk thresholds.

    ``None`` counts are treated as not given. Raises
    :class:`~wizard.core.errors.CalculatorError` for unknown categories or counts that are not
    whole numbers of 0 or more."""
    if not isinstance(counts, Mapping):
        fail(E_NOT_MAPPING, value=show(counts))
    for category in counts:
        if category not in BULK_CATEGORIES:
            fail(E_UNKNOWN, category=str(category), allowed=", ".join(BULK_CATEGORIES))

    checks: list[CategoryCheck] = []
    notes: list[Note] = []
    for category, (threshold, unit) in BULK_CATEGORIES.items():
        value = counts.get(category)
        if value is None:
            continue
        count = _count(category, value, unit)
        over = count > threshold
        checks.append(CategoryCheck(category=category, count=count, threshold=threshold,
                                    unit=unit, over=over))
        notes.append(Note(OVER[category], {"count": fmt_number(count)}) if over
                     else Note(NOT_OVER[category], {"count": count}))

    over_ids = [check.category for check in checks if check.over]
    if not checks:
        notes.append(Note(N_NONE_GIVEN))
    elif over_ids:
        notes.append(Note(N_OVER, {"count": str(len(over_ids))}))
    else:
        notes.append(Note(N_NOT_OVER))
    notes.append(Note(N_MORE_THAN))
    notes.append(Note(N_DEIDENTIFIED))
    notes.append(Note(N_OMIC))

    return BulkResult(categories=checks, over=over_ids, notes=notes)
