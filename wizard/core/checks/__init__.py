"""Cross-reference checks on loaded content: everything the format (pydantic) cannot see.

``check(content, read, broken)`` returns every problem, each with file, line and a stable code
(``codes.CODES``), so an author fixes them all in one pass. One module per concern:

    packs        pack ids, file names, dates, duplicate section and question ids, country groups
    questions    options, controls, number bounds, calculator wiring
    expressions  conditions: unknown questions, groups and options, reading what comes later
    findings     findings and actions: actions named and used, watch items' severity, ids
    rules        the rule registry: references, citations, timelines, entries nothing uses
    glossary     glossary term ids
"""

from __future__ import annotations

from wizard.core.checks import expressions, findings, glossary, packs, questions, rules
from wizard.core.checks.base import Context
from wizard.core.problems import Problem

CONCERNS = (packs, questions, expressions, findings, rules, glossary)


def check(content, read, broken=frozenset()) -> list[Problem]:
    """Every cross-reference problem of ``content`` (``read``: the packs as read, with their
    YAML data; ``broken``: names of files that failed to load, whose absence is not news)."""
    context = Context(content, read, set(broken))
    for concern in CONCERNS:
        concern.check(context)
    return context.problems
