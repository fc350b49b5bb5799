"""Translations of the program's own strings (UI chrome, report boilerplate, CLI messages).

Questionnaire content is bilingual inline in the YAML packs and never goes through here.

Catalogs: ``translations/<lang>/LC_MESSAGES/wizard.po``. A compiled ``wizard.mo`` beside it is
used when present (wheels and the PyInstaller bundle carry one); from a source checkout the
``.po`` file is read directly with Babel, so a fresh clone needs no build step.
"""

from __future__ import annotations

import gettext as _gettext
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

LANGUAGES = ("ko", "en")
DOMAIN = "wizard"


def N_(message: str) -> str:
    """Mark a string for extraction without translating it (module-level constants)."""
    return message


class _PoTranslations(_gettext.NullTranslations):
    """Translations read from a .po file with Babel (source checkouts)."""

    def __init__(self, catalog) -> None:
        super().__init__()
        self._messages: dict[str, str] = {}
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            msgstr = message.string if isinstance(message.string, str) else (message.string or [""])[0]
            if msgstr:
                self._messages[msgid] = msgstr

    def gettext(self, message: str) -> str:
        return self._messages.get(message, message)


@lru_cache(maxsize=None)
def translations(lang: str) -> _gettext.NullTranslations:
    """The translations for ``lang`` (``ko`` or ``en``); English falls back to the msgid."""
    from wizard import paths

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
    from wizard import paths
    from wizard.core.fingerprint import digest

    data = po.read_bytes()
    cached = paths.cache_dir() / f"wizard-{lang}-{digest(data)[:16]}.mo"
    if cached.is_file():
        try:
            with cached.open("rb") as fh:
                return _gettext.GNUTranslations(fh)
        except (OSError, ValueError, UnicodeDecodeError):
            pass
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(data), locale=lang)
    try:
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        from wizard.core.storage import atomic_write

        cached.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(cached, buffer.getvalue())
    except Exception:  # noqa: BLE001 - the cache is only an optimisation
        pass
    return _PoTranslations(catalog)


def translate(message: str, lang: str, **params: Any) -> str:
    """``message`` in ``lang``, with ``{name}`` placeholders filled from ``params``."""
    text = translations(lang).gettext(message)
    return text.format(**params) if params else text


def bilingual(message: str, **params: Any) -> dict[str, str]:
    """``{ko: ..., en: ...}`` for a program string, the same shape as questionnaire texts."""
    return {lang: translate(message, lang, **params) for lang in LANGUAGES}


@dataclass(frozen=True)
class Note:
    """A translatable message with parameters, rendered late in the reader's language."""

    msgid: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        params = {k: v.render(lang) if isinstance(v, Note) else v for k, v in self.params.items()}
        return translate(self.msgid, lang, **params)

    def english(self) -> str:
        """The English text without reading a catalog (program strings are English)."""
        params = {k: v.english() if isinstance(v, Note) else v for k, v in self.params.items()}
        return self.msgid.format(**params) if params else self.msgid

    def both(self) -> dict[str, str]:
        return {lang: self.render(lang) for lang in LANGUAGES}


def default_language() -> str:
    """``ko`` when the system locale is Korean, else ``en`` (for the CLI; the wizard asks Qt)."""
    import locale
    import os

    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "ko" if code.lower().startswith("ko") else "en"
