"""Starting the desktop wizard: no command, or ``readiness-wizard open FILE``."""

from __future__ import annotations

import importlib.util
import sys


def register(sub) -> None:
    parser = sub.add_parser("open", help="open a saved assessment in the wizard")
    parser.add_argument("file", metavar="FILE", help="assessment file (.json)")
    parser.set_defaults(handler=start_gui)


def start_gui(args) -> int:
    if importlib.util.find_spec("wizard.ui.app") is None:
        print("readiness-wizard: the desktop wizard is not part of this build yet; use "
              "'readiness-wizard --help' for the commands available", file=sys.stderr)
        return 2
    from wizard.ui.app import run

    return run(getattr(args, "file", None))
