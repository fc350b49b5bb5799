"""``readiness-wizard report``, ``blank`` and ``compare``: the printed outputs.

    report ASSESSMENT --format html|pdf|docx|xlsx|md|csv|json --lang ko|en|both -o OUT
           [--detail full|summary] [--checklist-by area|bis_ecg|eu_icp|kr_cp] [--on DATE]
    blank --format pdf|html|xlsx --lang ko|en|both -o OUT [--pack ID ...] [--on DATE]
    compare OLD NEW --format html|pdf|md --lang ko|en|both -o OUT [--old-packs DIR] [--on DATE]

Without ``--format`` the extension of OUT decides (``.pdf``, ``.docx``, ...); an extension the
command does not write (``.txt``) is refused with the list of formats, never written as
something else. PDF, Word and Excel files are binary and only ever written to a file.
``compare`` of two different companies says so on standard error (and in the comparison)
before anything is attributed. Help texts and messages follow the system language.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from wizard.cli.output import add_output_args, inputs_of, packs_folder, write_output
from wizard.cli.words import language, say
from wizard.core.errors import InputError
from wizard.i18n import N_

FORMATS = ("html", "pdf", "docx", "xlsx", "md", "csv", "json")
BLANK_FORMATS = ("pdf", "html", "xlsx")
COMPARE_FORMATS = ("html", "pdf", "md")
LANGS = ("ko", "en", "both")
BINARY = ("pdf", "docx", "xlsx")
DETAILS = ("full", "summary")

NOT_WRITTEN = N_("{path}: this command does not write {ext} files. Name the output with one of "
                 "these extensions, or choose the format with --format: {formats}")
NAME_DISAGREES = N_("{path}: the name ends in {ext}, which is not the format asked for "
                    "(--format {fmt}); use a name ending in {wanted} or leave out --format")
BINARY_TO_FILE = N_("a {fmt} file is binary and is written to a file only: add -o FILE{ext} "
                    "(or choose --format html or md for standard output)")


PACKS_HELP = N_("questionnaire packs (default: the content in use, see 'content list')")
REPORT_HELP = N_("write the readiness report of an assessment")
REPORT_DESCRIPTION = N_("Evaluate ASSESSMENT against the questionnaire packs and write the "
                        "readiness report: html (one self-contained file), pdf (A4, fonts "
                        "embedded), docx (an editable Word document), xlsx (the action tracker "
                        "for Excel, read back with import-plan), md (Markdown), csv (the action "
                        "plan, UTF-8 with BOM for Excel) or json (the report data, see "
                        "docs/report-json.md).")
ASSESSMENT_HELP = N_("assessment file (.json)")
REPORT_FORMAT_HELP = N_("output format (default: from the extension of OUT, else json)")
REPORT_LANG_HELP = N_("report language: ko, en or both (default: the assessment's language)")
DETAIL_HELP = N_("full: the whole report; summary: the short form to hand over (summary, "
                 "checklist, the most serious findings and the action plan, about 6 to 8 pages)")
BLANK_HELP = N_("print the blank questionnaire for an interview on paper")
BLANK_DESCRIPTION = N_("Write every question of the chosen packs, numbered, with boxes to tick, "
                       "space to write in and the skip logic in words.")
BLANK_FORMAT_HELP = N_("output format (default: from the extension of OUT, else pdf); xlsx is "
                       "the questionnaire for a client to answer in Excel, read back with "
                       "import-answers")
BLANK_LANG_HELP = N_("language: ko, en or both (default: ko)")
PACK_HELP = N_("only these packs (repeatable; default: all)")
COMPARE_HELP = N_("compare two assessments of the same company")
COMPARE_DESCRIPTION = N_("Compare OLD and NEW: change per area, findings resolved and new, "
                         "actions completed, and which changes come from a newer content version "
                         "rather than from the answers (see docs/reports.md). Two files of "
                         "different companies get a warning.")
OLD_HELP = N_("the earlier assessment file")
NEW_HELP = N_("the later assessment file")
COMPARE_FORMAT_HELP = N_("output format (default: from the extension of OUT, else md)")
COMPARE_LANG_HELP = N_("language: ko, en or both (default: NEW's language)")
OLD_PACKS_HELP = N_("the questionnaire packs OLD was answered with, to tell content changes "
                    "from answer changes")
WARNING = N_("warning: {message}")


ON_HELP = {
    "report": N_("evaluate every rule's status on DATE, YYYY-MM-DD (default: the assessment's "
                 "date)"),
    "blank": N_("evaluate every rule's status on DATE, YYYY-MM-DD (default: today)"),
    "compare": N_("evaluate every rule's status on DATE, YYYY-MM-DD (default: each "
                  "assessment's date)"),
    "changes": N_("take every rule's status now on DATE, YYYY-MM-DD (default: today)"),
}
NOT_A_DATE = N_("not a date: {text} (write it as YYYY-MM-DD, e.g. 2026-12-03)")
CHECKLIST_BY_HELP = N_("group the checklist by area (default) or by the elements of a "
                       "compliance-programme framework: bis_ecg (BIS Export Compliance "
                       "Guidelines), eu_icp (EU recommendation 2019/1318), kr_cp (Korea's "
                       "voluntary-compliance trader criteria)")


def _formats_list(allowed: tuple[str, ...]) -> str:
    from wizard.report.export import suffixes

    return ", ".join(f"{fmt} ({' '.join(suffixes(fmt))})" for fmt in allowed)


def _format(args, allowed: tuple[str, ...], default: str) -> str:
    """The format to write: ``--format``, else the extension of OUT, else ``default``. A name
    whose extension the command does not write is refused, never written in another format."""
    from wizard.report.export import EXTENSIONS, extension_of, format_for

    fmt = args.format
    out = args.output if args.output not in (None, "-") else None
    if out is not None:
        ext = extension_of(out)
        named = format_for(out)
        if fmt is None and ext:
            if named not in allowed:
                raise InputError.said(NOT_WRITTEN, path=out, ext=ext,
                                      formats=_formats_list(allowed))
            fmt = named
        elif fmt is not None and named is not None and named != fmt:
            raise InputError.said(NAME_DISAGREES, path=out, ext=ext, fmt=fmt,
                                  wanted=EXTENSIONS[fmt])
    fmt = fmt or default
    if fmt in BINARY and out is None:
        raise InputError.said(BINARY_TO_FILE, fmt=fmt.upper() if fmt == "pdf" else fmt,
                              ext=EXTENSIONS[fmt])
    return fmt


def _day(text: str) -> dt.date:
    """``--on``: a calendar date as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say(NOT_A_DATE, text=repr(text))) from None


def _add_on(parser, command: str) -> None:
    parser.add_argument("--on", metavar="DATE", type=_day, default=None,
                        help=say(ON_HELP[command]))


def _warn_stale(age) -> None:
    """The content's age (``report_data.ContentAge``), said on the command line as
    prominently as on the report's first page, in the user's language."""
    if age is None or not age.stale:
        return

    print(f"readiness-wizard: {age.message[language()]}", file=sys.stderr)


def register(sub) -> None:
    parser = sub.add_parser("report", help=say(REPORT_HELP), description=say(REPORT_DESCRIPTION))
    parser.add_argument("assessment", metavar="ASSESSMENT", help=say(ASSESSMENT_HELP))
    parser.add_argument("--format", choices=FORMATS, default=None, help=say(REPORT_FORMAT_HELP))
    parser.add_argument("--lang", choices=LANGS, default=None, help=say(REPORT_LANG_HELP))
    parser.add_argument("--detail", choices=DETAILS, default="full", help=say(DETAIL_HELP))
    parser.add_argument("--packs", metavar="DIR", help=say(PACKS_HELP))
    _add_on(parser, "report")
    parser.add_argument("--checklist-by", metavar="GROUPING", default="area",
                        help=say(CHECKLIST_BY_HELP))
    add_output_args(parser)
    parser.set_defaults(handler=run_report)

    blank = sub.add_parser("blank", help=say(BLANK_HELP), description=say(BLANK_DESCRIPTION))
    blank.add_argument("--format", choices=BLANK_FORMATS, default=None,
                       help=say(BLANK_FORMAT_HELP))
    blank.add_argument("--lang", choices=LANGS, default="ko", help=say(BLANK_LANG_HELP))
    blank.add_argument("--packs", metavar="DIR", help=say(PACKS_HELP))
    blank.add_argument("--pack", metavar="ID", dest="pack_ids", action="extend", nargs="+",
                       help=say(PACK_HELP))
    _add_on(blank, "blank")
    add_output_args(blank)
    blank.set_defaults(handler=run_blank)

    compare = sub.add_parser("compare", help=say(COMPARE_HELP),
                             description=say(COMPARE_DESCRIPTION))
    compare.add_argument("old", metavar="OLD", help=say(OLD_HELP))
    compare.add_argument("new", metavar="NEW", help=say(NEW_HELP))
    compare.add_argument("--format", choices=COMPARE_FORMATS, default=None,
                         help=say(COMPARE_FORMAT_HELP))
    compare.add_argument("--lang", choices=LANGS, default=None, help=say(COMPARE_LANG_HELP))
    compare.add_argument("--packs", metavar="DIR", help=say(PACKS_HELP))
    compare.add_argument("--old-packs", metavar="DIR", help=say(OLD_PACKS_HELP))
    _add_on(compare, "compare")
    add_output_args(compare)
    compare.set_defaults(handler=run_compare)


def run_report(args) -> int:
    from wizard.report import export
    from wizard.report.common import prepare  # not at the command line's start-up

    fmt = _format(args, FORMATS, "json")
    if args.output not in (None, "-"):
        from wizard.core.storage import check_new_file  # not needed to show the first page

        check_new_file(Path(args.output), force=args.force)   # before the work, not after
    prepared = prepare(Path(args.assessment), packs_folder(args), on=args.on)
    lang = args.lang or prepared.loaded.assessment.meta.language
    data = export.render(prepared.report, fmt, lang, content=prepared.content,
                         group=args.checklist_by, detail=args.detail)
    write_output(args.output, data, force=args.force, inputs=inputs_of(args))
    _warn_stale(prepared.report.content.age)
    return 0


def run_blank(args) -> int:
    from wizard.core.content import load_content
    from wizard.report import blank

    fmt = _format(args, BLANK_FORMATS, "pdf")
    content = load_content(packs_folder(args))
    day = args.on or dt.date.today()
    if fmt == "pdf":
        data = blank.render_pdf(content, args.lang, args.pack_ids, on=day)
    elif fmt == "xlsx":
        from wizard.report import xlsx

        data = xlsx.render_questionnaire(content, args.lang, args.pack_ids)
    else:
        data = blank.render_html(content, args.lang, args.pack_ids, on=day).encode("utf-8")
    write_output(args.output, data, force=args.force, inputs=inputs_of(args))
    from wizard.core.age import content_age

    _warn_stale(content_age(content, day))
    return 0


def run_compare(args) -> int:
    from wizard.report import compare

    fmt = _format(args, COMPARE_FORMATS, "md")
    result = compare.compare_files(args.old, args.new, args.packs, args.old_packs,
                                   on=args.on)
    if result.different_companies:
        message = say(compare.DIFFERENT_COMPANIES, old=result.old_meta.get("company"),
                      new=result.new_meta.get("company"))
        print(f"readiness-wizard: {say(WARNING, message=message)}", file=sys.stderr)
    lang = args.lang or result.new_meta.get("language") or "ko"
    if fmt == "pdf":
        data = compare.render_pdf(result, lang)
    elif fmt == "html":
        data = compare.render_html(result, lang).encode("utf-8")
    else:
        data = compare.render_markdown(result, lang).encode("utf-8")
    write_output(args.output, data, force=args.force, inputs=inputs_of(args))
    return 0
