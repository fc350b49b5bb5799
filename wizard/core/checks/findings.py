"""Finding and action checks: every finding names actions that exist, every action is called
for, ids are unique across packs, and watch items are not marked as serious obligations."""

from __future__ import annotations

from wizard.core.timeline import state_on

_MAX_WATCH_SEVERITY = ("medium", "low", "info")


def check(ctx) -> None:
    content = ctx.content
    for pack in ctx.packs:
        for finding in pack.findings:
            line = ctx.line(f"finding:{finding.id}")
            where = f"finding {finding.id}"
            if not finding.actions:
                ctx.add("N001", pack.id, line, f"{where}: names no action; say what the user "
                        "should do")
            for aid in finding.actions:
                if aid not in content.actions and not ctx.broken:
                    ctx.add("N002", pack.id, line, f"{where}: unknown action '{aid}'")
            rule = content.rules.get(finding.rules[0]) if finding.rules else None
            if rule is not None:
                state = state_on(rule, content.rules, pack.as_of)
                if state.watch and finding.severity not in _MAX_WATCH_SEVERITY:
                    ctx.add("N003", pack.id, line, f"{where}: its rule '{rule.id}' is "
                            f"{state.status.replace('_', ' ')} on the pack's as_of date, a watch "
                            "item and not an obligation; its severity must be medium or lower, "
                            f"not {finding.severity}")
    _unique_ids(ctx)
    _actions_used(ctx)


def _unique_ids(ctx) -> None:
    seen: dict[str, str] = {}
    for pack in ctx.packs:
        for kind, items in (("finding", pack.findings), ("action", pack.actions)):
            for item in items:
                key = f"{kind}:{item.id}"
                if key in seen:
                    ctx.add("N004", pack.id, ctx.line(key), f"{kind} id '{item.id}' is already "
                            f"used in pack '{seen[key]}'")
                else:
                    seen[key] = pack.id


def _actions_used(ctx) -> None:
    used = {aid for pack in ctx.packs for f in pack.findings for aid in f.actions}
    for aid, info in ctx.content.actions.items():
        if aid not in used:
            ctx.add("N005", info.pack.id, ctx.line(f"action:{aid}"),
                    f"action {aid}: no finding calls for it; use it or remove it")
