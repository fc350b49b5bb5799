"""Where a command's output goes: a file (written atomically, never over an existing file
without ``--force``) or standard output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Union

from wizard.core.errors import InputError
from wizard.core.storage import atomic_write


def write_output(out: Optional[str], data: Union[str, bytes], *, force: bool = False) -> None:
    if out is None or out == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
        return
    path = Path(out)
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name with -o")
    if path.exists() and not force:
        raise InputError(f"{path}: already exists; choose another name or add --force to "
                         "replace it")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    atomic_write(path, payload)


def add_output_args(parser, *, default_force_help: str = "replace OUT if it exists") -> None:
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="write to this file (default: standard output)")
    parser.add_argument("--force", action="store_true", help=default_force_help)
