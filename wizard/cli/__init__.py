"""The command line: ``readiness-wizard`` and ``python -m wizard``.

Each group of subcommands lives in its own module with a ``register(subparsers)`` function;
this module builds the parser, runs the command and turns every :class:`WizardError` into a
clear message and an exit code (2 for bad input, 1 for content problems) instead of a
traceback. ``--help``, argparse's own errors and every message are in the system's language
(Korean under a Korean locale), through the program's catalogs (``wizard.cli.words``).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Optional, Sequence

from wizard import __version__
from wizard.cli.words import argparse_speaking, language, say
from wizard.core.errors import WizardError
from wizard.i18n import N_

DESCRIPTION = N_("AI Trade Readiness: an offline, bilingual (Korean/English) readiness check on "
                 "how US AI trade rules reach a company. With no command, the wizard opens on the "
                 "content in use (the built-in content unless 'content use' chose another).")
VERSION_HELP = N_("show the program's version and exit")
ERROR = N_("{prog}: error: {message}")
INTERRUPTED = N_("interrupted")
INTERNAL = N_("internal error: {error}\nNothing was written. Set READINESS_DEBUG=1 to see the "
              "details and please report them.")

COMMAND_MODULES = ("wizard.cli.content_cmds", "wizard.cli.report_cmds", "wizard.cli.import_cmds",
                   "wizard.cli.calc_cmds", "wizard.cli.bundle_cmds",
                   "wizard.cli.changes_cmds", "wizard.cli.evidence_cmds",
                   "wizard.cli.clients_cmds", "wizard.cli.gui_cmds")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with usage, as argparse does, no traceback
        self.print_usage(sys.stderr)
        self.exit(2, say(ERROR, prog=self.prog, message=message) + "\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the command line's language (build it inside
    ``argparse_speaking`` for argparse's own words too)."""

    parser = _Parser(prog="readiness-wizard", description=say(DESCRIPTION))
    parser.add_argument("--version", action="version", help=say(VERSION_HELP),
                        version=f"readiness-wizard {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    with argparse_speaking(language()):
        parser = build_parser()
        args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        from wizard.cli.gui_cmds import start_gui  # the wizard (Qt) only when no command is given

        handler = start_gui
    try:
        return int(handler(args) or 0)
    except WizardError as exc:
        print(f"readiness-wizard: {exc.render(language())}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"readiness-wizard: {say(INTERRUPTED)}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for users
        if os.environ.get("READINESS_DEBUG"):
            raise
        print("readiness-wizard: " + say(INTERNAL, error=f"{exc.__class__.__name__}: {exc}"),
              file=sys.stderr)
        return 3
