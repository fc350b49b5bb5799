"""File > Import from Excel: an action tracker or a client's questionnaire read back into the
open assessment. The workbook is read by ``wizard.report.xlsx_read`` and checked by the core
(``plan_import``, ``answer_import``: the same rules as the wizard's own edits); this shows what
will change and every refused cell (sheet!cell and why), and applies only what the user
accepts. The changes are then unsaved work like any other edit (File > Save keeps them)."""

from __future__ import annotations

from pathlib import Path

from wizard.core.errors import InputError, WizardError
from wizard.i18n import N_
from wizard.ui import dialogs, lang

IMPORT_TITLE = N_("Import from Excel")
FAILED = N_("The workbook could not be imported")
NOTHING = N_("Nothing to change: the assessment already holds what the workbook says.")
CHANGES = N_("{count} change(s) to the open assessment:")
REFUSED = N_("{count} cell(s) are refused and will not be imported:")
APPLY = N_("Apply the changes?")
APPLY_REST = N_("Apply the other changes and leave the refused cells out?")
MORE = N_("... and {count} more")
APPLIED = N_("{count} change(s) imported from {name}; save the assessment to keep them.")
FIELDS = {"owner": N_("owner"), "due": N_("due date"), "status": N_("status"),
          "comment": N_("comment"), "answer": N_("answer"), "note": N_("note")}
SHOWN = 12


def import_workbook(window, path: Path | None = None) -> bool:
    """Ask for a workbook (unless ``path``), show what it changes and apply it when the user
    agrees. True when something was applied."""
    session = window.session
    if session is None:
        return False
    if path is None:
        folder = window.settings.last_dir or str(Path.home())
        path = dialogs.open_workbook(window, lang.tr(IMPORT_TITLE), folder)
        if path is None:
            return False
    try:
        lines, refusals, count, apply = _read(session, Path(path))
    except WizardError as exc:
        dialogs.error(window, lang.tr(FAILED), lang.error_text(exc))
        return False
    if not count:
        text = lang.tr(NOTHING)
        if refusals:
            text += "\n\n" + _listed(lang.tr(REFUSED, count=len(refusals)), refusals)
        dialogs.inform(window, lang.tr(IMPORT_TITLE), text)
        return False
    text = _listed(lang.tr(CHANGES, count=count), lines)
    if refusals:
        text += "\n\n" + _listed(lang.tr(REFUSED, count=len(refusals)), refusals)
    text += "\n\n" + lang.tr(APPLY_REST if refusals else APPLY)
    if not dialogs.ask_yes_no(window, lang.tr(IMPORT_TITLE), text):
        return False
    session.apply_imported(apply)
    window.statusBar().showMessage(lang.tr(APPLIED, count=count, name=Path(path).name), 8000)
    return True


def _listed(heading: str, items: list[str]) -> str:
    shown = [f"\u2022 {item}" for item in items[:SHOWN]]
    if len(items) > SHOWN:
        shown.append(lang.tr(MORE, count=len(items) - SHOWN))
    return heading + "\n" + "\n".join(shown)


def _refusal_text(refusal) -> str:
    return lang.say(refusal.note).replace("\n\n", " / ")


def _read(session, path: Path):
    """(change lines, refusal lines, number of changes, apply function) for ``path``."""
    from wizard.report import xlsx_read

    content = session.content
    if xlsx_read.kind(path) == "tracker":
        from wizard.core.plan_import import apply_plan, plan_changes

        result = plan_changes(session.assessment, content, xlsx_read.read_tracker(path))
        if result.wrong_tracker is not None:
            from wizard.core.cells import AT

            raise InputError.said(AT, place=result.wrong_tracker.place,
                                  problem=result.wrong_tracker.problem)
        lines = []
        for change in result.changes:
            for f in change.fields:
                before, after = _plan_words(f.field, f.before), _plan_words(f.field, f.after)
                lines.append(f"{f.place} {change.action}: {lang.tr(FIELDS[f.field])} "
                             f"{before} \u2192 {after}")
        count = sum(len(c.fields) for c in result.changes)
        return (lines, [_refusal_text(r) for r in result.refusals], count,
                lambda assessment: apply_plan(assessment, result.changes))
    from wizard.core.answer_import import answer_changes, apply_answers
    from wizard.core.presenting import answer_text

    _company, rows = xlsx_read.read_questionnaire(path)
    result = answer_changes(session.assessment, content, rows)
    lines = []
    for change in result.changes:
        if change.kind == "answer":
            after = lang.pick(answer_text(content, change.question, change.after), " / ")
        else:
            after = change.after
        lines.append(f"{change.place} {lang.tr(FIELDS[change.kind])}: {after}")
    return (lines, [_refusal_text(r) for r in result.refusals], len(result.changes),
            lambda assessment: apply_answers(assessment, content, result.changes))


def _plan_words(field: str, value: str) -> str:
    if field == "status":
        return lang.label("plan_status", value)
    return f"\u201c{value}\u201d" if value else "-"
