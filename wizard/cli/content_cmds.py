"""``readiness-wizard validate [DIR]``: check questionnaire packs and list every problem."""

from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    parser = sub.add_parser("validate", help="check questionnaire packs and list every problem",
                            description="Check the questionnaire packs in DIR (default: the "
                                        "built-in packs). Exits 0 when clean, 1 with the list "
                                        "of problems otherwise.")
    parser.add_argument("folder", nargs="?", metavar="DIR", help="folder of *.yaml packs")
    parser.set_defaults(handler=run_validate)


def run_validate(args) -> int:
    from wizard import paths
    from wizard.core.content import validate_folder

    folder = Path(args.folder) if args.folder else paths.questionnaires_dir()
    problems = validate_folder(folder)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) in {folder}", file=sys.stderr)
        return 1
    from wizard.core.content import load_content

    content = load_content(folder)
    print(f"{folder}: {len(content.packs)} packs, {len(content.questions)} questions, "
          f"{len(content.findings)} findings, {len(content.actions)} actions: no problems")
    return 0
