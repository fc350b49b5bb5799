"""The client library's outputs: the re-check summary (HTML, PDF, CSV) and the client list
(CSV), laid out from what :mod:`wizard.core.clients` and :mod:`wizard.core.recheck` computed.
"""

from __future__ import annotations

import csv
import io

from wizard import __version__
from wizard.core.labels import label
from wizard.i18n import N_
from wizard.report import templating
from wizard.report.common import pick, tr
from wizard.report.csvexport import BOM, safe_cell

RECHECK_TITLE = N_("AI Trade Readiness: client re-check")
CHANGE = {"new": N_("new"), "status": N_("status changed"), "resolved": N_("resolved")}
METHOD = N_("Each client's answers are evaluated twice: as they last saw them (on their "
            "assessment's date, with the content they were answered against where it is "
            "installed, else with the current content) and as they stand now (the current "
            "content, on the date above). Listed: findings that are new, resolved, or whose "
            "rule changed status; most affected clients first. No file in the folder was "
            "changed.")
UNKNOWN_CONTENT = N_("not recorded")

RECHECK_COLUMNS = (
    ("company", N_("Company")), ("assessor", N_("Assessor")), ("file", N_("File")),
    ("date", N_("Assessment date")), ("content", N_("Answered against")),
    ("new", N_("New findings")), ("status", N_("Status changes")),
    ("resolved", N_("Findings resolved")), ("changes", N_("What changed")),
)
LIST_COLUMNS = (
    ("company", N_("Company")), ("assessor", N_("Assessor")), ("file", N_("File")),
    ("date", N_("Assessment date")), ("content", N_("Answered against")),
    ("exposure", N_("Exposure")), ("readiness", N_("Readiness")),
    ("critical", N_("Open critical actions")), ("overdue", N_("Overdue actions")),
)
AREA_EXPOSURE = N_("{area}: exposure")
AREA_READINESS = N_("{area}: readiness")


def content_text(client, lang: str) -> str:
    """The content a client was answered against, as a cell shows it."""
    if client.content_id == "unknown":
        return tr(UNKNOWN_CONTENT, lang)
    return f"{client.content_id} {client.content_version}"


def change_text(change, lang: str) -> str:
    """One finding change in a line: title, what happened, the rule's status before/after."""
    title = pick(change.title, lang)
    what = tr(CHANGE[change.kind], lang)
    if change.kind == "status":
        return (f"{title} ({what}: {pick(change.before_label, lang)} \u2192 "
                f"{pick(change.after_label, lang)})")
    return f"{title} ({what})"


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[safe_cell(cell) for cell in row] for row in rows])
    return (BOM + buffer.getvalue()).encode("utf-8")


def _counts(item) -> dict[str, int]:
    return {kind: sum(1 for c in item.changes if c.kind == kind) for kind in CHANGE}


def recheck_csv(recheck, lang: str) -> bytes:
    """The re-check table: one row per client, most affected first."""
    rows = []
    for item in recheck.clients:
        c, counts = item.client, _counts(item)
        rows.append([c.company, c.assessor, c.path.name, c.date, content_text(c, lang),
                     str(counts["new"]), str(counts["status"]), str(counts["resolved"]),
                     "; ".join(change_text(ch, lang) for ch in item.changes)])
    return _csv([tr(msgid, lang) for _, msgid in RECHECK_COLUMNS], rows)


def library_csv(library, lang: str) -> bytes:
    """The client list: one row per client, with exposure and readiness per area."""
    areas = []
    for s in library.standings:
        for a in s.areas:
            if a.area not in [x.area for x in areas]:
                areas.append(a)
    header = [tr(msgid, lang) for _, msgid in LIST_COLUMNS]
    for a in areas:
        header += [tr(AREA_EXPOSURE, lang, area=pick(a.title, lang)),
                   tr(AREA_READINESS, lang, area=pick(a.title, lang))]
    rows = []
    for s in library.standings:
        c = s.client
        by_area = {a.area: a for a in s.areas}
        row = [c.company, c.assessor, c.path.name, c.date, content_text(c, lang),
               label("exposure", s.exposure, lang),
               "" if s.readiness is None else str(s.readiness), str(s.open_critical),
               "; ".join(f"{pick(o.title, lang)} ({o.due})" for o in s.overdue)]
        for a in areas:
            mine = by_area.get(a.area)
            row += ["" if mine is None or not mine.applicable else label("exposure",
                                                                         mine.exposure, lang),
                    "" if mine is None or mine.readiness is None else str(mine.readiness)]
        rows.append(row)
    return _csv(header, rows)


def _context(recheck, lang: str, target: str) -> dict:
    from wizard.report.view import Helpers

    return {"r": recheck, "h": Helpers(lang), "target": target, "title": RECHECK_TITLE,
            "method": METHOD, "change_words": CHANGE, "unknown_content": UNKNOWN_CONTENT,
            "counts": _counts, "html_lang": "en" if lang == "en" else "ko",
            "program_version": __version__}


def render_html(recheck, lang: str) -> str:
    return templating.render("recheck.html", lang, **_context(recheck, lang, "web"))


def render_pdf(recheck, lang: str) -> bytes:
    from wizard.report.pdf import document_pdf_bytes, new_document

    title = tr(RECHECK_TITLE, lang)
    doc = new_document(templating.render("recheck.html", lang, **_context(recheck, lang, "qt")))
    return document_pdf_bytes(doc, title, lang, title)
