"""The readiness report as one self-contained HTML file (inline CSS and SVG, no external URL),
readable on screen and printable from a browser. Pure Python: no Qt."""

from __future__ import annotations

from wizard.report import chart, templating
from wizard.report.view import report_context


def render(report, lang: str, *, content=None, group: str = "area",
           detail: str = "full") -> str:
    """The HTML report of ``report`` in ``lang`` (``ko``, ``en`` or ``both``). ``content`` (the
    loaded questionnaires) adds the glossary and the names of calculations when given;
    ``group`` is how the checklist is grouped (``area`` or a programme framework's id);
    ``detail`` is ``full`` or ``summary`` (the short form)."""
    svg = chart.svg(chart.chart_rows(report), lang)
    context = report_context(report, lang, target="web", content=content, chart=svg,
                             group=group, detail=detail)
    return templating.render("report.html", lang, **context)
