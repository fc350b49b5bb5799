"""Glossary terms found in a text, for the tooltips on question texts and the help panel.

A term matches by its full wording or, for terms written ``Name (ABBR)``, by the name or the
abbreviation alone, in either language ("ECCN" finds "Export Control
Classification Number (ECCN)"). Latin matches ignore case and must stand as a whole word.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

_PAREN = re.compile(r"^(?P<name>.+?)\s*\((?P<abbr>[^()]+)\)\s*$")


def _forms(term) -> tuple[str, ...]:
    forms: list[str] = []
    for code in ("ko", "en"):
        text = term.term.get(code).strip()
        forms.append(text)
        match = _PAREN.match(text)
        if match:
            forms.extend([match.group("name").strip(), match.group("abbr").strip()])
    seen: list[str] = []
    for form in forms:
        if len(form) >= 2 and form not in seen:
            seen.append(form)
    return tuple(seen)


@lru_cache(maxsize=4096)
def _pattern(form: str) -> re.Pattern:
    escaped = re.escape(form)
    if form.isascii():
        return re.compile(rf"(?<![A-Za-z0-9]){escaped}(?![A-Za-z0-9])", re.IGNORECASE)
    return re.compile(escaped)


_COMPILED: dict[int, tuple] = {}


def _compiled(glossary) -> list:
    """(term, patterns) for every term, built once per glossary object."""
    entry = _COMPILED.get(id(glossary))
    if entry is None or entry[0] is not glossary:
        entry = (glossary, [(term, [_pattern(form) for form in _forms(term)])
                            for term in glossary.terms])
        _COMPILED[id(glossary)] = entry
    return entry[1]


def terms_in(glossary, texts: list[str]) -> list:
    """The glossary terms that occur in any of ``texts`` (in glossary order)."""
    if glossary is None:
        return []
    texts = [text for text in texts if text]
    return [term for term, patterns in _compiled(glossary)
            if any(pattern.search(text) for pattern in patterns for text in texts)]


def tooltip_html(terms: list, langs: tuple[str, ...]) -> str:
    parts = []
    for term in terms:
        for code in langs:
            parts.append(f"<p><b>{html.escape(term.term.get(code))}</b>: "
                         f"{html.escape(term.definition.get(code))}</p>")
    return "".join(parts)
