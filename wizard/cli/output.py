"""Where a command's output goes: a file (written atomically, never over an existing file
without ``--force``) or standard output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Union

from wizard.cli.words import say
from wizard.core.storage import write_new_file
from wizard.i18n import N_

OUTPUT_HELP = N_("write to this file (default: standard output)")
FORCE_HELP = N_("replace OUT if it exists")


def write_output(out: Optional[str], data: Union[str, bytes], *, force: bool = False) -> None:
    if out is None or out == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
        return
    payload = data.encode("utf-8") if isinstance(data, str) else data
    write_new_file(Path(out), payload, force=force)


def add_output_args(parser) -> None:
    parser.add_argument("-o", "--output", metavar="OUT", help=say(OUTPUT_HELP))
    parser.add_argument("--force", action="store_true", help=say(FORCE_HELP))
