"""Starting the desktop wizard: no command, or ``readiness-wizard open FILE``."""

from __future__ import annotations

from wizard.cli.words import say
from wizard.i18n import N_

HELP = N_("open a saved assessment in the wizard")
FILE_HELP = N_("assessment file (.json)")


def register(sub) -> None:
    parser = sub.add_parser("open", help=say(HELP), description=say(HELP))
    parser.add_argument("file", metavar="FILE", help=say(FILE_HELP))
    parser.set_defaults(handler=start_gui)


def start_gui(args) -> int:
    from wizard.ui.app import run  # Qt only when the wizard opens

    return run(getattr(args, "file", None))
