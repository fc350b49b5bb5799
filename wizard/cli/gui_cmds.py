"""Starting the desktop wizard: no command, or ``readiness-wizard open FILE``."""

from __future__ import annotations

import importlib.util
import sys

from wizard.cli.words import say
from wizard.i18n import N_

HELP = N_("open a saved assessment in the wizard")
FILE_HELP = N_("assessment file (.json)")
NO_WIZARD = N_("the desktop wizard is not part of this build; use 'readiness-wizard --help' for "
               "the commands available")


def register(sub) -> None:
    parser = sub.add_parser("open", help=say(HELP), description=say(HELP))
    parser.add_argument("file", metavar="FILE", help=say(FILE_HELP))
    parser.set_defaults(handler=start_gui)


def start_gui(args) -> int:
    if importlib.util.find_spec("wizard.ui.app") is None:
        print(f"readiness-wizard: {say(NO_WIZARD)}", file=sys.stderr)
        return 2
    from wizard.ui.app import run

    return run(getattr(args, "file", None))
