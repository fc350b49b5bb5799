"""Question checks: options, controls and their credits, number bounds, calculator wiring."""

from __future__ import annotations

from collections import Counter

from wizard.core.calculators import CALCULATORS


def check(ctx) -> None:
    for pack in ctx.packs:
        for section in pack.sections:
            for question in section.questions:
                _question(ctx, pack, question)


def _question(ctx, pack, q) -> None:
    qid = f"{pack.id}.{q.id}"
    info = ctx.content.questions[qid]
    line = ctx.line(qid)
    where = f"question {q.id}"
    if q.kind in ("single", "multi"):
        if len(q.options) < 2:
            ctx.add("Q001", pack.id, line, f"{where}: a {q.kind} question needs at least 2 "
                    "options")
        for oid, n in Counter(o.id for o in q.options).items():
            if n > 1:
                ctx.add("Q002", pack.id, line, f"{where}: option id '{oid}' is used {n} times")
    elif q.options:
        ctx.add("Q003", pack.id, line, f"{where}: options are only for single and multi "
                "questions")
    for oid in q.exclusive:
        if q.kind != "multi" or q.option(oid) is None:
            ctx.add("Q004", pack.id, line, f"{where}: exclusive option '{oid}' is not an option "
                    "of this multi question")
    if q.role == "control":
        if q.kind == "single":
            if any(o.credit is None for o in q.options):
                ctx.add("Q005", pack.id, line, f"{where}: every option of a single-choice "
                        "control needs a credit between 0 and 1")
        elif q.kind != "yes_no_unsure":
            ctx.add("Q006", pack.id, line, f"{where}: a control must be a yes_no_unsure or "
                    "single question")
    if q.kind == "number" and q.min is not None and q.max is not None and q.min > q.max:
        ctx.add("Q007", pack.id, line, f"{where}: min {q.min} is above max {q.max}")
    if q.kind == "calculator":
        _calculator(ctx, pack, q, info, line)
    elif q.calculator or q.inputs:
        ctx.add("Q008", pack.id, line, f"{where}: calculator and inputs are only for "
                "calculator questions")


def _calculator(ctx, pack, q, info, line) -> None:
    where = f"question {q.id}"
    calc = CALCULATORS.get(q.calculator or "")
    if calc is None:
        ctx.add("C001", pack.id, line, f"{where}: unknown calculator '{q.calculator}' (valid: "
                f"{', '.join(sorted(CALCULATORS))})")
        return
    for slot, source in q.inputs.items():
        if slot not in calc.slots:
            ctx.add("C002", pack.id, line, f"{where}: calculator {q.calculator} has no input "
                    f"'{slot}' (valid: {', '.join(calc.slots)})")
        src = ctx.content.questions.get(f"{pack.id}.{source}")
        if src is None:
            ctx.add("C003", pack.id, line, f"{where}: input {slot} names unknown question "
                    f"'{source}'")
        elif src.question.kind != "number":
            ctx.add("C004", pack.id, line, f"{where}: input {slot} must be a number question")
        elif src.index >= info.index:
            ctx.add("C005", pack.id, line, f"{where}: input {slot} ('{source}') must come "
                    "before the calculator")
    if not q.inputs:
        ctx.add("C006", pack.id, line, f"{where}: a calculator needs inputs")
