"""Where a command's output goes: a file (written atomically, never over an existing file
without ``--force``) or standard output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Union

from wizard.core.storage import write_new_file


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


def add_output_args(parser, *, default_force_help: str = "replace OUT if it exists") -> None:
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="write to this file (default: standard output)")
    parser.add_argument("--force", action="store_true", help=default_force_help)
