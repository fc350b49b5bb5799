"""The words of "What changed for this company" (``wizard.core.content_changes``), in one
place for the command line (plain text) and the wizard (the same lines as HTML): what the
assessment was saved against, what it is compared with, then findings new, no longer applying
and changed in status, new questions and the entries kept that fit no question."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Optional

from wizard.core.localize import date_text
from wizard.i18n import N_, NP_
from wizard.report.common import lab, pick, tr

TITLE = N_("What changed for this company")
SAVED_AGAINST = N_("Last saved against {old}, rule statuses as of {old_on}. Now: {new}, rule "
                   "statuses as of {on}.")
UNKNOWN = N_("This assessment does not record which content it was answered against (it was "
             "saved by an earlier version of the program), so only the answers kept that fit no "
             "current question can be listed. Saving it records the current content.")
BASIS = {
    "content": N_("Compared with the installed copy of {old}: both versions are evaluated on "
                  "this company's answers."),
    "snapshot": N_("{old} is not installed: compared with the summary saved in the assessment "
                   "(which findings applied, with their status, and which questions were "
                   "waiting for an answer)."),
}
SAME_CONTENT = N_("The content is the same; rule statuses are now taken as of {on} instead of "
                  "{old_on}.")
NOTHING = N_("Nothing changed for this company.")
NEW = NP_("{count} new finding", "{count} new findings")
RESOLVED = NP_("{count} finding no longer applies", "{count} findings no longer apply")
STATUS = NP_("{count} finding changed in status", "{count} findings changed in status")
QUESTIONS = NP_("{count} new question to answer", "{count} new questions to answer")
KEPT = NP_("{count} answer kept that fits no current question",
           "{count} answers kept that fit no current question")
KEPT_NOTE = N_("They stay in the file, are never dropped, and every report lists them.")
WAS = N_("was: {status}")
FROM_TO = N_("{before} \u2192 {after}")
RETIRED = N_("no longer in the content")
WATCH = N_("watch item")


@dataclass(frozen=True)
class Section:
    """One heading and its lines (plain text, in the chosen language)."""

    key: str            # new, resolved, status, questions, kept
    heading: str
    lines: tuple[str, ...]
    note: str = ""


def intro(changes, lang: str) -> list[str]:
    """What the assessment was saved against and what it is compared with."""
    recorded = changes.recorded
    if recorded is None:
        return [tr(UNKNOWN, lang)]
    old = f"{recorded.id} {recorded.version}"
    new = f"{changes.current_id} {changes.current_version}"
    dates = {"old_on": _date(recorded.on), "on": _date(changes.on)}
    lines = [tr(SAVED_AGAINST, lang, old=old, new=new, **dates)]
    if not changes.content_changed:
        if recorded.on != changes.on:
            lines.append(tr(SAME_CONTENT, lang, **dates))
    else:
        lines.append(tr(BASIS[changes.basis], lang, old=old))
    return lines


def sections(changes, lang: str) -> list[Section]:
    """The non-empty lists, in the order a reader needs them."""
    result = []

    def finding(change) -> str:
        title = pick(change.title, lang)
        kind = (tr(WATCH, lang) if change.after is not None and change.after.watch
                else lab("severity", change.severity, lang) if change.severity else "")
        inside = "; ".join(part for part in (change.id, kind) if part)
        head = f"{title} ({inside})" if title else inside
        if change.after is not None and change.before is not None:
            return f"{head}: " + tr(FROM_TO, lang, before=pick(change.before.label, lang),
                                    after=pick(change.after.label, lang))
        if change.after is not None:
            return f"{head}: {pick(change.after.label, lang)}"
        words = tr(WAS, lang, status=pick(change.before.label, lang)) if change.before else ""
        if not change.title:
            words = f"{words}; {tr(RETIRED, lang)}" if words else tr(RETIRED, lang)
        return f"{head}: {words}" if words else head

    for key, msgid, items in (("new", NEW, changes.new), ("resolved", RESOLVED, changes.resolved),
                              ("status", STATUS, changes.status_changed)):
        if items:
            result.append(Section(key, tr(msgid, lang, count=len(items)),
                                  tuple(finding(c) for c in items)))
    if changes.new_questions:
        result.append(Section("questions", tr(QUESTIONS, lang, count=len(changes.new_questions)),
                              tuple(f"{q.qid}: {pick(q.text, lang)} ({pick(q.section, lang)})"
                                    for q in changes.new_questions)))
    if changes.kept:
        result.append(Section("kept", tr(KEPT, lang, count=len(changes.kept)),
                              tuple(f"{k.key}: {_value(k.value)} ({tr(k.reason, lang)})"
                                    for k in changes.kept), tr(KEPT_NOTE, lang)))
    return result


def render_text(changes, lang: str, name: Optional[str] = None) -> str:
    """The whole list as plain text (the command line)."""
    title = tr(TITLE, lang)
    out = [f"{title}: {name}" if name else title, ""]
    out += intro(changes, lang)
    out.append("")
    found = sections(changes, lang)
    if not found and changes.recorded is not None:
        out += [tr(NOTHING, lang), ""]
    for section in found:
        out.append(section.heading)
        out += [f"  - {line}" for line in section.lines]
        if section.note:
            out.append(f"  {section.note}")
        out.append("")
    return "\n".join(out)


def render_html(changes, lang: str) -> str:
    """The same as HTML for the wizard's view (every text escaped: it quotes the file)."""
    esc = html.escape
    out = [f"<p>{esc(line)}</p>" for line in intro(changes, lang)]
    found = sections(changes, lang)
    if not found and changes.recorded is not None:
        out.append(f"<p><b>{esc(tr(NOTHING, lang))}</b></p>")
    for section in found:
        out.append(f"<h3>{esc(section.heading)}</h3><ul>")
        out += [f"<li>{esc(line)}</li>" for line in section.lines]
        out.append("</ul>")
        if section.note:
            out.append(f"<p><i>{esc(section.note)}</i></p>")
    return "\n".join(out)


def render_json(changes) -> str:
    return json.dumps(changes.as_dict(), ensure_ascii=False, indent=2) + "\n"


def _date(day: str) -> dict[str, str]:
    return {code: date_text(day, code) or "-" for code in ("ko", "en")}


def _value(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."
