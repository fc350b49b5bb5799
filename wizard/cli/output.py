"""Where a command's output goes: standard output, or a file written by
``wizard.core.storage.write_new_file``: created exclusively, or replaced atomically only with
``--force``; never one of the command's own input files (not even with ``--force``); a
terminal, pipe or ``/dev/stdout`` is written into, never replaced."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable, Optional, Union

from wizard.cli.words import say
from wizard.core.storage import write_new_file
from wizard.i18n import N_

OUTPUT_HELP = N_("write to this file (default: standard output)")
FORCE_HELP = N_("replace OUT if it exists")

# The arguments that name input files or folders of packs, in every command that has them.
_FILE_ARGS = ("assessment", "old", "new")
_FOLDER_ARGS = ("packs", "old_packs")


def packs_folder(args) -> Path:
    """--packs, or the content in use (``content use``; the built-in content by default)."""
    from wizard.content_store import active_folder

    return Path(args.packs) if getattr(args, "packs", None) else active_folder()


def inputs_of(args) -> list[Path]:
    """Every file a command reads: its assessment files and the packs of its pack folders
    (the content in use when a command that reads packs is given none)."""
    found = [Path(value) for name in _FILE_ARGS if (value := getattr(args, name, None))]
    folders = [Path(value) for name in _FOLDER_ARGS if (value := getattr(args, name, None))]
    if hasattr(args, "packs") and not getattr(args, "packs", None):
        folders.append(packs_folder(args))
    for folder in folders:
        try:
            found.extend(sorted(folder.glob("*.yaml")))
        except OSError:
            pass
    return found


def write_output(out: Optional[str], data: Union[str, bytes], *, force: bool = False,
                 inputs: Iterable[Path] = ()) -> None:
    if out is None or out == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
        return
    payload = data.encode("utf-8") if isinstance(data, str) else data
    sys.stdout.flush()          # what was printed before stays before, also via /dev/stdout
    write_new_file(Path(out), payload, force=force, inputs=inputs)


def add_output_args(parser) -> None:
    parser.add_argument("-o", "--output", metavar="OUT", help=say(OUTPUT_HELP))
    parser.add_argument("--force", action="store_true", help=say(FORCE_HELP))
