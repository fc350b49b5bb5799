"""``readiness-wizard import-plan`` and ``import-answers``: Excel files that come back from
the client.

    import-plan TRACKER.xlsx ASSESSMENT [--yes] [--skip-refused]
    import-answers SHEET.xlsx -o ASSESSMENT [--yes] [--skip-refused]

Both show what would change (cell by cell) and every refused cell with its reference and
reason, then ask before writing (``--yes`` answers for you). When any cell is refused nothing
is written unless the user accepts the rest (``--skip-refused`` with ``--yes``). The assessment
is written with the usual atomic save, keeping the previous file as ``.bak``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wizard.cli.output import packs_folder
from wizard.core.errors import InputError
from wizard.core.storage import backup_path
from wizard.i18n import LANGUAGES, N_, NP_, default_language, translate

CHANGES = N_("{count} change(s) to {file}:")
REFUSED = N_("{count} cell(s) refused, not imported:")
NOTHING = N_("Nothing to change: {file} already holds what the sheet says.")
ASK = N_("Write these changes to {file}? [y/N] ")
ASK_REST = N_("Write these changes to {file} and leave the refused cells out? [y/N] ")
NOT_WRITTEN = N_("Nothing was changed.")
WRITTEN = N_("Saved {file} (the previous version is {backup}).")
CREATED = N_("Saved {file}.")
REFUSED_WITH_YES = N_("{count} cell(s) refused and nothing was written: correct them in the "
                      "sheet, or add --skip-refused to import the rest")
DROPPED_WARNING = NP_("Note: {count} answer, note or plan entry of {file} fits no current "
                      "question or action; it stays in the saved file, set aside, and reports "
                      "list it.",
                      "Note: {count} answers, notes or plan entries of {file} fit no current "
                      "question or action; they stay in the saved file, set aside, and reports "
                      "list them.")
PLAN_FIELDS = {"owner": N_("owner"), "due": N_("due date"), "status": N_("status"),
               "comment": N_("comment")}
KIND_WORDS = {"answer": N_("answer"), "note": N_("note")}

PACKS_HELP = N_("questionnaire packs (default: the content in use, see 'content list')")


def register(sub) -> None:
    plan = sub.add_parser(
        "import-plan", help="read a filled-in action tracker (.xlsx) back into an assessment",
        description="Read owner, due date, status and comment of each action from TRACKER "
                    "(exported with 'report --format xlsx') into ASSESSMENT. Shows what will "
                    "change and every refused cell (sheet!cell and why), then asks.")
    plan.add_argument("tracker", metavar="TRACKER", help="the tracker workbook (.xlsx)")
    plan.add_argument("assessment", metavar="ASSESSMENT", help="the assessment file it came from")
    _common(plan)
    plan.set_defaults(handler=run_import_plan)

    answers = sub.add_parser(
        "import-answers", help="read a client's questionnaire (.xlsx) into an assessment",
        description="Read the answers and notes of SHEET (made with 'blank --format xlsx') "
                    "through the same checks as the wizard into ASSESSMENT: a new assessment, "
                    "or an existing one whose answers are updated. Empty cells change nothing.")
    answers.add_argument("sheet", metavar="SHEET", help="the questionnaire workbook (.xlsx)")
    answers.add_argument("-o", "--output", metavar="ASSESSMENT", required=True,
                         help="the assessment to write (created, or updated if it exists)")
    answers.add_argument("--lang", choices=("ko", "en", "both"), default=None,
                         help="report language of a new assessment (default: the sheet's)")
    _common(answers)
    answers.set_defaults(handler=run_import_answers)


def _common(parser) -> None:
    parser.add_argument("--packs", metavar="DIR", help=_say(PACKS_HELP))
    parser.add_argument("--yes", action="store_true",
                        help="write without asking (refused cells: see --skip-refused)")
    parser.add_argument("--skip-refused", action="store_true",
                        help="with --yes: import the rest when some cells are refused")


def _say(msgid: str, **params) -> str:
    return translate(msgid, default_language(), **params)


def _lang() -> str:
    return default_language()


def _ask(prompt: str) -> bool:
    print(prompt, end="", flush=True)
    try:
        answer = sys.stdin.readline()
    except (OSError, ValueError):
        return False
    print()
    from wizard.core.labels import YES_NO  # not at the command line's start-up

    yes = {"y", "yes"} | {translate(YES_NO["yes"], lang).casefold() for lang in LANGUAGES}
    return answer.strip().casefold() in yes


def _confirm(args, changes: int, refusals: list, file: str) -> bool:
    """Show the refusals and decide whether to write: True when the changes should be saved."""
    lang = _lang()
    if refusals:
        print(_say(REFUSED, count=len(refusals)))
        for refusal in refusals:
            print(f"  {refusal.render(lang)}")
        print()
    if not changes:
        print(_say(NOT_WRITTEN if refusals else NOTHING, file=file))
        return False
    if args.yes:
        if refusals and not args.skip_refused:
            raise InputError.said(REFUSED_WITH_YES, count=len(refusals))
        return True
    if not _ask(_say(ASK_REST if refusals else ASK, file=file)):
        print(_say(NOT_WRITTEN))
        return False
    return True


def _save(path: Path, assessment, existed: bool, content, loaded=None) -> None:
    """Save with the content record made now; entries set aside when the file was read are
    kept in it (``content_changes.record``)."""
    from wizard.core.assessment import save_assessment
    from wizard.core.content_changes import record

    save_assessment(path, record(content, assessment, loaded.dropped if loaded else ()))
    if existed:
        print(_say(WRITTEN, file=str(path), backup=str(backup_path(path))))
    else:
        print(_say(CREATED, file=str(path)))


def _warn_dropped(loaded, path: Path) -> None:
    if loaded.dropped:
        print(_say(DROPPED_WARNING, count=len(loaded.dropped), file=str(path)))


def run_import_plan(args) -> int:
    from wizard.core.assessment import load_assessment
    from wizard.core.content import load_content
    from wizard.core.plan_import import apply_plan, plan_changes
    from wizard.report.xlsx_read import read_tracker

    content = load_content(packs_folder(args))
    path = Path(args.assessment)
    loaded = load_assessment(path, content)
    tracker = read_tracker(Path(args.tracker))
    result = plan_changes(loaded.assessment, content, tracker)
    lang = _lang()
    if result.wrong_tracker is not None:
        from wizard.core.cells import AT

        raise InputError.said(AT, place=result.wrong_tracker.place,
                              problem=result.wrong_tracker.problem)
    count = sum(len(c.fields) for c in result.changes)
    if count:
        print(_say(CHANGES, count=count, file=str(path)))
        for change in result.changes:
            title = content.actions[change.action].action.text.get("en" if lang == "en"
                                                                   else "ko")
            print(f"  {change.action}: {_short(title)}")
            for f in change.fields:
                print(f"    {f.place}  {_say(PLAN_FIELDS[f.field])}: "
                      f"{_plan_value(f.field, f.before, lang)} \u2192 "
                      f"{_plan_value(f.field, f.after, lang)}")
        print()
    if not _confirm(args, count, result.refusals, str(path)):
        return 1 if count else (2 if result.refusals else 0)
    _warn_dropped(loaded, path)
    apply_plan(loaded.assessment, result.changes)
    _save(path, loaded.assessment, existed=True, content=content, loaded=loaded)
    return 0


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _plan_value(field: str, value: str, lang: str) -> str:
    if field == "status":
        from wizard.core.labels import label  # not at the command line's start-up

        return label("plan_status", value, lang)
    return repr(value) if value else "-"


def run_import_answers(args) -> int:
    from wizard.core.answer_import import answer_changes, apply_answers
    from wizard.core.assessment import edit_meta, load_assessment, new_assessment
    from wizard.core.cells import text_of
    from wizard.core.content import load_content
    from wizard.core.presenting import answer_text
    from wizard.report.xlsx_read import questionnaire_language, read_questionnaire

    content = load_content(packs_folder(args))
    sheet = Path(args.sheet)
    company_cell, rows = read_questionnaire(sheet)
    path = Path(args.output)
    existed = path.exists()
    if existed:
        loaded = load_assessment(path, content)
        assessment = loaded.assessment
    else:
        from wizard.core.storage import check_new_file  # not needed to show the first page

        check_new_file(path)
        loaded = None
        language = args.lang or questionnaire_language(sheet) or "ko"
        assessment = new_assessment(content, language)
        company = text_of(company_cell)[:200] if company_cell is not None else ""
        if company:
            assessment.meta = edit_meta(assessment.meta, company=company)
    result = answer_changes(assessment, content, rows)
    lang = _lang()
    view = "en" if lang == "en" else "ko"
    if result.changes:
        print(_say(CHANGES, count=len(result.changes), file=str(path)))
        for change in result.changes:
            info = content.questions[change.question]
            if change.kind == "answer":
                before = answer_text(content, change.question, change.before)[view] \
                    if change.before is not None else "-"
                after = answer_text(content, change.question, change.after)[view]
            else:
                before, after = change.before or "-", change.after
            print(f"  {change.place}  {_short(info.question.text.get(view))}")
            print(f"      {_say(KIND_WORDS[change.kind])}: {before} \u2192 {after}")
        print()
    if not _confirm(args, len(result.changes), result.refusals, str(path)):
        return 1 if result.changes else (2 if result.refusals else 0)
    if loaded is not None:
        _warn_dropped(loaded, path)
    apply_answers(assessment, content, result.changes)
    _save(path, assessment, existed=existed, content=content, loaded=loaded)
    return 0
