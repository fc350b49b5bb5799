"""The Jinja2 environment every HTML-based format uses (browser HTML, the Qt PDF, the blank
checklist, the comparison).

Safety rules, all enforced here:

* templates come only from the package (``paths.templates_dir()``); no template is ever built
  from user text (templates are never compiled from strings);
* autoescape is on, and undefined names raise (``StrictUndefined``);
* program strings go through gettext (the ``jinja2.ext.i18n`` extension, installed with the
  translations of :mod:`wizard.i18n` for the report language). ``_()`` and ``{% trans %}``
  return escaped markup; ``_("... {name} ...", name=value)`` fills ``{name}`` placeholders (the
  catalog's one placeholder style) and escapes the value; ``ngettext("{count} item",
  "{count} items", n)`` takes the catalog's plural form for ``n``; a ``{ko, en}`` value gives each
  language its own text. In a bilingual report (``both``) every program string renders as
  Korean followed by English.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from wizard import paths
from wizard.i18n import Message, count_text, translations

MODES = ("ko", "en", "both")
# the lettered paragraphs of a citation, "742.6(a)(6)(iii)(A)": one piece that never breaks
# across lines (``white-space: nowrap`` in a browser; Qt ignores it on a span, so the PDF puts
# word joiners between the brackets, see wizard.report.pdf), drawn in the PDF in a font whose
# brackets sit tight (the Korean font's look like spaces)
_PARAGRAPHS = re.compile(r"(?<=[0-9A-Za-z])((?:\([0-9A-Za-z]{1,5}\))+)")
CITE_RUN = '<span class="cite-run">'


def tight_citations(text: Any) -> Markup:
    """``text`` escaped, with each run of citation paragraphs ("(a)(6)(iii)(A)") marked as one
    piece (``cite-run``)."""
    return Markup(_PARAGRAPHS.sub(lambda m: f"{CITE_RUN}{m.group(1)}</span>", str(escape(text))))


def _one(message: Message, lang: str, params: dict[str, Any]) -> Markup:
    if isinstance(message, tuple):       # (singular, plural): the form for params["count"]
        count = params["count"]
        text = escape(translations(lang).ngettext(message[0], message[1], int(count)))
        params = {**params, "count": count_text(count)}
    else:
        text = escape(translations(lang).gettext(message))
    if not params:
        return text
    # a {ko, en} value (e.g. a date written for each language) gives each language its own
    return text.format(**{k: v.get(lang, "") if isinstance(v, dict) else v
                          for k, v in params.items()})


def make_gettext(mode: str):
    """A gettext callable for ``mode`` returning escaped :class:`Markup`."""
    if mode not in MODES:
        raise ValueError(f"unknown report language {mode!r}")

    def gettext(message: Message, **params: Any) -> Markup:
        if mode != "both":
            return _one(message, mode, params)
        ko, en = _one(message, "ko", params), _one(message, "en", params)
        if ko == en:
            return ko
        return Markup('{}<span class="en" lang="en"> / {}</span>').format(ko, en)

    def ngettext(singular: str, plural: str, n: int, **params: Any) -> Markup:
        """``ngettext("{count} item", "{count} items", n)``: the catalog's plural form for
        ``n`` (English two, Korean one), with ``{count}`` filled."""
        return gettext((singular, plural), **{"count": n, **params})

    return gettext, ngettext


def bi(text: dict | None, mode: str, *, inline: bool = False) -> Markup:
    """A ``{ko, en}`` text for ``mode``: one language, or Korean then English (on a new line,
    or after a slash when ``inline``)."""
    if not text:
        return Markup("")
    if mode != "both":
        return tight_citations(text.get(mode, ""))
    ko, en = tight_citations(text.get("ko", "")), tight_citations(text.get("en", ""))
    if ko == en:
        return ko
    if inline:
        return Markup('{}<span class="en" lang="en"> / {}</span>').format(ko, en)
    return Markup('<span lang="ko">{}</span><br><span class="en" lang="en">{}</span>').format(
        ko, en)


@lru_cache(maxsize=None)
def environment(mode: str):
    """The environment for one report language (``ko``, ``en`` or ``both``), built once."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(paths.templates_dir())),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    gettext, ngettext = make_gettext(mode)
    env.install_gettext_callables(gettext, ngettext, newstyle=False)
    env.globals["mode"] = mode
    env.globals["langs"] = ("ko", "en") if mode == "both" else (mode,)
    env.globals["t"] = lambda text: bi(text, mode)
    env.globals["ti"] = lambda text: bi(text, mode, inline=True)
    env.filters["cites"] = tight_citations
    return env


def render(template: str, mode: str, **context: Any) -> str:
    """Render the package template ``template`` in ``mode`` with ``context``."""
    return environment(mode).get_template(template).render(**context)
