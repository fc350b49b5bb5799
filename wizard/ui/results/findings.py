"""The findings of the results page as HTML for a QTextBrowser: obligations first, then watch
items under their own heading, clearly labelled as not obligations. Each finding shows "because
you answered ...", the rule's status with its date, and its citations, as the core computed."""

from __future__ import annotations

import html

from wizard.i18n import N_
from wizard.ui import lang

OBLIGATIONS = N_("Findings")
OBLIGATIONS_NOTE = N_("Rules that apply to your company on your answers, most serious first.")
WATCH = N_("Watch items: not obligations")
WATCH_NOTE = N_("Proposals, policy discussions and rules that are not enforced. They are shown "
                "so that you can follow them; they do not oblige you to anything today.")
NONE = N_("No findings from your answers so far.")
NO_WATCH = N_("No watch items.")
BECAUSE = N_("Because you answered")
STATUS = N_("Rule status")
RULES = N_("Rules")
SOURCES = N_("Sources")
ACTIONS = N_("Actions")
SEVERITY_COLOURS = {"critical": "#b00020", "high": "#d35400", "medium": "#b7791f",
                    "low": "#2e7d32", "info": "#4a5568"}


def _p(text) -> str:
    return lang.pick_html(text)


def _lines(msgid: str) -> str:
    """A program sentence as HTML; bilingual mode puts the English on a line below."""
    return html.escape(lang.ui_lines(msgid)).replace("\n", "<br>")


def _finding(finding, action_titles: dict[str, dict]) -> str:
    colour = "#1f4fa0" if finding.watch else SEVERITY_COLOURS.get(finding.severity, "#333")
    background = "#eef3fb" if finding.watch else "#fbf7f4"
    severity = html.escape(lang.label("severity", finding.severity))
    rows = [f"<span style='color:{colour}; font-weight:bold'>[{severity}]</span> "
            f"<b>{_p(finding.title)}</b>",
            _p(finding.explanation)]
    if finding.because:
        items = "".join(f"<li>{_p(b.text)} \u2192 <b>{_p(b.answer_text)}</b></li>"
                        for b in finding.because)
        rows.append(f"{html.escape(lang.ui(BECAUSE))}:<ul style='margin-top:0'>{items}</ul>")
    rows.append(f"<b>{html.escape(lang.ui(STATUS))}</b>: {_p(finding.status_label)}")
    if len(finding.rules) > 1:
        items = "".join(f"<li>{html.escape('; '.join(r.citations))} \u2014 {_p(r.label)}</li>"
                        for r in finding.rules)
        rows.append(f"<b>{html.escape(lang.ui(RULES))}</b>:<ul style='margin-top:0'>{items}</ul>")
    elif finding.citations:
        rows.append(f"<b>{html.escape(lang.ui(SOURCES))}</b>: "
                    + html.escape("; ".join(finding.citations)))
    if finding.actions:
        titles = "".join(f"<li>{_p(action_titles[a])}</li>" for a in finding.actions
                         if a in action_titles)
        if titles:
            rows.append(f"<b>{html.escape(lang.ui(ACTIONS))}</b>:"
                        f"<ul style='margin-top:0'>{titles}</ul>")
    cells = "".join(f"<tr><td style='padding:3px 8px'>{row}</td></tr>" for row in rows)
    return (f"<table width='100%' cellspacing='0' style='margin-bottom:10px; "
            f"background-color:{background}; border-left: 4px solid {colour}'>{cells}</table>")


def findings_html(report) -> str:
    titles = {action.id: action.title for action in report.actions}
    obligations = [f for f in report.findings if not f.watch]
    watch = [f for f in report.findings if f.watch]
    parts = [f"<h3>{html.escape(lang.ui(OBLIGATIONS))}</h3>",
             f"<p style='color:#444'>{_lines(OBLIGATIONS_NOTE)}</p>"]
    parts += [_finding(f, titles) for f in obligations] or [
        f"<p>{html.escape(lang.ui(NONE))}</p>"]
    parts += [f"<h3 style='color:#1f4fa0'>{html.escape(lang.ui(WATCH))}</h3>",
              f"<p style='color:#444'>{_lines(WATCH_NOTE)}</p>"]
    parts += [_finding(f, titles) for f in watch] or [f"<p>{html.escape(lang.ui(NO_WATCH))}</p>"]
    return "".join(parts)
