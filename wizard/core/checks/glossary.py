"""Glossary checks: term ids used once."""

from __future__ import annotations

from collections import Counter


def check(ctx) -> None:
    glossary = ctx.content.glossary
    if glossary is None:
        return
    for tid, n in Counter(t.id for t in glossary.terms).items():
        if n > 1:
            ctx.add_in("G001", "glossary.yaml", 1, f"glossary term id '{tid}' is used {n} times")
