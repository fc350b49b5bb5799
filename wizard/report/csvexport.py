"""The action plan as CSV: UTF-8 with a byte-order mark so that Excel opens Korean correctly,
one row per action in priority order.

Cells that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) get a leading apostrophe, so a typed owner or comment can never run
as a formula when the file is opened in Excel (CSV injection).
"""

from __future__ import annotations

import csv
import io

from wizard.i18n import N_
from wizard.report.common import lab, pick, tr

BOM = "\ufeff"
COLUMNS = (
    ("priority", N_("Priority")),
    ("action", N_("Action")),
    ("area", N_("Area")),
    ("severity", N_("Severity")),
    ("timeframe", N_("Timeframe")),
    ("owner_role", N_("Owner role")),
    ("owner", N_("Owner")),
    ("due", N_("Due")),
    ("status", N_("Status")),
    ("citations", N_("Citations")),
    ("rule_status", N_("Rule status")),
    ("findings", N_("Findings")),
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def header(lang: str) -> list[str]:
    return [tr(msgid, lang) for _, msgid in COLUMNS]


def rows(report, lang: str) -> list[list[str]]:
    """The plan as rows of text, in the order of ``COLUMNS``."""
    areas = {a.id: a for a in report.areas}
    findings = {f.id: f for f in report.findings}
    rules = {r.id: r for r in report.rules}
    result = []
    for a in report.actions:
        row = {
            "priority": str(a.priority),
            "action": pick(a.title, lang),
            "area": pick(areas[a.area].title, lang) if a.area in areas else a.area,
            "severity": lab("severity", a.severity, lang),
            "timeframe": lab("timeframe", a.timeframe, lang),
            "owner_role": lab("owner_role", a.owner_role, lang),
            "owner": a.plan.owner,
            "due": a.plan.due,
            "status": lab("plan_status", a.plan.status, lang),
            "citations": "; ".join(a.citations),
            "rule_status": "; ".join(f"{'; '.join(rules[r].citations) or pick(rules[r].title, lang)}"
                                     f": {pick(rules[r].label, lang)}"
                                     for r in a.rules if r in rules),
            "findings": "; ".join(pick(findings[f].title, lang) for f in a.findings
                                  if f in findings),
        }
        result.append([safe_cell(row[key]) for key, _ in COLUMNS])
    return result


def render(report, lang: str) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(lang))
    writer.writerows(rows(report, lang))
    return (BOM + buffer.getvalue()).encode("utf-8")
