"""``readiness-wizard changes ASSESSMENT [--packs DIR] [--on DATE] [--format text|json]``: what
changed for this company since its assessment was last saved (``wizard.core.content_changes``),
in the command line's language."""

from __future__ import annotations

from pathlib import Path

from wizard.cli.output import add_output_args, inputs_of, packs_folder, write_output
from wizard.cli.report_cmds import _add_on
from wizard.cli.words import language, say
from wizard.i18n import N_

FORMATS = ("text", "json")
HELP = N_("list what changed for this company since the assessment was saved")
DESCRIPTION = N_("Compare ASSESSMENT with the current content on DATE: findings new, no longer "
                 "applying or changed in status, new questions to answer, and answers kept that "
                 "fit no current question. The content the assessment was saved against is used "
                 "when it is installed; otherwise the summary saved in the assessment. Nothing "
                 "is written to ASSESSMENT.")
ASSESSMENT_HELP = N_("assessment file (.json)")
PACKS_HELP = N_("questionnaire packs (default: built-in)")
FORMAT_HELP = N_("text (default) or json")
LANG_HELP = N_("language: ko, en or both (default: the system's)")


def register(sub) -> None:
    parser = sub.add_parser("changes", help=say(HELP), description=say(DESCRIPTION))
    parser.add_argument("assessment", metavar="ASSESSMENT", help=say(ASSESSMENT_HELP))
    parser.add_argument("--packs", metavar="DIR", help=say(PACKS_HELP))
    _add_on(parser, "changes")
    parser.add_argument("--format", choices=FORMATS, default="text", help=say(FORMAT_HELP))
    parser.add_argument("--lang", choices=("ko", "en", "both"), default=None,
                        help=say(LANG_HELP))
    add_output_args(parser)
    parser.set_defaults(handler=run_changes)


def run_changes(args) -> int:
    from wizard import content_store
    from wizard.core.assessment import load_assessment
    from wizard.core.content import load_content
    from wizard.core.content_changes import changes, recorded_content
    from wizard.report import changes as words  # not at the command line's start-up

    content = load_content(packs_folder(args))
    path = Path(args.assessment)
    loaded = load_assessment(path, content)
    old = recorded_content(loaded.assessment.content, content, content_store.folder_for)
    found = changes(content, loaded.assessment, loaded.dropped, on=args.on, old_content=old)
    if args.format == "json":
        text = words.render_json(found)
    else:
        text = words.render_text(found, args.lang or language(), path.name)
    write_output(args.output, text, force=args.force, inputs=inputs_of(args))
    return 0
