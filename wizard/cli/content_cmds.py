"""``readiness-wizard validate [DIR]``: check questionnaire packs and list every problem."""

from __future__ import annotations

import sys
from pathlib import Path

from wizard.cli.words import say
from wizard.core.errors import InputError
from wizard.i18n import N_, NP_

HELP = N_("check questionnaire packs and list every problem")
DESCRIPTION = N_("Check the questionnaire packs in DIR (default: the content in use, see "
                 "'content list'). Exits 0 when clean, 1 with the list of problems otherwise.")
FOLDER_HELP = N_("folder of *.yaml packs")
NO_FOLDER = N_("{folder}: no such folder. Give the folder that holds the questionnaire packs "
               "(*.yaml), or no folder for the built-in ones.")
PROBLEMS = NP_("{count} problem in {folder}", "{count} problems in {folder}")
CLEAN = N_("{folder}: {packs} packs, {questions} questions, {findings} findings, {actions} "
           "actions: no problems")


def register(sub) -> None:
    parser = sub.add_parser("validate", help=say(HELP), description=say(DESCRIPTION))
    parser.add_argument("folder", nargs="?", metavar="DIR", help=say(FOLDER_HELP))
    parser.set_defaults(handler=run_validate)


def run_validate(args) -> int:
    from wizard.content_store import active_folder
    from wizard.core.content import validate_folder

    folder = Path(args.folder) if args.folder else active_folder()
    if not folder.is_dir():
        raise InputError.said(NO_FOLDER, folder=str(folder))
    problems = validate_folder(folder)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(say(PROBLEMS, count=len(problems), folder=str(folder)), file=sys.stderr)
        return 1
    from wizard.core.content import load_content

    content = load_content(folder)
    print(say(CLEAN, folder=str(folder), packs=len(content.packs),
              questions=len(content.questions), findings=len(content.findings),
              actions=len(content.actions)))
    return 0
