"""Rule registry checks (``rules.yaml``): every rule the packs name exists and is used, each
citation is canonical and belongs to one entry, and every timeline reads forwards in time."""

from __future__ import annotations

from collections import Counter

from wizard.core.citations import is_canonical
from wizard.core.timeline import STARTS

RULES_FILE = "rules.yaml"


def check(ctx) -> None:
    content = ctx.content
    registry_broken = "rules" in ctx.broken
    references = list(_references(ctx))
    if content.registry is None:
        if references and not registry_broken:
            pack_id, line, where, _ = references[0]
            ctx.add("R014", pack_id, line, f"{where}: names rules, but the folder has no "
                    f"{RULES_FILE}; add the rule registry (docs/pack-format.md)")
        return
    known = content.rules
    used: set[str] = set()
    for pack_id, line, where, rule_id in references:
        if rule_id is None:
            ctx.add("R001", pack_id, line, f"{where}: names no rule; name the rule behind it "
                    f"(rules: [...], ids from {RULES_FILE})")
        elif rule_id not in known:
            ctx.add("R002", pack_id, line, f"{where}: unknown rule '{rule_id}' (not in "
                    f"{RULES_FILE})")
        else:
            used.add(rule_id)
    _entries(ctx, used)


def _references(ctx):
    """(pack id, line, where, rule id or None) for every place the packs name rules; None
    where a rule is required and none is named."""
    for pack in ctx.packs:
        for name, group in pack.country_groups.items():
            if group.rule:
                yield pack.id, 1, f"country group {name}", group.rule
        for section in pack.sections:
            for q in section.questions:
                line, where = ctx.line(f"{pack.id}.{q.id}"), f"question {q.id}"
                if not q.rules and q.role in ("exposure", "control") and q.kind != "calculator":
                    yield pack.id, line, where, None
                for rule_id in q.rules:
                    yield pack.id, line, where, rule_id
        for finding in pack.findings:
            line = ctx.line(f"finding:{finding.id}")
            for rule_id in finding.rules:
                yield pack.id, line, f"finding {finding.id}", rule_id
        for action in pack.actions:
            line = ctx.line(f"action:{action.id}")
            for rule_id in action.rules:
                yield pack.id, line, f"action {action.id}", rule_id


def _entries(ctx, used: set[str]) -> None:
    rules = ctx.content.registry.rules
    known = ctx.content.rules
    registry = ctx.content.registry
    if registry.review_by <= registry.as_of:
        ctx.add_in("P003", RULES_FILE, 1, f"review_by {registry.review_by} must be after as_of "
                   f"{registry.as_of}")
    for rule_id, n in Counter(r.id for r in rules).items():
        if n > 1:
            ctx.add_in("R005", RULES_FILE, ctx.line(f"rule:{rule_id}"),
                       f"rule id '{rule_id}' is used {n} times")
    owner: dict[str, str] = {}
    for rule in rules:
        line = ctx.line(f"rule:{rule.id}")
        if not rule.citations and rule.kind != "claim":
            ctx.add_in("R015", RULES_FILE, line, f"rule {rule.id}: no citation; give its "
                       "canonical citation (only a checked claim, kind: claim, has none)")
        for citation in rule.citations:
            if not is_canonical(citation):
                ctx.add_in("R003", RULES_FILE, line, f"rule {rule.id}: citation '{citation}' is "
                           "not in canonical form (e.g. '15 CFR 744.23(a)(3)', 'ECCN 3A090', "
                           "'28 CFR 202.302'); see wizard/core/citations.py")
            if citation in owner and owner[citation] != rule.id:
                ctx.add_in("R004", RULES_FILE, line, f"rule {rule.id}: citation '{citation}' is "
                           f"already rule '{owner[citation]}'; cite one rule once")
            owner.setdefault(citation, rule.id)
        _part_of(ctx, rule, known, line)
        _timeline(ctx, rule, line)
    reached = set(used)
    for rule_id in used:  # a rule that others are part of is used through them
        seen = set()
        parent = known[rule_id].part_of
        while parent and parent in known and parent not in seen:
            seen.add(parent)
            reached.add(parent)
            parent = known[parent].part_of
    if ctx.broken:  # a pack that did not load names rules we cannot see: no "unused" news
        return
    for rule in rules:
        if rule.id not in reached:
            ctx.add_in("R009", RULES_FILE, ctx.line(f"rule:{rule.id}"),
                       f"rule {rule.id}: nothing in the packs names it; use it or remove it")


def _part_of(ctx, rule, known: dict, line: int) -> None:
    if rule.part_of is None:
        if not rule.timeline:
            ctx.add_in("R010", RULES_FILE, line, f"rule {rule.id}: no timeline; give its dated "
                       "events, or part_of the rule whose timeline it shares")
        return
    seen = {rule.id}
    parent = rule.part_of
    while parent is not None:
        if parent not in known:
            ctx.add_in("R010", RULES_FILE, line, f"rule {rule.id}: part_of names unknown rule "
                       f"'{parent}'")
            return
        if parent in seen:
            ctx.add_in("R010", RULES_FILE, line, f"rule {rule.id}: part_of goes round in a "
                       f"circle through '{parent}'")
            return
        seen.add(parent)
        parent = known[parent].part_of


def _timeline(ctx, rule, line: int) -> None:
    previous = None
    for index, event in enumerate(rule.timeline):
        at = ctx.line(f"rule:{rule.id}:{index}") if ctx.content.lines else line
        where = f"rule {rule.id}: timeline event {index + 1} ({event.event})"
        if index == 0 and STARTS[event.event] is None:
            ctx.add_in("R013", RULES_FILE, at, f"{where}: a timeline cannot start with a "
                       "milestone; give the event that started the rule's status first")
        if event.date is None:
            if index > 0:
                ctx.add_in("R011", RULES_FILE, at, f"{where}: has no date; only the first "
                           "event of a long-standing rule may leave it out")
        elif previous is not None and event.date < previous:
            ctx.add_in("R006", RULES_FILE, at, f"{where}: dated {event.date}, before the event "
                       f"above it ({previous}); list events in date order")
        if event.until is not None:
            if event.event != "suspended":
                ctx.add_in("R008", RULES_FILE, at, f"{where}: until is only for suspensions")
            elif event.date is not None and event.until < event.date:
                ctx.add_in("R007", RULES_FILE, at, f"{where}: until {event.until} is before "
                           f"its start {event.date}")
        if (event.event == "passed_chamber") != (event.chamber is not None):
            ctx.add_in("R012", RULES_FILE, at, f"{where}: chamber (house or senate) belongs to "
                       "passed_chamber events, and they need it")
        if event.date is not None:
            previous = event.date
