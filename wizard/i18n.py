"""Translations of the program's own strings (UI chrome, report boilerplate, CLI messages).

Questionnaire content is bilingual inline in the YAML packs and never goes through here.

Counts: a message that prints a number is marked ``NP_(singular, plural)`` and translated with
the number in ``count`` (``translate(NP_("{count} watch item", "{count} watch items"), lang,
count=3)``, ``Note(..., {"count": 3})``, ``tr(...)`` in the wizard): gettext's ``ngettext``
picks the form the language needs (English two, Korean one).

Catalogs: ``translations/<lang>/LC_MESSAGES/wizard.po``. A compiled ``wizard.mo`` beside it is
used when present (wheels and the PyInstaller bundle carry one); from a source checkout the
``.po`` file is read directly with Babel, so a fresh clone needs no build step.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Union

from wizard import paths
from wizard.fingerprint import digest

LANGUAGES = ("ko", "en")
DOMAIN = "wizard"


Message = Union[str, tuple[str, str]]


def N_(message: str) -> str:
    """Mark a string for extraction without translating it (module-level constants)."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message that prints a number (``{count}``) with its English singular and plural,
    for extraction (``msgid``/``msgid_plural``); translate it with ``count`` given."""
    return singular, plural


class _PoTranslations(_gettext.GNUTranslations):
    """Translations compiled in memory from a .po file with Babel (source checkouts)."""


@lru_cache(maxsize=None)
def translations(lang: str) -> _gettext.NullTranslations:
    """The translations for ``lang`` (``ko`` or ``en``); English falls back to the msgid."""

    folder = paths.translations_dir() / lang / "LC_MESSAGES"
    mo = folder / f"{DOMAIN}.mo"
    po = folder / f"{DOMAIN}.po"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return _gettext.GNUTranslations(fh)
    if po.is_file():
        return _from_po(po, lang)
    return _gettext.NullTranslations()


def _from_po(po, lang: str) -> _gettext.NullTranslations:
    """A source checkout has no compiled .mo: read the .po with Babel once and keep a compiled
    copy in the cache folder, keyed by the .po's content, for the next start."""

    data = po.read_bytes()
    cached = paths.cache_dir() / f"wizard-{lang}-{digest(data)[:16]}.mo"
    if cached.is_file():
        try:
            with cached.open("rb") as fh:
                return _gettext.GNUTranslations(fh)
        except (OSError, ValueError, UnicodeDecodeError):
            pass

    from babel.messages.mofile import write_mo  # only a source checkout compiles
    from babel.messages.pofile import read_po  # its catalogs, once

    catalog = read_po(io.BytesIO(data), locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)              # fuzzy entries are left out, as msgfmt does
    compiled = buffer.getvalue()
    _keep(cached, compiled)
    return _PoTranslations(io.BytesIO(compiled))


def _keep(path, data: bytes) -> None:
    """Write a cache file whole or not at all (a temporary file renamed over it). Not
    ``wizard.core.storage``, which words its errors with this module: a cache needs none of its
    guarantees, and a failure only costs the next start the compiling again."""

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".wizard-mo-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except OSError:
            os.unlink(tmp)
    except OSError:
        pass


def count_text(count: Any) -> str:
    """A count as the reader writes it: ``1,234`` (the same in Korean and English)."""
    return f"{count:,}" if isinstance(count, int) and not isinstance(count, bool) else str(count)


def translate(message: Message, lang: str, /, **params: Any) -> str:
    """``message`` in ``lang``, with ``{name}`` placeholders filled from ``params``.

    A message marked ``NP_(singular, plural)`` takes its number from ``count`` (required): the
    catalog's plural rule picks the form, and ``{count}`` is written with thousands
    separators."""
    if isinstance(message, tuple):
        if "count" not in params:
            raise TypeError(f"a message with a plural form needs count=: {message[0]!r}")
        count = params["count"]
        text = translations(lang).ngettext(message[0], message[1], int(count))
        return text.format(**{**params, "count": count_text(count)})
    text = translations(lang).gettext(message)
    return text.format(**params) if params else text


def bilingual(message: Message, /, **params: Any) -> dict[str, str]:
    """``{ko: ..., en: ...}`` for a program string, the same shape as questionnaire texts."""
    return {lang: translate(message, lang, **params) for lang in LANGUAGES}


@dataclass(frozen=True)
class Note:
    """A translatable message with parameters, rendered late in the reader's language."""

    msgid: Message                 # a plain msgid, or NP_(singular, plural) with params["count"]
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        params = {k: v.render(lang) if isinstance(v, Note) else v for k, v in self.params.items()}
        return translate(self.msgid, lang, **params)

    def english(self) -> str:
        """The English text without reading a catalog (program strings are English)."""
        params = {k: v.english() if isinstance(v, Note) else v for k, v in self.params.items()}
        msgid = self.msgid
        if isinstance(msgid, tuple):
            msgid = msgid[0] if params.get("count") == 1 else msgid[1]
            params["count"] = count_text(params.get("count"))
        return msgid.format(**params) if params else msgid

    def both(self) -> dict[str, str]:
        return {lang: self.render(lang) for lang in LANGUAGES}


def default_language() -> str:
    """``ko`` when the system locale is Korean, else ``en`` (for the CLI; the wizard asks Qt)."""
    import locale  # the command line's language only; the wizard asks Qt

    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "ko" if code.lower().startswith("ko") else "en"
