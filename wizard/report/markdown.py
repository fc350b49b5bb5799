"""The readiness report as Markdown (for e-mail, wikis and version control), and the action
plan alone as a Markdown table (``render_plan``).

Every text a person typed (company, notes, owners, comments) is escaped so that it shows as
typed and never becomes markup; content texts are escaped too, more lightly.
"""

from __future__ import annotations

import json

from wizard.core.evidence import STATUS_WORDS, size_text
from wizard.core.localize import date_text
from wizard.i18n import N_, NP_
from wizard.report.common import (DETAILS, UNVERIFIED, UNVERIFIED_NOTE, UNVERIFIED_TITLE,
                                  content_name, lab, marking_text, pick, tr)
from wizard.report.view import (APPROVAL, BOX, BY_AREA, EVIDENCE_ACTION, EVIDENCE_BAD,
                                EVIDENCE_COUNTS, EVIDENCE_ITEMS, EVIDENCE_NOTE,
                                EVIDENCE_QUESTION, EVIDENCE_TITLE,
                                action_numbers, approval, checklist_groups, evidence_counts,
                                evidence_groups, glossary_terms, question_texts,
                                severity_counts, top_findings, urgent_actions)

TITLE = N_("AI Trade Readiness report")
NOTICE = N_("This report is not legal advice. It reflects the rules as of {as_of}; review the "
            "content by {review_by}. Confirm every finding with qualified counsel before you "
            "act on it.")
WATCH_NOTE = N_("Watch items are proposals, bills, policy discussions and rules that are not "
                "being enforced. They are not obligations today: they are listed so that you can "
                "follow them and prepare.")
COUNSEL_NOTE = N_("You answered these questions Unsure. Take them to qualified counsel; the "
                  "answers may change the findings.")
DROPPED_NOTE = N_("These answers, notes or plan entries were given against an older version of "
                  "the questionnaires and no longer fit the current content. They are listed so "
                  "that nothing is lost silently.")
SHORT_FORM = N_("Short form")
SHORT_FORM_NOTE = N_("the summary, the checklist, the most serious findings and the action plan; "
                     "the full report has every finding, the watch items, the questions for "
                     "counsel and the appendices.")
MORE = (NP_("{count} more finding that is an obligation",
            "{count} more findings that are obligations"),
        NP_("{count} information item (not a duty)", "{count} information items (not a duty)"),
        NP_("{count} watch item (not an obligation)", "{count} watch items (not obligations)"))
_SPECIALS = set("\\`*_{}[]<>|#&!~")


def _esc(text) -> str:
    """Escape Markdown and HTML specials so that ``text`` shows exactly as typed."""
    out = []
    for ch in str(text):
        out.append("\\" + ch if ch in _SPECIALS else ch)
    return "".join(out).replace("\r", " ").replace("\n", " ").strip()


_cell = _esc


class _Doc:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lines: list[str] = []

    def tr(self, msgid: str, **params) -> str:
        return tr(msgid, self.lang, **params)

    def pick(self, text) -> str:
        return _esc(pick(text, self.lang))

    def lab(self, kind: str, key: str) -> str:
        return lab(kind, key, self.lang)

    def date(self, value) -> str:
        return date_text(value, self.lang) or "-"

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def heading(self, level: int, text: str) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
        self.lines += ["#" * level + " " + text, ""]

    def paragraphs(self, text) -> None:
        """A bilingual text as one paragraph per language of the report."""
        langs = ("ko", "en") if self.lang == "both" else (self.lang,)
        seen = set()
        for lang in langs:
            value = (text or {}).get(lang, "")
            if value and value not in seen:
                seen.add(value)
                self.lines += [_esc(value), ""]

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.lines.append("| " + " | ".join(header) + " |")
        self.lines.append("|" + "---|" * len(header))
        for row in rows:
            self.lines.append("| " + " | ".join(row) + " |")
        self.lines.append("")

    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"


def _owner(action, d: _Doc) -> str:
    role = d.lab("owner_role", action.owner_role)
    return f"{_esc(action.plan.owner)} ({role})" if action.plan.owner else role


def _plan_rows(report, d: _Doc) -> list[list[str]]:
    areas = {a.id: a for a in report.areas}
    rows = []
    for a in report.actions:
        title = d.pick(a.title)
        if a.watch_only:
            title += f" ({d.tr(N_('watch item only'))})"
        if a.plan.comment:
            title += f" — {_esc(a.plan.comment)}"
        rows.append([str(a.priority), title, d.pick(areas[a.area].title),
                     d.lab("severity", a.severity), d.lab("timeframe", a.timeframe),
                     _owner(a, d), date_text(a.plan.due, d.lang, short=True) or "-",
                     d.lab("plan_status", a.plan.status), _esc("; ".join(a.citations))])
    return rows


def _plan_header(d: _Doc) -> list[str]:
    return ["#", d.tr(N_("Action")), d.tr(N_("Area")), d.tr(N_("Severity")),
            d.tr(N_("Timeframe")), d.tr(N_("Owner")), d.tr(N_("Due")), d.tr(N_("Status")),
            d.tr(N_("Citations"))]


def render_plan(report, lang: str) -> str:
    """The action plan alone, as a Markdown table."""
    d = _Doc(lang)
    d.heading(1, d.tr(N_("Action plan")))
    if report.meta.get("company"):
        d.add(f"{d.tr(N_('Company'))}: {_esc(report.meta['company'])}", "")
    if report.actions:
        d.table(_plan_header(d), _plan_rows(report, d))
    else:
        d.add(d.tr(N_("None.")), "")
    return d.text()


def _cover(report, d: _Doc, full: bool = True) -> None:
    c, m = report.content, report.meta
    marking = marking_text(m, d.lang)
    if marking:
        d.add(f"**{_esc(marking)}**", "")
    d.heading(1, d.tr(TITLE))
    if not full:
        d.add(f"**{d.tr(SHORT_FORM)}** — {d.tr(SHORT_FORM_NOTE)}", "")
    rows = [(N_("Company"), _esc(m.get("company") or "-"))]
    if m.get("business_number"):
        rows.append((N_("Business registration number"), _esc(m["business_number"])))
    rows += [
        (N_("Assessor"), _esc(m.get("assessor") or "-")),
        (N_("Assessment date"), d.date(m.get("date"))),
        (N_("Rule statuses as of"), d.date(report.evaluation.date)),
        (N_("Content version"), _esc(content_name(c))
         + (f" **({d.tr(UNVERIFIED)})**" if c.unverified else "")),
        (N_("Content as of"), d.date(c.as_of)),
        (N_("Review by"), d.date(c.review_by)),
        (N_("Program version"), c.program_version),
    ]
    if marking:
        rows.append((N_("Confidentiality"), _esc(marking)))
    d.add(*[f"- **{d.tr(k)}**: {v}" for k, v in rows])
    if c.unverified:
        d.add("", f"> **{d.tr(UNVERIFIED_TITLE)}**: {d.tr(UNVERIFIED_NOTE)}")
    if c.age and c.age.stale:
        d.add("", f"> **{d.pick(c.age.message)}**")
    signers = approval(m)
    d.add("")
    d.table([d.tr(APPROVAL)] + [d.tr(s.role) for s in signers],
            [[""] + [_esc(s.name) or " " for s in signers],
             [""] + [date_text(s.date, d.lang, short=True) or " " for s in signers]])
    dates = {k: {lang: date_text(v, lang) for lang in ("ko", "en")}
             for k, v in (("as_of", c.as_of), ("review_by", c.review_by))}
    d.add("", f"> **{d.tr(N_('Not legal advice'))}**: {d.tr(NOTICE, **dates)}", "")


def _elements(framework, d: _Doc) -> None:
    rows = []
    for e in framework.elements:
        rows.append([d.pick(e.title), f"{e.readiness}/100" if e.readiness is not None else "-",
                     f"{e.controls_in_place}/{e.controls_total}" if e.controls_total else "-"])
    if framework.outside is not None:
        o = framework.outside
        rows.append([d.tr(N_("Outside this framework")),
                     f"{o.readiness}/100" if o.readiness is not None else "-",
                     f"{o.controls_in_place}/{o.controls_total}" if o.controls_total else "-"])
    d.table([d.tr(N_("Programme element")), d.tr(N_("Readiness")),
             d.tr(N_("Controls in place"))], rows)


def _summary(report, d: _Doc, group: str = BY_AREA, full: bool = True) -> None:
    d.heading(2, f"1. {d.tr(N_('Executive summary'))}")
    rows = [[f"**{d.tr(N_('Findings that are obligations'))}**", str(len(report.obligations()))]]
    rows += [[f"— {d.lab('severity', s)}", str(n)] for s, n in severity_counts(report)]
    if report.information():
        rows += [[f"**{d.tr(N_('Information items (not a duty)'))}**",
                  str(len(report.information()))]]
    rows += [[f"**{d.tr(N_('Watch items (not obligations)'))}**",
              str(len(report.watch_items()))],
             [f"**{d.tr(N_('Questions for your counsel'))}**", str(len(report.unsure))],
             [f"**{d.tr(N_('Unanswered questions'))}**", str(len(report.unanswered))]]
    if report.evidence:
        counts = evidence_counts(report)
        rows += [[f"**{d.tr(EVIDENCE_ITEMS)}**", str(len(report.evidence))],
                 [f"**{d.tr(EVIDENCE_BAD)}**", str(counts["missing"] + counts["altered"])]]
    d.table(["", "#"], rows)
    d.heading(3, d.tr(N_("Exposure and readiness by area")))
    rows = []
    for a in report.areas:
        bar = ""
        if a.applicable and a.readiness is not None:
            filled = round(a.readiness / 10)
            bar = " `" + "\u2588" * filled + "\u2591" * (10 - filled) + "`"
        rows.append([
            d.pick(a.title),
            d.tr(N_("Yes")) if a.applicable else d.tr(N_("No")),
            d.lab("exposure", a.exposure) if a.applicable else "-",
            (f"{a.readiness}/100{bar}" if a.readiness is not None else "-"),
            f"{a.controls_in_place}/{a.controls_total}" if a.applicable else "-",
            f"{a.answered}/{a.total}" if a.applicable else "-"])
    d.table([d.tr(N_("Area")), d.tr(N_("Applies")), d.tr(N_("Exposure")),
             d.tr(N_("Readiness")), d.tr(N_("Controls in place")), d.tr(N_("Answered"))], rows)
    if group != BY_AREA:
        framework = report.framework(group)
        d.heading(3, f"{d.tr(N_('Readiness by programme element'))}: {d.pick(framework.title)}")
        _elements(framework, d)
    if not full:                 # the short form's action plan follows: no second list
        return
    d.heading(3, d.tr(N_("The five most urgent actions")))
    urgent = urgent_actions(report)
    if not urgent:
        d.add(d.tr(N_("No open action.")), "")
    for a in urgent:
        d.add(f"{a.priority}. {d.pick(a.title)} ({d.lab('timeframe', a.timeframe)}; "
              f"{_owner(a, d)})")
    d.add("")


def _checklist(report, d: _Doc, group: str = BY_AREA, full: bool = True) -> None:
    d.heading(2, f"2. {d.tr(N_('Readiness checklist'))}")
    if group != BY_AREA:
        framework = report.framework(group)
        d.add(d.tr(N_("Grouped by the elements of {framework}."), framework=framework.title)
              + f" {d.pick(framework.source)}", "")
    legend = ["in_place", "partial", "missing", "unsure", "not_applicable"]
    d.add(" · ".join(f"{BOX[s]} {d.lab('state', s)}" for s in legend), "")
    if not report.checklist:
        d.add(d.tr(N_("No control question applies.")), "")
        return
    for block in checklist_groups(report, group):
        readiness = f"{block.readiness}/100" if block.readiness is not None else "-"
        d.heading(3, f"{d.pick(block.title)} ({d.tr(N_('Readiness'))} {readiness})")
        if block.note:
            d.add(d.pick(block.note), "")
        for item in block.items:
            if not full:
                d.add(f"- {BOX[item.state]} {d.pick(item.text)} — {d.lab('state', item.state)}")
                continue
            extra = ""
            if group != BY_AREA:
                extra += f" · {d.tr(N_('Area'))}: {d.pick(report.area(item.area).title)}"
            if item.answer:
                extra += f" · {d.tr(N_('Answer'))}: {d.pick(item.answer)}"
            if item.note:
                extra += f" · {d.tr(N_('Note'))}: {_esc(item.note)}"
            d.add(f"- {BOX[item.state]} {d.pick(item.text)} — {d.lab('state', item.state)} "
                  f"({d.tr(N_('Weight'))} {item.weight}){extra}")
        d.add("")


def _finding(f, report, d: _Doc, actions: dict, full: bool = True) -> None:
    d.heading(4, d.pick(f.title))
    if not f.watch:
        d.add(f"- **{d.tr(N_('Severity'))}**: {d.lab('severity', f.severity)}")
    d.add(f"- **{d.tr(N_('Rule status'))}**: {d.pick(f.status_label)}")
    if len(f.rules) > 1:
        d.add(f"- **{d.tr(N_('Rules'))}**:")
        d.add(*[f"  - {_esc('; '.join(r.citations))} — {d.pick(r.label)}" for r in f.rules])
    else:
        d.add(f"- **{d.tr(N_('Citations'))}**: {_esc('; '.join(f.citations))}")
    d.add("")
    d.paragraphs(f.explanation)
    if f.because and full:
        d.add(f"**{d.tr(N_('Because you answered'))}**:")
        for b in f.because:
            d.add(f"- {d.pick(b.text)} → {d.pick(b.answer_text)}")
        d.add("")
    numbers = [f"#{n}" for n in action_numbers(f, actions)]
    if numbers:
        d.add(f"{d.tr(N_('Actions in the plan'))}: {', '.join(numbers)}", "")


def _top_findings(report, d: _Doc) -> None:
    """The short form's findings: the most serious obligations, and what else the full report
    holds."""
    actions = {a.id: a for a in report.actions}
    d.heading(2, f"3. {d.tr(N_('The most serious findings'))}")
    top = top_findings(report)
    if not top:
        d.add(d.tr(N_("None.")), "")
    for f in top:
        _finding(f, report, d, actions, full=False)
    counts = (len(report.obligations()) - len(top), len(report.information()),
              len(report.watch_items()))
    more = [d.tr(message, count=count) for message, count in zip(MORE, counts) if count]
    if more:
        d.add(f"{d.tr(N_('In the full report:'))} {', '.join(more)}.", "")


def _findings(report, d: _Doc) -> None:
    actions = {a.id: a for a in report.actions}
    d.heading(2, f"3. {d.tr(N_('Findings by area'))}")
    obligations = [f for f in report.findings if not f.watch]
    if not obligations:
        d.add(d.tr(N_("None.")), "")
    for area in report.areas:
        own = [f for f in obligations if f.area == area.id]
        if own:
            d.heading(3, d.pick(area.title))
            for f in own:
                _finding(f, report, d, actions)
    d.heading(2, f"4. {d.tr(N_('Watch items (not obligations)'))}")
    d.add(f"> {d.tr(WATCH_NOTE)}", "")
    watch = [f for f in report.findings if f.watch]
    if not watch:
        d.add(d.tr(N_("None.")), "")
    for f in watch:
        _finding(f, report, d, actions)


def _plan(report, d: _Doc, full: bool = True) -> None:
    d.heading(2, f"{5 if full else 4}. {d.tr(N_('Action plan'))}")
    if report.actions:
        d.table(_plan_header(d), _plan_rows(report, d))
    else:
        d.add(d.tr(N_("None.")), "")


def _counsel(report, d: _Doc) -> None:
    d.heading(2, f"6. {d.tr(N_('Questions for your counsel'))}")
    d.add(d.tr(COUNSEL_NOTE), "")
    for i, q in enumerate(report.unsure, start=1):
        note = f" — {_esc(q.note)}" if q.note else ""
        d.add(f"{i}. {d.pick(q.text)} ({d.pick(report.area(q.area).title)}){note}")
    if not report.unsure:
        d.add(d.tr(N_("None.")))
    d.heading(3, d.tr(N_("Unanswered questions")))
    d.add(*([f"- {d.pick(q.text)}" for q in report.unanswered] or [d.tr(N_("None."))]))
    d.add("")


def _evidence(report, d: _Doc, letter: str) -> None:
    """Evidence per question and action, each file with its full SHA-256 and state."""
    d.heading(2, d.tr(EVIDENCE_TITLE, letter=letter))
    d.add(d.tr(EVIDENCE_NOTE), "")
    counts = evidence_counts(report)
    d.add(d.tr(EVIDENCE_COUNTS, present=counts["present"], missing=counts["missing"],
               altered=counts["altered"], references=counts["reference"]), "")
    for group in evidence_groups(report):
        kind = d.tr(EVIDENCE_ACTION if group.target == "action" else EVIDENCE_QUESTION)
        number = f" #{group.priority}" if group.priority else ""
        d.heading(3, f"{kind}{number}: {d.pick(group.title)} (`{group.id}`)")
        rows = []
        for e in group.items:
            state = d.tr(STATUS_WORDS[e.status])
            if e.status in ("missing", "altered"):
                state = f"**{state}**"
            what = (_esc(e.name) if e.kind == "file"
                    else f"{d.tr(N_('Reference'))}: {_esc(e.reference)}")
            if e.note:
                what += f" ({_esc(e.note)})"
            rows.append([str(e.number), what, size_text(e.size) if e.kind == "file" else "-",
                         date_text(e.added, d.lang, short=True) or "-",
                         f"`{e.sha256}`" if e.kind == "file" else "-", state])
        d.table(["#", d.tr(N_("Evidence")), d.tr(N_("Size")), d.tr(N_("Added")), "SHA-256",
                 d.tr(N_("State"))], rows)


def _appendices(report, d: _Doc, content) -> None:
    letters = iter("ABCDEFGH")
    if report.rules:
        d.heading(2, d.tr(N_("Appendix {letter}: The rules cited and their status on {date}"),
                          letter=next(letters),
                          date={lang: date_text(report.evaluation.date, lang)
                                for lang in ("ko", "en")}))
        d.table([d.tr(N_("Citation")), d.tr(N_("Rule")), d.tr(N_("Status")),
                 d.tr(N_("Source"))],
                [[_esc("; ".join(r.citations)), d.pick(r.title), d.pick(r.label),
                  _esc(r.source)] for r in report.rules])
    terms = glossary_terms(content)
    if terms:
        d.heading(2, d.tr(N_("Appendix {letter}: Glossary"), letter=next(letters)))
        d.table([d.tr(N_("Term")), d.tr(N_("Definition"))],
                [[f"**{d.pick(t.term.as_dict())}**", d.pick(t.definition.as_dict())]
                 for t in terms])
    d.heading(2, d.tr(N_("Appendix {letter}: All answers and notes"), letter=next(letters)))
    if not report.answers:
        d.add(d.tr(N_("None.")), "")
    for area in report.areas:
        own = [q for q in report.answers if q.area == area.id]
        if own:
            d.heading(3, d.pick(area.title))
            d.table([d.tr(N_("Question")), d.tr(N_("Answer")), d.tr(N_("Note"))],
                    [[d.pick(q.text), d.pick(q.answer_text) or "-", _esc(q.note)]
                     for q in own])
    if report.calculations:
        texts = question_texts(content, report)
        d.heading(3, d.tr(N_("Calculations")))
        for calc in report.calculations:
            d.heading(4, d.pick(texts[calc.question]) if calc.question in texts
                      else _esc(calc.question))
            if calc.error:
                d.add(_esc(calc.error), "")
            langs = ("ko", "en") if d.lang == "both" else (d.lang,)
            for lang in langs:
                result = (calc.result or {}).get(lang) or {}
                for line in list(result.get("working", [])) + list(result.get("notes", [])):
                    d.add(f"- {_esc(line)}")
                d.add("")
    if report.evidence:
        _evidence(report, d, next(letters))
    d.heading(2, d.tr(N_("Appendix {letter}: How the scores are computed"),
                      letter=next(letters)))
    d.paragraphs(report.content.scoring)
    d.heading(3, d.tr(N_("Content packs")))
    d.table([d.tr(N_("Pack")), d.tr(N_("Version")), d.tr(N_("As of")), d.tr(N_("Review by"))],
            [[f"{d.pick(p.title)} ({p.id})", p.version, date_text(p.as_of, d.lang, short=True),
              date_text(p.review_by, d.lang, short=True)] for p in report.content.packs]
            + ([[f"{d.tr(N_('Rule registry'))} (rules)", "-",
                 date_text(report.content.registry_as_of, d.lang, short=True),
                 date_text(report.content.registry_review_by, d.lang, short=True)]]
               if report.content.registry_as_of else []))
    if report.dropped:
        d.heading(2, d.tr(N_("Appendix {letter}: Answers not carried over to the current "
                             "content"), letter=next(letters)))
        d.add(d.tr(DROPPED_NOTE), "")
        d.table([d.tr(N_("Question or action")), d.tr(N_("Value")), d.tr(N_("Reason"))],
                [[f"`{_esc(x.key)}`", _esc(x.value if isinstance(x.value, str)
                                           else json.dumps(x.value, ensure_ascii=False,
                                                           sort_keys=True)),
                  _esc(d.tr(x.reason))] for x in report.dropped])


def render(report, lang: str, *, content=None, group: str = BY_AREA,
           detail: str = "full") -> str:
    """The readiness report in ``lang`` (``ko``, ``en`` or ``both``), the checklist grouped by
    area or by the elements of the programme framework ``group``: the whole report, or with
    ``detail="summary"`` the short form (summary, checklist, the most serious findings,
    action plan)."""
    if detail not in DETAILS:
        raise ValueError(f"unknown detail {detail!r}; use one of {', '.join(DETAILS)}")
    full = detail == "full"
    d = _Doc(lang)
    _cover(report, d, full)
    _summary(report, d, group, full)
    _checklist(report, d, group, full)
    if full:
        _findings(report, d)
    else:
        _top_findings(report, d)
    _plan(report, d, full)
    if full:
        _counsel(report, d)
        _appendices(report, d, content)
    return d.text()
