"""Comparing two assessments of the same company (OLD, then NEW): what changed per area, which
findings were resolved and which are new, which actions were completed, and which of those
changes come from a newer content version rather than from the company's answers.

Method (also in docs/reports.md). Three evaluations:

* ``before``: OLD's answers against the content OLD was answered with (``old_content``, e.g.
  an archived copy of the earlier packs); without it, against the current content;
* ``old_now``: OLD's answers against the current content;
* ``after``: NEW's answers against the current content.

``old_now`` and ``after`` share the content, so every difference between them comes from the
answers. ``before`` and ``old_now`` share the answers, so every difference between them comes
from the content. A finding resolved or new between ``before`` and ``after`` is put down to the
content when the content change alone already makes that difference (it is gone, or already
present, in ``old_now``), and to the answers otherwise.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from wizard import __version__
from wizard.core.localize import date_text
from wizard.i18n import LANGUAGES, N_, translate
from wizard.report import templating
from wizard.report.common import (UNVERIFIED_NOTE, UNVERIFIED_TITLE, both_or_one, lab, marking_text,
                                  pick, tr)

TITLE = N_("AI Trade Readiness: comparison of two assessments")
DIFFERENT_COMPANIES = N_("OLD and NEW are assessments of different companies, \u201c{old}\u201d and "
                         "\u201c{new}\u201d: what follows compares two companies, not one company "
                         "over time. Check that these are the files you meant to compare.")
# TRANSLATORS: the legal forms a company name may carry, separated by commas; they are ignored
# when two company names are compared (give the forms written in your language's names)
LEGAL_FORMS = N_("Co., Ltd., Inc., Corp., Corporation, Company, LLC, Limited")
WATCH_ITEM = N_("watch item")
BECAUSE_OF = N_("because of {cause}")
CAUSE = {"answers": N_("the answers"), "content": N_("the content version")}
# which content versions a comparison used, and where each came from
USED_NEW = N_("Content used for NEW, and for OLD's answers now: {content} ({how}).")
USED_OLD = N_("Content used for OLD as it was answered: {content} ({how}).")
HOW = {"recorded": N_("the version the assessment records, installed"),
       "option": N_("the packs given on the command line"),
       "current": N_("the current content")}

@dataclass(frozen=True)
class AreaChange:
    id: str
    title: dict
    applicable_before: bool
    applicable_after: bool
    exposure_before: str
    exposure_after: str
    exposure_old_now: str
    readiness_before: Optional[int]
    readiness_after: Optional[int]
    readiness_old_now: Optional[int]

    @property
    def readiness_delta(self) -> Optional[int]:
        if self.readiness_before is None or self.readiness_after is None:
            return None
        return self.readiness_after - self.readiness_before

    @property
    def content_effect(self) -> bool:
        """The content version alone changed this area's scores."""
        return (self.exposure_before != self.exposure_old_now
                or self.readiness_before != self.readiness_old_now)


@dataclass(frozen=True)
class FindingChange:
    finding: object
    cause: str  # "answers" or "content"


@dataclass(frozen=True)
class ActionDone:
    action: object
    newly: bool  # not done in OLD's plan


@dataclass
class Comparison:
    old_meta: dict
    new_meta: dict
    old_versions: dict
    new_versions: dict
    current_versions: dict
    old_content_versions: dict
    old_content_given: bool
    areas: list[AreaChange]
    resolved: list[FindingChange]
    new: list[FindingChange]
    persisting: list
    completed: list[ActionDone]
    old_dropped: list = field(default_factory=list)
    content_used: str = ""       # "id version" of the content NEW (and OLD now) is evaluated on
    old_content_used: str = ""   # "id version" of the content OLD was evaluated on as answered
    content_from: str = "current"   # HOW: where the content came from
    unverified: bool = False        # either content installed without a checked signature
    old_content_from: str = ""      # HOW, or empty without old content

    @property
    def content_changed(self) -> list[tuple[str, str, str]]:
        """Packs whose version differs between OLD's answers and the current content."""
        rows = []
        for pid, version in sorted(self.current_versions.items()):
            old = self.old_versions.get(pid)
            if old is not None and old != version:
                rows.append((pid, old, version))
        for pid, old in sorted(self.old_versions.items()):
            if pid not in self.current_versions:
                rows.append((pid, old, ""))
        return rows

    @property
    def different_companies(self) -> bool:
        """OLD and NEW name different companies (both named; legal forms, case, spaces and
        punctuation aside): the comparison is then of two companies, not of one over time."""
        old, new = (company_key(m.get("company") or "") for m in (self.old_meta, self.new_meta))
        return bool(old and new and old != new)


def company_key(name: str) -> str:
    """A company name reduced to what identifies it: legal forms (``LEGAL_FORMS`` in every
    language: the Korean forms of the catalog, "Co., Ltd."), case, spaces and punctuation aside,
    so that a Korean name with and without its legal form agree, as do "Hanbit Semiconductor
    Co., Ltd." and "hanbit semiconductor"."""

    forms = {form.strip().casefold() for lang in LANGUAGES
             for form in translate(LEGAL_FORMS, lang).split(",") if form.strip()}
    text = name.casefold()
    def latin(form: str) -> bool:
        bare = form.replace(".", "")
        return bare.isascii() and bare.isalpha()

    for form in sorted((f for f in forms if not latin(f)), key=len, reverse=True):
        text = text.replace(form, " ")     # Korean forms are written onto the name
    words_to_drop = {form.rstrip(".") for form in forms if latin(form)}
    words = [w for w in re.split(r"[\s,.]+", text) if w and w not in words_to_drop]
    return "".join(ch for ch in "".join(words) if ch.isalnum())


def compare(content, old_loaded, new_loaded, *, old_content=None,
            old_original=None, on=None) -> Comparison:
    """Compare OLD and NEW (assessments loaded against ``content``, see
    ``wizard.core.assessment``). ``old_content`` is the content OLD was answered with, and
    ``old_original`` OLD loaded against it (read again from ``old_loaded`` when not given).

    Rule statuses: OLD as it stood on its own date, NEW on its date, and OLD's answers
    re-evaluated on NEW's date, so a status that changed in between (a suspension that ended)
    counts as a change of content, not of answers; ``on`` evaluates all three on one day."""

    from wizard.core.assessment import parse_assessment
    from wizard.core.engine import evaluate, evaluation_day

    new_day = on or dt.date.fromisoformat(evaluation_day(new_loaded.assessment).date)
    old_now = evaluate(content, old_loaded.assessment, old_loaded.dropped, on=new_day)
    if old_content is not None:
        if old_original is None:
            raw = old_loaded.assessment.to_json().encode("utf-8")
            old_original = parse_assessment(raw, old_content, old_loaded.source or "OLD")
        before = evaluate(old_content, old_original.assessment, old_original.dropped, on=on)
    else:
        before = evaluate(content, old_loaded.assessment, old_loaded.dropped, on=on)
    after = evaluate(content, new_loaded.assessment, new_loaded.dropped, on=on)

    ids_before = {f.id for f in before.findings}
    ids_old_now = {f.id for f in old_now.findings}
    ids_after = {f.id for f in after.findings}
    resolved = [FindingChange(f, "content" if f.id not in ids_old_now else "answers")
                for f in before.findings if f.id not in ids_after]
    new = [FindingChange(f, "content" if f.id in ids_old_now else "answers")
           for f in after.findings if f.id not in ids_before]
    persisting = [f for f in after.findings if f.id in ids_before]

    areas = []
    for area in after.areas:
        b = _area(before, area.id)
        o = _area(old_now, area.id)
        areas.append(AreaChange(
            id=area.id, title=area.title,
            applicable_before=b.applicable if b else False, applicable_after=area.applicable,
            exposure_before=b.exposure if b else "none", exposure_after=area.exposure,
            exposure_old_now=o.exposure if o else "none",
            readiness_before=b.readiness if b else None, readiness_after=area.readiness,
            readiness_old_now=o.readiness if o else None))

    old_plan = old_loaded.assessment.plan
    completed = [ActionDone(a, (old_plan.get(a.id).status if a.id in old_plan else "open")
                            != "done")
                 for a in after.actions if a.plan.status == "done"]
    return Comparison(
        old_meta=old_loaded.assessment.meta.as_dict(),
        new_meta=new_loaded.assessment.meta.as_dict(),
        old_versions=dict(old_loaded.assessment.packs),
        new_versions=dict(new_loaded.assessment.packs),
        current_versions=content.versions,
        old_content_versions=old_content.versions if old_content is not None else {},
        old_content_given=old_content is not None,
        areas=areas, resolved=resolved, new=new, persisting=persisting, completed=completed,
        old_dropped=list(old_loaded.dropped), content_used=_name(content),
        old_content_used=_name(old_content) if old_content is not None else "",
        unverified=content.unverified or bool(old_content is not None
                                              and old_content.unverified))


def _name(content) -> str:
    return f"{content.content_id} {content.content_version}"


def used_lines(c: Comparison, lang: str) -> list[str]:
    """The sentences that say which content versions the comparison used, and why."""

    def line(msgid: str, content: str, how: str) -> str:
        return both_or_one(lambda code: translate(msgid, code, content=content,
                                                  how=translate(HOW[how], code)), lang)

    lines = [line(USED_NEW, c.content_used, c.content_from)]
    if c.old_content_used:
        lines.append(line(USED_OLD, c.old_content_used, c.old_content_from))
    return lines


def _area(report, area_id: str):
    for area in report.areas:
        if area.id == area_id:
            return area
    return None


def compare_files(old_path, new_path, packs=None, old_packs=None, on=None) -> Comparison:
    """Compare two files. ``packs``/``old_packs`` (``--packs``/``--old-packs``) win; without
    them, the content each assessment records is used when it is installed
    (``wizard.content_store.folder_for``): NEW's for NEW and OLD now, OLD's for OLD as it was
    answered. Else the current content stands for both, as before."""

    from wizard import content_store
    from wizard.core.assessment import load_assessment
    from wizard.core.content import load_content
    from wizard.core.content_changes import recorded_content

    content = load_content(Path(packs) if packs else content_store.active_folder())
    old_content = load_content(Path(old_packs)) if old_packs else None
    old = load_assessment(Path(old_path), content)
    new = load_assessment(Path(new_path), content)
    came_from = "option" if packs else "current"
    old_from = "option" if old_packs else ""
    if not packs:
        found = recorded_content(new.assessment.content, content, content_store.folder_for)
        if found is not None:
            content, came_from = found, "recorded"
            old = load_assessment(Path(old_path), content)
            new = load_assessment(Path(new_path), content)
    if old_content is None:
        found = recorded_content(old.assessment.content, content, content_store.folder_for)
        if found is not None:
            old_content, old_from = found, "recorded"
    original = load_assessment(Path(old_path), old_content) if old_content is not None else None
    result = compare(content, old, new, old_content=old_content, old_original=original, on=on)
    return dataclasses.replace(result, content_from=came_from, old_content_from=old_from)


def _context(comparison: Comparison, lang: str, target: str) -> dict:
    from wizard.report.view import SEVERITY_COLOURS, Helpers

    msgid, params = method_msgid(comparison)
    return {"c": comparison, "h": Helpers(lang), "target": target,
            "different_msgid": DIFFERENT_COMPANIES,
            "method_msgid": msgid, "method_params": params,
            "used_lines": used_lines(comparison, lang),
            "html_lang": "en" if lang == "en" else "ko", "title": TITLE, "causes": CAUSE,
            "colours": SEVERITY_COLOURS, "program_version": __version__}


def render_html(comparison: Comparison, lang: str) -> str:
    return templating.render("compare.html", lang, **_context(comparison, lang, "web"))


def build_document(comparison: Comparison, lang: str):
    from wizard.report.pdf import new_document

    return new_document(templating.render("compare.html", lang,
                                          **_context(comparison, lang, "qt")))


def render_pdf(comparison: Comparison, lang: str) -> bytes:
    from wizard.report.pdf import document_pdf_bytes

    title = tr(TITLE, lang)
    company = comparison.new_meta.get("company") or ""
    footer = f"{title} \u00b7 {company}" if company else title
    return document_pdf_bytes(build_document(comparison, lang), footer, lang, title,
                              marking_text(comparison.new_meta, lang))


def render_markdown(comparison: Comparison, lang: str) -> str:
    from wizard.report.markdown import _esc

    def t(msgid: str, **params) -> str:
        return tr(msgid, lang, **params)

    c = comparison
    out = [f"# {t(TITLE)}", ""]
    if c.unverified:
        out += [f"> **{t(UNVERIFIED_TITLE)}**: {_esc(t(UNVERIFIED_NOTE))}", ""]
    out += [f"| | {t(N_('Before (OLD)'))} | {t(N_('After (NEW)'))} |", "|---|---|---|",
            f"| {t(N_('Company'))} | {_esc(c.old_meta.get('company') or '-')} | "
            f"{_esc(c.new_meta.get('company') or '-')} |",
            f"| {t(N_('Assessment date'))} | {date_text(c.old_meta.get('date'), lang) or '-'} | "
            f"{date_text(c.new_meta.get('date'), lang) or '-'} |",
            f"| {t(N_('Answered against'))} | {_versions(c.old_versions)} | "
            f"{_versions(c.new_versions)} |", ""]
    if c.different_companies:
        out += [f"> **{t(N_('Different companies'))}**: " + _esc(t(
            DIFFERENT_COMPANIES, old=c.old_meta.get("company"), new=c.new_meta.get("company"))),
            ""]
    out += [f"## {t(N_('How changes are attributed'))}", "", _method(c, lang), ""]
    out += [_esc(line) + "  " for line in used_lines(c, lang)] + [""]
    out += [f"## {t(N_('Change by area'))}", "",
            f"| {t(N_('Area'))} | {t(N_('Exposure'))} | {t(N_('Readiness'))} | "
            f"{t(N_('Change from the content version'))} |", "|---|---|---|---|"]
    for a in c.areas:
        readiness = (f"{_score(a.readiness_before)} → {_score(a.readiness_after)}"
                     + (f" ({a.readiness_delta:+d})" if a.readiness_delta else ""))
        content_effect = (f"{lab('exposure', a.exposure_before, lang)} → "
                          f"{lab('exposure', a.exposure_old_now, lang)}, "
                          f"{_score(a.readiness_before)} → {_score(a.readiness_old_now)}"
                          if a.content_effect else "-")
        out.append(f"| {_esc(pick(a.title, lang))} | {lab('exposure', a.exposure_before, lang)} "
                   f"→ {lab('exposure', a.exposure_after, lang)} | {readiness} | "
                   f"{content_effect} |")
    out.append("")
    for heading, items in ((N_("Findings resolved"), c.resolved), (N_("New findings"), c.new)):
        out += [f"## {t(heading)}", ""]
        if not items:
            out += [t(N_("None.")), ""]
            continue
        for change in items:
            f = change.finding
            kind = t(WATCH_ITEM) if f.watch else lab("severity", f.severity, lang)
            because = t(BECAUSE_OF, cause=t(CAUSE[change.cause]))
            out.append(f"- {_esc(pick(f.title, lang))} ({kind}; {_esc('; '.join(f.citations))})"
                       f" — {because}")
        out.append("")
    out += [f"## {t(N_('Findings still open'))}", ""]
    out += [f"- {_esc(pick(f.title, lang))}" for f in c.persisting] or [t(N_("None."))]
    out += ["", f"## {t(N_('Actions completed'))}", ""]
    out += [f"- #{d.action.priority} {_esc(pick(d.action.title, lang))}"
            + ("" if d.newly else f" ({t(N_('already done in OLD'))})")
            for d in c.completed] or [t(N_("None."))]
    out.append("")
    if c.old_dropped:
        out += [f"## {t(N_('OLD answers the current content no longer uses'))}", ""]
        out += [f"- `{_esc(d.key)}`: {_esc(t(d.reason))}" for d in c.old_dropped]
        out.append("")
    return "\n".join(out)


def _score(value: Optional[int]) -> str:
    return "-" if value is None else str(value)


def _versions(versions: dict) -> str:
    return " · ".join(f"{k} {v}" for k, v in sorted(versions.items())) or "-"


METHOD_SAME = N_("OLD and NEW were answered against the same content versions as the current "
                 "questionnaires, so every change below comes from the answers.")
METHOD_OLD_PACKS = N_("OLD is evaluated twice: against the content it was answered with and "
                      "against the current content. Differences between those two come from "
                      "the content version; differences between OLD and NEW on the current "
                      "content come from the answers.")
METHOD_NO_OLD_PACKS = N_("OLD was answered against other content versions ({versions}). "
                         "Without the earlier questionnaires (--old-packs), OLD is evaluated "
                         "against the current content, so every change below comes from the "
                         "answers; what the new content version itself changed is not shown, "
                         "apart from OLD answers it no longer uses.")


def method_msgid(c: Comparison) -> tuple[str, dict]:
    changed = c.content_changed
    if c.old_content_given:
        return METHOD_OLD_PACKS, {}
    if not changed:
        return METHOD_SAME, {}
    versions = ", ".join(f"{pid} {old} -> {new or '-'}" for pid, old, new in changed)
    return METHOD_NO_OLD_PACKS, {"versions": versions}


def _method(c: Comparison, lang: str) -> str:
    msgid, params = method_msgid(c)
    return tr(msgid, lang, **params)
