"""The command line's own words in the user's language, like every other message.

* ``say(msgid, **params)``: a program string in the system's language (``LC_ALL``,
  ``LC_MESSAGES`` or ``LANG`` starting with ``ko``: Korean; else English), for ``--help`` texts
  and messages.
* ``argparse_speaking(lang)``: while the parser is built and runs, argparse's own messages
  ("usage:", "options", "the following arguments are required: ...", "invalid choice: ...") are
  translated through the same catalogs. argparse looks them up with the ``gettext``/``ngettext``
  functions it imported; they are swapped for the catalog's and put back afterwards. The
  msgids below are argparse's (Python 3.11); a Python whose argparse words them differently
  shows those few in English.
"""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from typing import Any, Iterator

from wizard.i18n import N_, NP_, default_language, translate, translations

# argparse's own messages that a user can meet, marked for extraction; %-placeholders are
# argparse's and stay as they are in the translations
ARGPARSE = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
)
ARGPARSE_PLURALS = (NP_("expected %s argument", "expected %s arguments"),)


def language() -> str:
    """The language of the command line's words: the system's (``ko`` or ``en``)."""
    return default_language()


def say(msgid: str, /, **params: Any) -> str:
    """A program string in the command line's language."""
    return translate(msgid, language(), **params)


@contextmanager
def argparse_speaking(lang: str) -> Iterator[None]:
    """argparse's own messages in ``lang`` while the block runs."""
    catalog = translations(lang)
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = catalog.gettext, catalog.ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
