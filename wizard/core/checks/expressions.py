"""Condition checks (applies_if, show_if, when): unknown questions, country groups and options,
'in' on list answers, and conditions that read a question that cannot have been answered yet."""

from __future__ import annotations

from wizard.core import expr
from wizard.core.calculators import CALCULATORS
from wizard.core.iso3166 import ISO_CODES
from wizard.core.model import YES_NO_UNSURE


def check(ctx) -> None:
    content = ctx.content
    for pack in ctx.packs:
        if pack.applies_if and content.applies.get(pack.id) is not None:
            check_expr(ctx, pack, 1, "applies_if", content.applies[pack.id], before=None,
                       max_order=pack.order)
        for section in pack.sections:
            for question in section.questions:
                info = content.questions[f"{pack.id}.{question.id}"]
                for cond in info.conditions:
                    check_expr(ctx, pack, ctx.line(info.qid), f"question {question.id}: "
                               "show_if", cond, before=info.index)
    for info in content.findings:
        line = ctx.line(f"finding:{info.finding.id}")
        check_expr(ctx, info.pack, line, f"finding {info.finding.id}: when", info.when,
                   before=None)


def allowed_values(content, qid: str) -> frozenset | None:
    """The values an answer to ``qid`` can take, where that is a closed set."""
    info = content.questions.get(qid)
    if info is None:
        return None
    question = info.question
    if question.kind == "yes_no_unsure":
        return frozenset(YES_NO_UNSURE)
    if question.kind in ("single", "multi"):
        return frozenset(o.id for o in question.options)
    if question.kind == "countries":
        return ISO_CODES
    if question.kind == "calculator":
        calc = CALCULATORS.get(question.calculator or "")
        return frozenset(getattr(calc, "values", ()) or ()) or None
    return None


def check_expr(ctx, pack, line: int, where: str, tree, *, before: int | None,
               max_order: int | None = None) -> None:
    content = ctx.content
    for name in sorted(tree.groups()):
        if name not in content.groups and not ctx.broken:
            known = ", ".join("@" + g for g in sorted(content.groups)) or "none defined"
            ctx.add("X002", pack.id, line, f"{where}: unknown country group @{name} (known: "
                    f"{known})")
    for ref in sorted(tree.references()):
        info = content.questions.get(ref)
        if info is None:
            if ref.split(".", 1)[0] not in ctx.broken:
                ctx.add("X003", pack.id, line, f"{where}: unknown question '{ref}'")
            continue
        if before is not None and info.index >= before:
            ctx.add("X004", pack.id, line, f"{where}: refers to '{ref}', which comes after it, "
                    "so it can never have been answered when this is shown; move the question "
                    "earlier or the condition later")
        if max_order is not None and info.pack.order >= max_order:
            ctx.add("X005", pack.id, line, f"{where}: refers to '{ref}' in pack "
                    f"'{info.pack.id}', which is not answered before this pack")
    for node in tree.walk():
        if isinstance(node, expr.Compare):
            _compare(ctx, pack, line, where, node)


def _literal_values(node) -> list | None:
    if isinstance(node, expr.Literal):
        return [node.value]
    if isinstance(node, expr.ListLit):
        values = []
        for item in node.items:
            if not isinstance(item, expr.Literal):
                return None
            values.append(item.value)
        return values
    return None


def _compare(ctx, pack, line: int, where: str, node) -> None:
    if node.op in ("in", "not in") and isinstance(node.left, expr.Ref):
        info = ctx.content.questions.get(node.left.name)
        if info is not None and info.question.kind in ("multi", "countries"):
            ctx.add("X006", pack.id, line, f"{where}: '{node.left.name}' holds a list of "
                    f"answers; write '{node.left.name} has ...' to test for any of them ('in' "
                    "tests one value)")
    for ref_side, lit_side in ((node.left, node.right), (node.right, node.left)):
        if not isinstance(ref_side, expr.Ref):
            continue
        values = _literal_values(lit_side)
        allowed = allowed_values(ctx.content, ref_side.name)
        if values is None or allowed is None:
            continue
        for value in values:
            if isinstance(value, str) and value not in allowed:
                choices = ", ".join(sorted(allowed)) if len(allowed) < 30 else "ISO codes"
                ctx.add("X007", pack.id, line, f"{where}: '{ref_side.name}' has no option "
                        f"'{value}' (valid: {choices})")
