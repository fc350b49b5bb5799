"""Reading the gettext catalogs and extracting the program's strings the way docs/building.md
says (Babel, with the mapping in pyproject.toml's [tool.babel])."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "wizard.pot"
PO = {lang: TRANSLATIONS / lang / "LC_MESSAGES" / "wizard.po" for lang in ("ko", "en")}

# The one extraction command (docs/building.md gives the same, as `pybabel extract ...`).
EXTRACT_ARGS = ["extract", "-F", "pyproject.toml", "--no-wrap", "--sort-by-file",
                "--add-location=file", "--project", "ai-trade-readiness", "wizard"]

HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def read_catalog(path: Path):
    from babel.messages.pofile import read_po

    with Path(path).open("rb") as fh:
        return read_po(fh)


def extract(output: Path):
    """Extract the program's strings into ``output`` (a .pot) and return the catalog."""
    result = subprocess.run(
        [sys.executable, "-c", "from babel.messages.frontend import main; main()",
         *EXTRACT_ARGS[:1], "-o", str(output), *EXTRACT_ARGS[1:]],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise AssertionError(f"pybabel extract failed:\n{result.stderr[-3000:]}")
    return read_catalog(output)


def msgid_text(message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def is_plural(message) -> bool:
    """A message with a plural form: ``msgid`` + ``msgid_plural``, one msgstr per form."""
    return not isinstance(message.id, str)


def forms(message) -> list[str]:
    """The translations of a message: one string, or one per plural form."""
    if isinstance(message.string, str):
        return [message.string]
    return list(message.string or [""])


def plural_count(path: Path) -> int:
    """``nplurals`` of a catalog's Plural-Forms header (Korean 1, English 2)."""
    match = re.search(r"nplurals\s*=\s*(\d+)", read_catalog(path).plural_forms or "")
    return int(match.group(1)) if match else 2


def msgids(catalog) -> set[str]:
    return {msgid_text(m) for m in catalog if m.id}


def fields(text: str) -> list[tuple[str, str]]:
    """The ``{name}`` / ``{name:spec}`` placeholders of a message, sorted (``{{`` is text)."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        return [("<malformed>", str(exc))]
    return sorted((name, spec or "") for _lit, name, spec, _conv in parsed if name is not None)


def raw_entries(path: Path) -> list[dict]:
    """The entries of a .po file as written (Babel merges duplicate msgids silently, so the
    duplicate check reads the file itself): ``{msgctxt, msgid, obsolete, fuzzy, line}``."""
    entries: list[dict] = []
    current: dict | None = None
    field = None
    flags: set[str] = set()

    from babel.messages.pofile import unescape

    def unquote(s: str) -> str:
        s = s.strip()
        return unescape(s) if s.startswith('"') else ""

    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        obsolete = line.startswith("#~")
        body = line[2:].strip() if obsolete else line
        if line.startswith("#,"):
            flags |= {f.strip() for f in line[2:].split(",")}
            continue
        if body.startswith("msgctxt "):
            current = {"msgctxt": unquote(body[8:]), "msgid": "", "obsolete": obsolete,
                       "fuzzy": "fuzzy" in flags, "line": number}
            field = "msgctxt"
        elif body.startswith("msgid "):
            if current is None or field != "msgctxt":
                current = {"msgctxt": None, "msgid": "", "obsolete": obsolete,
                           "fuzzy": "fuzzy" in flags, "line": number}
            current["msgid"] = unquote(body[6:])
            entries.append(current)
            field = "msgid"
            flags = set()
        elif body.startswith("msgid_plural") or body.startswith("msgstr"):
            field = "other"
        elif body.startswith('"') and current is not None:
            if field == "msgid":
                current["msgid"] += unquote(body)
            elif field == "msgctxt":
                current["msgctxt"] += unquote(body)
        elif not line.strip():
            field = None
    return entries
