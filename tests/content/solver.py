"""A small, deterministic solver: answers that make a finding's ``when`` true, with every question
the triggering alternative relies on shown (its own ``show_if``, its section's and its pack's
``applies_if``, recursively). A finding that owns a risk raised by several areas reads questions
of packs a given company never sees ("... or api.serves_embargoed == 'yes'"); one alternative
is enough, and a question only excluded ("not (x == 'yes')") may stay hidden, which the engine
reads as no value.

How it works. A condition is turned into alternatives (a list of conjunctions, "DNF") of atoms
``(question, op, operand, want)``, e.g. ``('chips.hbm', 'in', ('yes', 'unsure'), True)``. For one
alternative the atoms are grouped by question and each question gets one value that meets all its
atoms (``resolve``). Every question that got an atom must be shown, so the conditions that show it
are solved the same way and merged in (``_search``, depth first). Calculator questions are set
through their number inputs (``_calculator_inputs``). The answers found are checked with
``check_answer`` and run through the real engine; the first set that yields the finding wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Any, Iterator, Optional

from wizard.core import expr as E
from wizard.core.answers import check_answer
from wizard.core.assessment import Assessment
from wizard.core.calculators import BULK_CATEGORIES, CALCULATORS
from wizard.core.engine import compute_state, evaluate
from wizard.core.errors import AssessmentError
from wizard.core.model import YES_NO_UNSURE
from wizard.core.iso3166 import ISO_CODES

MAX_ALTERNATIVES = 256      # per condition
MAX_TRIES = 400             # engine runs per finding
ANSWERED = "answered"       # pseudo-operator: the question has (want) / has no (not want) value

# datasheet figures (tops, bits, die_area) giving each chip classification (None: TPP between
# 1,600 and 4,800 without a die area, which the calculator leaves undecided)
CHIP_FIGURES = {"3A090.a": (312, 16, 826), "3A090.b": (200, 16, 800), "none": (100, 8, 800),
                None: (300, 8, None)}


class Unsat(Exception):
    """No value of a question meets all its atoms."""


@dataclass(frozen=True)
class Atom:
    qid: str
    op: str                 # a comparison of expr.COMPARISONS, 'count>'..., or ANSWERED
    operand: Any
    want: bool

    def holds(self, value: Any) -> bool:
        if self.op == ANSWERED:
            return E.Call("answered", E.Ref("x")).evaluate(_One(value)) == self.want
        if self.op.startswith("count"):
            count = E.Call("count", E.Ref("x")).evaluate(_One(value))
            node = E.Compare(self.op[5:], E.Literal(count), E.Literal(self.operand))
        else:
            node = E.Compare(self.op, E.Literal(value), E.Literal(self.operand))
        return E.truthy(node.evaluate(None)) == self.want


class _One:
    def __init__(self, value: Any) -> None:
        self._value = value

    def value(self, ref: str) -> Any:
        return self._value


# ------------------------------------------------------------------- conditions -> atoms

def _const(node: E.Expr, groups: dict) -> Any:
    """The value of a node without references (a literal, a list, a group, -literal)."""
    if isinstance(node, E.Group):
        return tuple(sorted(groups[node.name]))
    if isinstance(node, (E.Literal, E.ListLit, E.Neg)) and not node.references():
        return node.evaluate(None)
    raise NotImplementedError(f"operand {node} is not a constant")


def _compare_atoms(node: E.Compare, want: bool, groups: dict) -> list[list[Atom]]:
    left, op = node.left, node.op
    operand = _const(node.right, groups)
    if isinstance(left, E.Ref):
        return [[Atom(left.name, op, operand, want)]]
    if isinstance(left, E.Call) and left.name == "count":
        return [[Atom(left.arg.name, "count" + op, operand, want)]]
    if isinstance(left, E.BinOp) and left.op == "+" and want:   # a + b > N: put it all on a
        refs = [n.name for n in left.walk() if isinstance(n, E.Ref)]
        return [[Atom(refs[0], op, operand, True)] + [Atom(r, "==", 0, True) for r in refs[1:]]]
    raise NotImplementedError(f"comparison {node} is not supported by the solver")


def alternatives(node: Optional[E.Expr], want: bool, groups: dict) -> list[list[Atom]]:
    """Conjunctions of atoms, any one of which makes ``node`` evaluate to ``want``."""
    if node is None:
        return [[]]
    if isinstance(node, E.Not):
        return alternatives(node.item, not want, groups)
    if isinstance(node, (E.And, E.Or)):
        parts = [alternatives(item, want, groups) for item in node.items]
        if isinstance(node, E.And) == want:         # every item must hold: combine
            combos = product(*parts)
            return [[a for alt in combo for a in alt] for _, combo in
                    zip(range(MAX_ALTERNATIVES), combos)]
        return [alt for part in parts for alt in part][:MAX_ALTERNATIVES]   # any one item
    if isinstance(node, E.Compare):
        return _compare_atoms(node, want, groups)
    if isinstance(node, E.Call) and node.name == "answered":
        return [[Atom(node.arg.name, ANSWERED, None, want)]]
    if isinstance(node, E.Ref):
        return [[Atom(node.name, ANSWERED, None, want)]]
    if isinstance(node, E.Literal):
        return [[]] if E.truthy(node.value) == want else []
    raise NotImplementedError(f"{type(node).__name__} {node} is not supported by the solver")


# ------------------------------------------------------------------- atoms -> one value

def _members(atom: Atom) -> tuple:
    return atom.operand if isinstance(atom.operand, tuple) else (atom.operand,)


def _choose_set(pool: list, atoms: list[Atom], exclusive: tuple = ()) -> Optional[list]:
    """A list answer: a member for each 'has' wanted, then more until counts etc. hold."""
    forbidden = {m for a in atoms if a.op == "has" and not a.want for m in _members(a)}
    chosen: list = []
    for atom in atoms:
        if atom.op == "has" and atom.want and not atom.holds(chosen or None):
            chosen += [m for m in _members(atom) if m not in forbidden][:1]
    usable = [m for m in pool if m not in forbidden and m not in chosen and m not in exclusive]
    while usable and (not chosen or not all(a.holds(chosen) for a in atoms)):
        chosen.append(usable.pop(0))                    # a real answer, then counts etc.
    return chosen or None


def _candidates(content, qid: str, atoms: list[Atom]) -> list:
    """Values to try for ``qid``, most natural first; None (unanswered) last."""
    question = content.questions[qid].question
    kind, options = question.kind, [o.id for o in question.options]
    if kind == "calculator":
        kind = {"chip_classification": "single", "training_compute": "ops",
                "bulk_data": "multi"}[question.calculator]
        options = list(CALCULATORS[question.calculator].values)
    wanted = [m for a in atoms if a.want and a.op in ("==", "in") for m in _members(a)]
    marks = [a.operand for a in atoms if isinstance(a.operand, (int, float))
             and not isinstance(a.operand, bool)]
    if kind == "yes_no_unsure":
        found = wanted + list(YES_NO_UNSURE)
    elif kind == "single":
        found = wanted + options
    elif kind == "multi":
        found = [_choose_set(options, atoms, question.exclusive)]
    elif kind == "countries":
        found = [_choose_set(["KR", "JP", "US"] + sorted(ISO_CODES), atoms)]
    elif kind == "number":
        found = [m + d for m in marks for d in (1, 0, -1)] + [question.min, question.max, 1]
        found = [v for v in found if v is not None and _in_bounds(question, v)]
    elif kind == "ops":                                 # training compute, in operations
        found = [m * f for m in marks for f in (10, 1)] + [1e22]
    else:
        found = ["text"]
    return [v for v in found if v is not None] + [None]


def resolve(content, qid: str, atoms: list[Atom]) -> Any:
    """One value of ``qid`` meeting every atom (None = leave unanswered); raises Unsat."""
    for value in _candidates(content, qid, atoms):
        if all(a.holds(value) for a in atoms):
            return value
    raise Unsat(f"{qid}: no value meets {atoms}")


def _in_bounds(question, value) -> bool:
    low = question.min if question.min is not None else float("-inf")
    high = question.max if question.max is not None else float("inf")
    return low <= value <= high and (not question.integer or float(value).is_integer())


def _calculator_inputs(content, qid: str, value: Any) -> list[Atom]:
    """Atoms on the calculator's number inputs that make it compute ``value``."""
    question = content.questions[qid].question
    pack = qid.split(".", 1)[0]
    inputs = {slot: f"{pack}.{src}" for slot, src in question.inputs.items()}
    figures: dict[str, Any] = {slot: None for slot in inputs}
    if question.calculator == "chip_classification":
        figures.update(zip(("tops", "bits", "die_area"), CHIP_FIGURES[value]))
    elif question.calculator == "training_compute" and value is not None:
        if {"parameters", "tokens"} <= set(inputs):     # 6 x N x D, N = 1,000 billion
            figures.update(parameters=1000, tokens=value / 6e21)
        else:
            figures["operations"] = value
    elif question.calculator == "bulk_data":
        for category in value or ():
            figures[category] = BULK_CATEGORIES[category][0] + 1   # one over the threshold
        if value == []:
            figures[next(iter(inputs))] = 0
    return [Atom(inputs[slot], "==", v, True) if v is not None
            else Atom(inputs[slot], ANSWERED, None, False)
            for slot, v in figures.items() if slot in inputs]


# ------------------------------------------------------------------- the search

def _merge(state: dict[str, list[Atom]], atoms: list[Atom]) -> dict[str, list[Atom]]:
    merged = {qid: list(found) for qid, found in state.items()}
    for atom in atoms:
        merged.setdefault(atom.qid, []).append(atom)
    return merged


def _shown_condition(content, qid: str) -> Optional[E.Expr]:
    """What must hold for ``qid`` to be shown: its pack applies, its section and itself show."""
    info = content.questions[qid]
    nodes = [c for c in (content.applies.get(info.pack.id), *info.conditions) if c is not None]
    return None if not nodes else nodes[0] if len(nodes) == 1 else E.And(tuple(nodes))


def _relied_on(atoms: list[Atom]) -> bool:
    """Whether a question must be shown for these atoms: it must hold some value (an atom that
    wants a value), not merely lack one."""
    return any(a.want for a in atoms)


def _search(content, state: dict[str, list[Atom]], shown: frozenset,
            computed: frozenset) -> Iterator[dict[str, Any]]:
    """Value sets meeting every atom in ``state``, every question in it shown."""
    try:
        values = {qid: resolve(content, qid, atoms) for qid, atoms in state.items()}
    except Unsat:
        return
    for qid, value in values.items():                   # calculators: set their inputs
        if content.questions[qid].question.kind == "calculator" and qid not in computed:
            inputs = _calculator_inputs(content, qid, value)
            yield from _search(content, _merge(state, inputs), shown, computed | {qid})
            return
    pending = sorted((q for q in state if q not in shown and _relied_on(state[q])),
                     key=lambda q: content.questions[q].index)
    if not pending:
        yield values
        return
    qid = pending[0]
    for alt in alternatives(_shown_condition(content, qid), True, content.groups):
        yield from _search(content, _merge(state, alt), shown | {qid}, computed)


def solve(content, info) -> Optional[dict[str, Any]]:
    """Checked answers under which the engine reports finding ``info`` with every question the
    triggering alternative relies on shown, or None when none is found within the budget."""
    tries = 0
    for alt in alternatives(info.when, True, content.groups):
        refs = {a.qid for a in alt if a.want}
        for values in _search(content, _merge({}, alt), frozenset(), frozenset()):
            tries += 1
            if tries > MAX_TRIES:
                return None
            try:
                answers = {qid: check_answer(content.questions[qid].question, value, qid)
                           for qid, value in values.items() if value is not None
                           and content.questions[qid].question.kind != "calculator"}
            except AssessmentError:
                continue
            report = evaluate(content, Assessment(answers=answers))
            state = compute_state(content, answers)
            if info.finding.id in {f.id for f in report.findings} \
                    and all(state.is_visible(ref) for ref in refs):
                return answers
    return None
