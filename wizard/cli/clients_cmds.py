"""``readiness-wizard clients``: a folder of assessments as a client list, and its re-check.

    clients DIR [--sort KEY] [--on DATE] [--packs DIR] [-o OUT.csv [--force]]
    clients DIR --recheck [-o OUT.html|.pdf|.csv [--force]] [--on DATE] [--lang ko|en|both]

The list prints in the system's language; ``-o`` writes it as CSV. ``--recheck`` says per
client what the current content and date change for them (most affected first): a short text
on standard output, or one summary file (HTML, PDF, or CSV for the table). Nothing in DIR is
ever written; OUT is written only where the user names it, never replacing a file without
``--force``.

The handlers import the core and the report modules when they run (function-local imports):
every command's module is imported at start-up to register its options, and ``--help`` or
another command must not pay for the engine, pydantic or Jinja2.
"""

from __future__ import annotations

import dataclasses
import sys
import unicodedata
from pathlib import Path

from wizard.cli.output import add_output_args, packs_folder, write_output
from wizard.cli.report_cmds import PACKS_HELP, _day, _format
from wizard.cli.words import language, say
from wizard.core.errors import ContentError, InputError
from wizard.core.localize import date_text
from wizard.i18n import N_, NP_

FORMATS = ("html", "pdf", "csv")
# wizard.core.clients.SORT_KEYS, written here so that registering the command does not import
# the engine (a test keeps the two the same)
SORT_KEYS = ("company", "date", "readiness", "exposure", "critical", "overdue")
LANGS = ("ko", "en", "both")

CLIENTS_HELP = N_("list the clients in a folder of assessments, or re-check them")
CLIENTS_DESCRIPTION = N_("Read every assessment (*.json) in DIR as a client list: company, "
                         "assessor, date, the content it was answered against, exposure and "
                         "readiness per area, open critical actions and overdue actions. Files "
                         "that cannot be read are listed with the reason. Nothing in DIR is "
                         "changed. With --recheck, say per client what the current content and "
                         "date change for them (see docs/clients.md).")
DIR_HELP = N_("the folder of assessment files")
SORT_HELP = N_("order of the list: company, date (newest first), readiness (lowest first), "
               "exposure (highest first), critical or overdue (most first); default company")
RECHECK_HELP = N_("re-check every client against the current content and date, most "
                  "affected first")
FORMAT_HELP = N_("format of OUT with --recheck: html, pdf or csv (default: from the extension "
                 "of OUT); the list itself is written as csv")
LANG_HELP = N_("language of OUT: ko, en or both (default: the system's)")
ON_HELP = N_("evaluate on DATE, YYYY-MM-DD (default: today)")
NOT_A_FOLDER = N_("{folder}: not a folder; give the folder that holds the assessment files")
LIST_CSV_ONLY = N_("{path}: the client list is written as CSV only (a name ending in .csv); "
                   "for an HTML or PDF summary add --recheck")

# the printed list
COLUMNS = (N_("Company"), N_("Date"), N_("Content"), N_("Exposure"), N_("Readiness"),
           N_("Critical"), N_("Overdue"))
AREA_FIGURES = N_("{area}: {exposure}, readiness {readiness}")
NO_SCORE = N_("no score")
NO_CLIENTS = N_("{folder}: no assessment files (*.json) in this folder")
UNREADABLE_HEAD = NP_("{count} file could not be read:", "{count} files could not be read:")
CONTENT_UNKNOWN = N_("not recorded")
SUMMARY = NP_("{count} client, evaluated on {day} with content {content}:",
              "{count} clients, evaluated on {day} with content {content}:")
AFFECTED = NP_("{count} client affected", "{count} clients affected")
NOT_AFFECTED = N_("no change")
NEW_N = NP_("{count} new finding", "{count} new findings")
STATUS_N = NP_("{count} status change", "{count} status changes")
RESOLVED_N = NP_("{count} finding resolved", "{count} findings resolved")


def register(sub) -> None:
    parser = sub.add_parser("clients", help=say(CLIENTS_HELP),
                            description=say(CLIENTS_DESCRIPTION))
    parser.add_argument("folder", metavar="DIR", help=say(DIR_HELP))
    parser.add_argument("--sort", choices=SORT_KEYS, default="company", help=say(SORT_HELP))
    parser.add_argument("--recheck", action="store_true", help=say(RECHECK_HELP))
    parser.add_argument("--format", choices=FORMATS, default=None, help=say(FORMAT_HELP))
    parser.add_argument("--lang", choices=LANGS, default=None, help=say(LANG_HELP))
    parser.add_argument("--packs", metavar="DIR", help=say(PACKS_HELP))
    parser.add_argument("--on", metavar="DATE", type=_day, default=None, help=say(ON_HELP))
    add_output_args(parser)
    parser.set_defaults(handler=run_clients)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells (Hangul takes two) and padded to it."""
    out, used = "", 0
    for ch in text:
        w = _width(ch)
        if used + w > width - (1 if _width(text) > width else 0):
            out += "\u2026"
            used += 1
            break
        out, used = out + ch, used + w
    return out + " " * max(0, width - used)


def _table(rows: list[list[str]], widths: list[int]) -> str:
    return "\n".join("  ".join(_fit(cell, w) for cell, w in zip(row, widths)).rstrip()
                     for row in rows)


def _content(client) -> str:
    if client.content_id == "unknown":
        return say(CONTENT_UNKNOWN)
    return f"{client.content_id} {client.content_version}"


def _print_unreadable(unreadable) -> None:
    if not unreadable:
        return
    lang = language()
    print(say(UNREADABLE_HEAD, count=len(unreadable)), file=sys.stderr)
    for item in unreadable:
        print(f"  {item.reason[lang]}", file=sys.stderr)


def _folder(args) -> Path:
    folder = Path(args.folder)
    if not folder.is_dir():
        raise InputError.said(NOT_A_FOLDER, folder=args.folder)
    return folder


def run_clients(args) -> int:
    from wizard.core.content import load_content

    folder = _folder(args)
    out = args.output if args.output not in (None, "-") else None
    if args.recheck:
        fmt = _format(args, FORMATS, "html") if out else None
    else:
        if out is not None and not out.lower().endswith(".csv"):
            raise InputError.said(LIST_CSV_ONLY, path=out)
        fmt = "csv" if out else None
    if out is not None:
        from wizard.core.storage import check_new_file  # not needed to show the first page

        check_new_file(Path(out), force=args.force)     # before the work, not after
    content = load_content(packs_folder(args))
    lang = args.lang or language()
    if args.recheck:
        return _recheck(args, folder, content, fmt, lang)
    return _list(args, folder, content, fmt, lang)


def _list(args, folder: Path, content, fmt, lang: str) -> int:
    from wizard.core.clients import read_library, sort_standings
    from wizard.core.labels import label  # not at the command line's start-up
    from wizard.report.common import pick  # not at the command line's start-up

    library = read_library(folder, content, args.on)
    standings = sort_standings(library.standings, args.sort)
    if fmt == "csv":
        from wizard.report.clients import library_csv

        write_output(args.output, library_csv(_sorted(library, standings), lang),
                     force=args.force)
        _print_unreadable(library.unreadable)
        return 0
    lang = language()
    if not standings and not library.unreadable:
        print(say(NO_CLIENTS, folder=str(folder)))
        return 0
    rows = [[say(c) for c in COLUMNS]]
    details = []
    for s in standings:
        c = s.client
        rows.append([c.company or c.path.name, c.date or "-", _content(c),
                     label("exposure", s.exposure, lang),
                     "-" if s.readiness is None else f"{s.readiness}%",
                     str(s.open_critical), str(len(s.overdue))])
        details.append(" \u00b7 ".join(
            say(AREA_FIGURES, area=pick(a.title, lang),
                exposure=label("exposure", a.exposure, lang),
                readiness=say(NO_SCORE) if a.readiness is None else f"{a.readiness}%")
            for a in s.areas if a.applicable))
    widths = [34, 10, 28, 10, 11, 8, 8]
    lines = _table(rows, widths).split("\n")
    print(lines[0])
    for line, detail in zip(lines[1:], details):
        print(line)
        if detail:
            print(f"    {detail}")
    _print_unreadable(library.unreadable)
    return 0


def _sorted(library, standings):
    return dataclasses.replace(library, standings=tuple(standings))


def content_then(content_id: str, version: str):
    """The content a client was answered against, when that version is installed on this
    computer (None: the re-check takes the current content on the client's own date)."""
    from wizard import content_store
    from wizard.core.content import load_content

    folder = content_store.folder_for(content_id, version)
    if folder is None:
        return None
    try:
        return load_content(folder)
    except ContentError:
        return None


def _recheck(args, folder: Path, content, fmt, lang: str) -> int:
    from wizard.core.recheck import recheck_folder

    recheck = recheck_folder(folder, content, args.on, then_content=content_then)
    if fmt is not None:
        from wizard.report import clients as report

        if fmt == "csv":
            data = report.recheck_csv(recheck, lang)
        elif fmt == "pdf":
            data = report.render_pdf(recheck, lang)
        else:
            data = report.render_html(recheck, lang).encode("utf-8")
        write_output(args.output, data, force=args.force)
    else:
        _print_recheck(recheck)
    print(say(AFFECTED, count=len(recheck.affected)), file=sys.stderr)
    _print_unreadable(recheck.unreadable)
    return 0


def _print_recheck(recheck) -> None:
    from wizard.report.clients import change_text

    lang = language()
    print(say(SUMMARY, count=len(recheck.clients), day=date_text(recheck.on, lang),
              content=f"{recheck.content_id} {recheck.content_version}"))
    for item in recheck.clients:
        c = item.client
        name = c.company or c.path.name
        if not item.changes:
            print(f"- {name}: {say(NOT_AFFECTED)}")
            continue
        counts = {k: sum(1 for ch in item.changes if ch.kind == k) for k in
                  ("new", "status", "resolved")}
        parts = [say(msgid, count=counts[kind]) for kind, msgid in
                 (("new", NEW_N), ("status", STATUS_N), ("resolved", RESOLVED_N))
                 if counts[kind]]
        print(f"- {name}: {', '.join(parts)}")
        for change in item.changes:
            print(f"    {change_text(change, lang)}")
