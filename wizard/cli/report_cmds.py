"""``readiness-wizard report``: the readiness report of an assessment in a chosen format."""

from __future__ import annotations

from pathlib import Path

from wizard.cli.output import add_output_args, write_output
from wizard.core.errors import InputError

FORMATS = ("json", "md")


def _renderer(fmt: str):
    if fmt == "json":
        return lambda prepared, lang: prepared.report.to_json()
    if fmt == "md":
        from wizard.report import markdown

        return lambda prepared, lang: markdown.render(prepared.report, lang)
    raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def register(sub) -> None:
    parser = sub.add_parser("report", help="write the readiness report of an assessment",
                            description="Evaluate ASSESSMENT against the questionnaire packs and "
                                        "write the readiness report.")
    parser.add_argument("assessment", metavar="ASSESSMENT", help="assessment file (.json)")
    parser.add_argument("--format", choices=FORMATS, default="json")
    parser.add_argument("--lang", choices=("ko", "en", "both"), default=None,
                        help="report language (default: the assessment's language)")
    parser.add_argument("--packs", metavar="DIR", help="questionnaire packs (default: built-in)")
    add_output_args(parser)
    parser.set_defaults(handler=run_report)


def run_report(args) -> int:
    from wizard.report.common import prepare

    prepared = prepare(Path(args.assessment), Path(args.packs) if args.packs else None)
    lang = args.lang or prepared.loaded.assessment.meta.language
    data = _renderer(args.format)(prepared, lang)
    write_output(args.output, data, force=args.force)
    return 0
