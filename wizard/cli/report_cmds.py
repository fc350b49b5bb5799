"""``readiness-wizard report``, ``blank`` and ``compare``: the printed outputs.

    report ASSESSMENT --format html|pdf|md|csv|json --lang ko|en|both -o OUT
    blank --format pdf|html --lang ko|en|both -o OUT [--pack ID ...]
    compare OLD NEW --format html|pdf|md --lang ko|en|both -o OUT [--old-packs DIR]

Without ``--format`` the extension of OUT decides (``.pdf``, ``.html``, ...). PDF is binary and
is only ever written to a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from wizard.cli.output import add_output_args, inputs_of, write_output
from wizard.core.errors import InputError

FORMATS = ("html", "pdf", "md", "csv", "json")
BLANK_FORMATS = ("pdf", "html")
COMPARE_FORMATS = ("html", "pdf", "md")
LANGS = ("ko", "en", "both")


def _format(args, allowed: tuple[str, ...], default: str) -> str:
    from wizard.report.export import format_for

    fmt = args.format
    if fmt is None and args.output and args.output != "-":
        guessed = format_for(args.output)
        fmt = guessed if guessed in allowed else None
    fmt = fmt or default
    if fmt == "pdf" and (args.output is None or args.output == "-"):
        raise InputError("a PDF is binary and is written to a file only: add -o FILE.pdf "
                         "(or choose --format html or md for standard output)")
    return fmt


def _packs(args) -> Optional[Path]:
    return Path(args.packs) if args.packs else None


def register(sub) -> None:
    parser = sub.add_parser(
        "report", help="write the readiness report of an assessment",
        description="Evaluate ASSESSMENT against the questionnaire packs and write the "
                    "readiness report: html (one self-contained file), pdf (A4, fonts "
                    "embedded), md (Markdown), csv (the action plan, UTF-8 with BOM for Excel) "
                    "or json (the report data, see docs/report-json.md).")
    parser.add_argument("assessment", metavar="ASSESSMENT", help="assessment file (.json)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="output format (default: from the extension of OUT, else json)")
    parser.add_argument("--lang", choices=LANGS, default=None,
                        help="report language (default: the assessment's language)")
    parser.add_argument("--packs", metavar="DIR", help="questionnaire packs (default: built-in)")
    add_output_args(parser)
    parser.set_defaults(handler=run_report)

    blank = sub.add_parser(
        "blank", help="print the blank questionnaire for an interview on paper",
        description="Write every question of the chosen packs, numbered, with boxes to tick, "
                    "lines to write on and the skip logic in words.")
    blank.add_argument("--format", choices=BLANK_FORMATS, default=None,
                       help="output format (default: from the extension of OUT, else pdf)")
    blank.add_argument("--lang", choices=LANGS, default="ko", help="language (default: ko)")
    blank.add_argument("--packs", metavar="DIR", help="questionnaire packs (default: built-in)")
    blank.add_argument("--pack", metavar="ID", dest="pack_ids", action="extend", nargs="+",
                       help="only these packs (repeatable; default: all)")
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
    add_output_args(compare)
    compare.set_defaults(handler=run_compare)


def run_report(args) -> int:
    from wizard.report import export
    from wizard.report.common import prepare

    fmt = _format(args, FORMATS, "json")
    prepared = prepare(Path(args.assessment), _packs(args))
    lang = args.lang or prepared.loaded.assessment.meta.language
    data = export.render(prepared.report, fmt, lang, content=prepared.content)
    write_output(args.output, data, force=args.force, inputs=inputs_of(args))
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
    write_output(args.output, data, force=args.force, inputs=inputs_of(args))
    return 0


def run_compare(args) -> int:
    from wizard.report import compare

    fmt = _format(args, COMPARE_FORMATS, "md")
    result = compare.compare_files(args.old, args.new, _packs(args), args.old_packs)
    lang = args.lang or result.new_meta.get("language") or "ko"
    if fmt == "pdf":
        data = compare.render_pdf(result, lang)
    elif fmt == "html":
        data = compare.render_html(result, lang).encode("utf-8")
    else:
        data = compare.render_markdown(result, lang).encode("utf-8")
    write_output(args.output, data, force=args.force, inputs=inputs_of(args))
    return 0
