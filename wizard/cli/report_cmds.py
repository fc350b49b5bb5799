"""``readiness-wizard report``, ``blank`` and ``compare``: the printed outputs.

    report ASSESSMENT --format html|pdf|md|csv|json --lang ko|en|both --detail full|summary -o OUT
    blank --format pdf|html --lang ko|en|both -o OUT [--pack ID ...]
    compare OLD NEW --format html|pdf|md --lang ko|en|both -o OUT [--old-packs DIR]

Without ``--format`` the extension of OUT decides (``.pdf``, ``.html``, ...). PDF is binary and
is only ever written to a file. ``compare`` of two different companies says so on standard
error (and in the comparison) before anything is attributed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

from wizard.cli.output import add_output_args, write_output
from wizard.cli.words import say
from wizard.core.errors import InputError
from wizard.i18n import N_

FORMATS = ("html", "pdf", "md", "csv", "json")
BLANK_FORMATS = ("pdf", "html")
COMPARE_FORMATS = ("html", "pdf", "md")
LANGS = ("ko", "en", "both")
DETAILS = ("full", "summary")

PDF_TO_FILE = N_("a PDF is binary and is written to a file only: add -o FILE.pdf (or choose "
                 "--format html or md for standard output)")
PACKS_HELP = N_("questionnaire packs (default: built-in)")
REPORT_HELP = N_("write the readiness report of an assessment")
REPORT_DESCRIPTION = N_("Evaluate ASSESSMENT against the questionnaire packs and write the "
                        "readiness report: html (one self-contained file), pdf (A4, fonts "
                        "embedded), md (Markdown), csv (the action plan, UTF-8 with BOM for "
                        "Excel) or json (the report data, see docs/report-json.md).")
ASSESSMENT_HELP = N_("assessment file (.json)")
REPORT_FORMAT_HELP = N_("output format (default: from the extension of OUT, else json)")
REPORT_LANG_HELP = N_("report language: ko, en or both (default: the assessment's language)")
DETAIL_HELP = N_("full: the whole report; summary: the short form to hand over (summary, "
                 "checklist, the most serious findings and the action plan, about 6 to 8 pages)")
BLANK_HELP = N_("print the blank questionnaire for an interview on paper")
BLANK_DESCRIPTION = N_("Write every question of the chosen packs, numbered, with boxes to tick, "
                       "space to write in and the skip logic in words.")
BLANK_FORMAT_HELP = N_("output format (default: from the extension of OUT, else pdf)")
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


def _format(args, allowed: tuple[str, ...], default: str) -> str:
    from wizard.report.export import format_for

    fmt = args.format
    if fmt is None and args.output and args.output != "-":
        guessed = format_for(args.output)
        fmt = guessed if guessed in allowed else None
    fmt = fmt or default
    if fmt == "pdf" and (args.output is None or args.output == "-"):
        raise InputError.said(PDF_TO_FILE)
    return fmt


def _packs(args) -> Optional[Path]:
    return Path(args.packs) if args.packs else None


def register(sub) -> None:
    parser = sub.add_parser("report", help=say(REPORT_HELP), description=say(REPORT_DESCRIPTION))
    parser.add_argument("assessment", metavar="ASSESSMENT", help=say(ASSESSMENT_HELP))
    parser.add_argument("--format", choices=FORMATS, default=None, help=say(REPORT_FORMAT_HELP))
    parser.add_argument("--lang", choices=LANGS, default=None, help=say(REPORT_LANG_HELP))
    parser.add_argument("--detail", choices=DETAILS, default="full", help=say(DETAIL_HELP))
    parser.add_argument("--packs", metavar="DIR", help=say(PACKS_HELP))
    add_output_args(parser)
    parser.set_defaults(handler=run_report)

    blank = sub.add_parser("blank", help=say(BLANK_HELP), description=say(BLANK_DESCRIPTION))
    blank.add_argument("--format", choices=BLANK_FORMATS, default=None,
                       help=say(BLANK_FORMAT_HELP))
    blank.add_argument("--lang", choices=LANGS, default="ko", help=say(BLANK_LANG_HELP))
    blank.add_argument("--packs", metavar="DIR", help=say(PACKS_HELP))
    blank.add_argument("--pack", metavar="ID", dest="pack_ids", action="extend", nargs="+",
                       help=say(PACK_HELP))
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
    add_output_args(compare)
    compare.set_defaults(handler=run_compare)


def run_report(args) -> int:
    from wizard.report import export
    from wizard.report.common import prepare

    fmt = _format(args, FORMATS, "json")
    prepared = prepare(Path(args.assessment), _packs(args))
    lang = args.lang or prepared.loaded.assessment.meta.language
    data = export.render(prepared.report, fmt, lang, content=prepared.content,
                         detail=args.detail)
    write_output(args.output, data, force=args.force)
    return 0


def run_blank(args) -> int:
    from wizard.core.content import load_content
    from wizard.report import blank

    fmt = _format(args, BLANK_FORMATS, "pdf")
    content = load_content(_packs(args))
    if fmt == "pdf":
        data = blank.render_pdf(content, args.lang, args.pack_ids)
    else:
        data = blank.render_html(content, args.lang, args.pack_ids).encode("utf-8")
    write_output(args.output, data, force=args.force)
    return 0


def run_compare(args) -> int:
    from wizard.report import compare

    fmt = _format(args, COMPARE_FORMATS, "md")
    result = compare.compare_files(args.old, args.new, _packs(args), args.old_packs)
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
    write_output(args.output, data, force=args.force)
    return 0
