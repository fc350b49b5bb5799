"""The readiness report as Markdown (for e-mail, wikis and version control)."""

from __future__ import annotations

from wizard.i18n import N_
from wizard.report.common import lab, pick, tr

TITLE = N_("AI Trade Readiness report")
NOTICE = N_("This report is not legal advice. It reflects the rules as of {as_of}; review the "
            "content by {review_by}. Confirm every finding with qualified counsel before you "
            "act on it.")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def _esc(text: str) -> str:
    """Escape Markdown/HTML specials in user text so notes show as typed."""
    out = []
    for ch in text:
        if ch in "\\`*_{}[]<>()#+!|":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out).replace("\n", " ")


def render(report, lang: str) -> str:
    c = report.content
    m = report.meta
    lines: list[str] = [f"# {tr(TITLE, lang)}", ""]
    rows = [
        (tr(N_("Company"), lang), _esc(m.get("company") or "-")),
        (tr(N_("Assessor"), lang), _esc(m.get("assessor") or "-")),
        (tr(N_("Assessment date"), lang), m.get("date") or "-"),
        (tr(N_("Content version"), lang), c.version),
        (tr(N_("Content as of"), lang), c.as_of),
        (tr(N_("Review by"), lang), c.review_by),
    ]
    lines += [f"- **{k}**: {v}" for k, v in rows]
    lines += ["", f"> {tr(NOTICE, lang, as_of=c.as_of, review_by=c.review_by)}", ""]

    lines += [f"## {tr(N_('Summary by area'), lang)}", ""]
    lines += [f"| {tr(N_('Area'), lang)} | {tr(N_('Applies'), lang)} | "
              f"{tr(N_('Exposure'), lang)} | {tr(N_('Readiness'), lang)} | "
              f"{tr(N_('Answered'), lang)} |", "|---|---|---|---|---|"]
    for a in report.areas:
        applies = tr(N_("Yes"), lang) if a.applicable else tr(N_("No"), lang)
        readiness = f"{a.readiness}/100" if a.readiness is not None else "-"
        lines.append(f"| {_cell(pick(a.title, lang))} | {applies} | "
                     f"{lab('exposure', a.exposure, lang)} | {readiness} | "
                     f"{a.answered}/{a.total} |")
    lines.append("")

    obligations = [f for f in report.findings if not f.watch]
    watch = [f for f in report.findings if f.watch]
    for heading, items in ((N_("Findings"), obligations),
                           (N_("Watch items (not obligations)"), watch)):
        lines += [f"## {tr(heading, lang)}", ""]
        if not items:
            lines += [tr(N_("None."), lang), ""]
        for f in items:
            lines += [f"### {_cell(pick(f.title, lang))}", "",
                      f"- **{tr(N_('Severity'), lang)}**: {lab('severity', f.severity, lang)}",
                      f"- **{tr(N_('Rule status'), lang)}**: {pick(f.status_label, lang)}"
                      + (f" ({tr(N_('confirm the current status with counsel'), lang)})"
                         if f.confirm else ""),
                      f"- **{tr(N_('Citations'), lang)}**: {'; '.join(f.citations)}", ""]
            lines += [pick(f.explanation, lang, sep="\n\n"), ""]
            if f.because:
                lines.append(f"**{tr(N_('Because you answered'), lang)}**:")
                for b in f.because:
                    lines.append(f"- {_cell(pick(b.text, lang))} → "
                                 f"{_esc(pick(b.answer_text, lang))}")
                lines.append("")

    lines += [f"## {tr(N_('Action plan'), lang)}", ""]
    if not report.actions:
        lines += [tr(N_("None."), lang), ""]
    else:
        lines += [f"| # | {tr(N_('Action'), lang)} | {tr(N_('Timeframe'), lang)} | "
                  f"{tr(N_('Owner'), lang)} | {tr(N_('Due'), lang)} | "
                  f"{tr(N_('Status'), lang)} |", "|---|---|---|---|---|---|"]
        for a in report.actions:
            owner = _esc(a.plan.owner) if a.plan.owner else lab("owner_role", a.owner_role, lang)
            lines.append(f"| {a.priority} | {_cell(pick(a.title, lang))} | "
                         f"{lab('timeframe', a.timeframe, lang)} | {_cell(owner)} | "
                         f"{a.plan.due or '-'} | {lab('plan_status', a.plan.status, lang)} |")
        lines.append("")

    lines += [f"## {tr(N_('Readiness checklist'), lang)}", ""]
    marks = {"in_place": "[x]", "partial": "[~]", "missing": "[ ]", "unsure": "[?]",
             "unanswered": "[?]", "not_applicable": "[-]"}
    current = None
    for item in report.checklist:
        if item.area != current:
            current = item.area
            area = next(a for a in report.areas if a.id == item.area)
            lines += ["", f"### {_cell(pick(area.title, lang))}", ""]
        lines.append(f"- {marks[item.state]} {_cell(pick(item.text, lang))} "
                     f"({lab('state', item.state, lang)}, {tr(N_('weight'), lang)} "
                     f"{item.weight})")
    lines.append("")

    lines += [f"## {tr(N_('Questions for your counsel'), lang)}", ""]
    lines += ([f"- {_cell(pick(q.text, lang))}" + (f" — {_esc(q.note)}" if q.note else "")
               for q in report.unsure] or [tr(N_("None."), lang)])
    lines += ["", f"## {tr(N_('Unanswered questions'), lang)}", ""]
    lines += ([f"- {_cell(pick(q.text, lang))}" for q in report.unanswered]
              or [tr(N_("None."), lang)])
    if report.dropped:
        lines += ["", f"## {tr(N_('Answers not carried over to the current content'), lang)}",
                  ""]
        lines += [f"- `{d.key}`: {_esc(str(d.value))} ({_esc(d.reason)})" for d in report.dropped]
    lines += ["", f"## {tr(N_('How the scores are computed'), lang)}", "",
              pick(c.scoring, lang, sep="\n\n"), ""]
    return "\n".join(lines)
