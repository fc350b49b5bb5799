"""``readiness-wizard report``, ``blank`` and ``compare``: the printed outputs.

    report ASSESSMENT --format html|pdf|docx|xlsx|md|csv|json --lang ko|en|both -o OUT
           [--checklist-by area|bis_ecg|eu_icp|kr_cp]
    blank --format pdf|html|xlsx --lang ko|en|both -o OUT [--pack ID ...]
    compare OLD NEW --format html|pdf|md --lang ko|en|both -o OUT [--old-packs DIR]

Without ``--format`` the extension of OUT decides (``.pdf``, ``.docx``, ...); an extension the
command does not write (``.txt``) is refused with the list of formats, never written as
something else. PDF, Word and Excel files are binary and only ever written to a file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Optional

from wizard.cli.output import add_output_args, inputs_of, write_output
from wizard.core.errors import InputError
from wizard.i18n import N_

FORMATS = ("html", "pdf", "docx", "xlsx", "md", "csv", "json")
BLANK_FORMATS = ("pdf", "html", "xlsx")
COMPARE_FORMATS = ("html", "pdf", "md")
LANGS = ("ko", "en", "both")
BINARY = ("pdf", "docx", "xlsx")

NOT_WRITTEN = N_("{path}: this command does not write {ext} files. Name the output with one of "
                 "these extensions, or choose the format with --format: {formats}")
NAME_DISAGREES = N_("{path}: the name ends in {ext}, which is not the format asked for "
                    "(--format {fmt}); use a name ending in {wanted} or leave out --format")
BINARY_TO_FILE = N_("a {fmt} file is binary and is written to a file only: add -o FILE{ext} "
                    "(or choose --format html or md for standard output)")


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


def _packs(args) -> Optional[Path]:
    return Path(args.packs) if args.packs else None


def _day(text: str) -> dt.date:
    """``--on``: a calendar date as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (write it as YYYY-MM-DD, "
                                         "e.g. 2026-12-03)") from None


def _add_on(parser, default: str) -> None:
    parser.add_argument("--on", metavar="DATE", type=_day, default=None,
                        help=f"evaluate every rule's status on DATE, YYYY-MM-DD (default: "
                             f"{default})")


def _warn_stale(age) -> None:
    """The content's age (``report_data.ContentAge``), said on the command line as
    prominently as on the report's first page, in the user's language."""
    if age is None or not age.stale:
        return
    from wizard.i18n import default_language

    print(f"readiness-wizard: {age.message[default_language()]}", file=sys.stderr)


def register(sub) -> None:
    parser = sub.add_parser(
        "report", help="write the readiness report of an assessment",
        description="Evaluate ASSESSMENT against the questionnaire packs and write the "
                    "readiness report: html (one self-contained file), pdf (A4, fonts "
                    "embedded), docx (an editable Word document), xlsx (the action tracker for "
                    "Excel, read back with import-plan), md (Markdown), csv (the action plan, "
                    "UTF-8 with BOM for Excel) or json (the report data, see "
                    "docs/report-json.md).")
    parser.add_argument("assessment", metavar="ASSESSMENT", help="assessment file (.json)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="output format (default: from the extension of OUT, else json)")
    parser.add_argument("--lang", choices=LANGS, default=None,
                        help="report language (default: the assessment's language)")
    parser.add_argument("--packs", metavar="DIR", help="questionnaire packs (default: built-in)")
    _add_on(parser, "the assessment's date")
    parser.add_argument("--checklist-by", metavar="GROUPING", default="area",
                        help="group the checklist by area (default) or by the elements of a "
                             "compliance-programme framework: bis_ecg (BIS Export Compliance "
                             "Guidelines), eu_icp (EU recommendation 2019/1318), kr_cp (Korea's "
                             "voluntary-compliance trader criteria)")
    add_output_args(parser)
    parser.set_defaults(handler=run_report)

    blank = sub.add_parser(
        "blank", help="print the blank questionnaire for an interview on paper",
        description="Write every question of the chosen packs, numbered, with boxes to tick, "
                    "lines to write on and the skip logic in words.")
    blank.add_argument("--format", choices=BLANK_FORMATS, default=None,
                       help="output format (default: from the extension of OUT, else pdf); "
                            "xlsx is the questionnaire for a client to answer in Excel, read "
                            "back with import-answers")
    blank.add_argument("--lang", choices=LANGS, default="ko", help="language (default: ko)")
    blank.add_argument("--packs", metavar="DIR", help="questionnaire packs (default: built-in)")
    blank.add_argument("--pack", metavar="ID", dest="pack_ids", action="extend", nargs="+",
                       help="only these packs (repeatable; default: all)")
    _add_on(blank, "today")
    add_output_args(blank)
    blank.set_defaults(handler=run_blank)

    compare = sub.add_parser(
        "compare", help="compare two assessments of the same company",
        description="Compare OLD and NEW: change per area, findings resolved and new, actions "
                    "completed, and which changes come from a newer content version rather "
                    "than from the answers (see docs/reports.md).")
    compare.add_argument("old", metavar="OLD", help="the earlier assessment file")
    compare.add_argument("new", metavar="NEW", help="the later assessment file")
    compare.add_argument("--format", choices=COMPARE_FORMATS, default=None,
                         help="output format (default: from the extension of OUT, else md)")
    compare.add_argument("--lang", choices=LANGS, default=None,
                         help="language (default: NEW's language)")
    compare.add_argument("--packs", metavar="DIR", help="questionnaire packs (default: built-in)")
    compare.add_argument("--old-packs", metavar="DIR",
                         help="the questionnaire packs OLD was answered with, to tell content "
                              "changes from answer changes")
    _add_on(compare, "each assessment's date")
    add_output_args(compare)
    compare.set_defaults(handler=run_compare)


def run_report(args) -> int:
    from wizard.report import export
    from wizard.report.common import prepare

    fmt = _format(args, FORMATS, "json")
    if args.output not in (None, "-"):
        from wizard.core.storage import check_new_file

        check_new_file(Path(args.output), force=args.force)   # before the work, not after
    prepared = prepare(Path(args.assessment), _packs(args), on=args.on)
    lang = args.lang or prepared.loaded.assessment.meta.language
    data = export.render(prepared.report, fmt, lang, content=prepared.content,
                         group=args.checklist_by)
    write_output(args.output, data, force=args.force, inputs=inputs_of(args))
    _warn_stale(prepared.report.content.age)
    return 0


def run_blank(args) -> int:
    from wizard.core.content import load_content
    from wizard.report import blank

    fmt = _format(args, BLANK_FORMATS, "pdf")
    content = load_content(_packs(args))
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
    result = compare.compare_files(args.old, args.new, _packs(args), args.old_packs,
                                   on=args.on)
    lang = args.lang or result.new_meta.get("language") or "ko"
    if fmt == "pdf":
        data = compare.render_pdf(result, lang)
    elif fmt == "html":
        data = compare.render_html(result, lang).encode("utf-8")
    else:
        data = compare.render_markdown(result, lang).encode("utf-8")
    write_output(args.output, data, force=args.force, inputs=inputs_of(args))
    return 0
