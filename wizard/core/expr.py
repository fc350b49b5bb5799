"""Condition expressions: ``show_if``, ``applies_if`` and ``when`` (see docs/pack-format.md).

A hand-written tokenizer and precedence-climbing parser turn a condition into a tree of frozen
dataclasses. Nothing is ever passed to eval, exec or compile. Grammar, loosest binding first::

    or       := and ('or' and)*
    and      := not ('and' not)*
    not      := 'not' not | compare
    compare  := sum [('==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in' | 'has') sum]
    sum      := product (('+' | '-') product)*
    product  := unary (('*' | '/') unary)*
    unary    := '-' unary | atom
    atom     := NUMBER | STRING | 'true' | 'false' | REF | '@' NAME | '(' or ')'
              | '[' [or (',' or)* [',']] ']' | ('answered' | 'count') '(' REF ')'
    REF      := NAME ['.' NAME]           NAME := [A-Za-z_][A-Za-z0-9_]*
    NUMBER   := digits ['.' digits] [('e' | 'E') ['+' | '-'] digits]
    STRING   := '...' or "..."; a backslash may only escape ', " or a backslash

Comparisons do not chain (``a < b < c`` is an error). A bare ``NAME`` parsed for a pack becomes
``pack.NAME``; ``other.NAME`` is kept. Keywords are lowercase. Negative number literals are folded
(``-2`` is ``Literal(-2)``). Conditions are at most 2000 characters and 40 levels deep.

Evaluation never raises for data (only the environment may raise, e.g. for an unknown group):
an unanswered question (None) makes every comparison, ``in`` and ``has`` false; arithmetic with no
value, a non-number or division by zero gives None; values of different types (number, text,
true/false, list) are never equal or ordered, so ``==``, ``!=`` and ``<`` are all false for them.
Lists compare as sets. ``and``, ``or`` and ``not`` use :func:`truthy` and give True or False.
Every node keeps a 1-based ``column``: its operator for binary nodes, else its first token.
"""

from __future__ import annotations

import functools
import math
import operator
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, NoReturn, Protocol

from wizard.core.errors import ExpressionError

__all__ = ["Expr", "Or", "And", "Not", "Compare", "BinOp", "Neg", "Literal", "Ref", "Group",
           "ListLit", "Call", "Env", "parse", "evaluate", "truthy", "FUNCTIONS", "KEYWORDS",
           "COMPARISONS", "MAX_LENGTH", "MAX_DEPTH"]

MAX_LENGTH = 2000
MAX_DEPTH = 40
FUNCTIONS = ("answered", "count")
KEYWORDS = frozenset({"and", "or", "not", "in", "has", "true", "false"})
COMPARISONS = ("==", "!=", "<", "<=", ">", ">=", "in", "not in", "has")


class Env(Protocol):
    """What evaluation needs: answers by qualified question id, and country groups."""

    def value(self, ref: str) -> Any | None: ...          # None: unanswered or hidden
    def group(self, name: str) -> frozenset[str]: ...    # raises ExpressionError if unknown


# ------------------------------------------------------------------------------------ values

_COLL = (list, tuple, set, frozenset)
_SIZED = (str, list, tuple, set, frozenset, dict)


def truthy(value: Any) -> bool:
    """False for None, false, 0, '' and empty lists or sets; True otherwise."""
    if value is None or isinstance(value, bool):
        return value is True
    if isinstance(value, (int, float)):
        return value != 0
    return len(value) > 0 if isinstance(value, _SIZED) else True


def _kind(v: Any) -> str | None:
    """Values of different kinds are never equal or ordered; None: not comparable at all."""
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "num"
    if isinstance(v, str):
        return "str"
    return "coll" if isinstance(v, _COLL) else None


def _eq(a: Any, b: Any) -> bool | None:
    """Equality, or None when the two values cannot be compared. Lists compare as sets."""
    kind = _kind(a)
    if kind is None or kind != _kind(b):
        return None
    if kind != "coll":
        return a == b
    try:
        return frozenset(a) == frozenset(b)
    except TypeError:                       # unhashable items: fall back to order
        return list(a) == list(b)


def _member(x: Any, coll: Any) -> bool:
    if isinstance(x, str):                  # text only ever equals text: a plain lookup is exact
        return x in coll
    return any(_eq(x, item) for item in coll)


def _has(a: Any, b: Any) -> bool:
    if not isinstance(a, _COLL):
        return False
    if not isinstance(b, _COLL):
        return _member(b, a)
    if isinstance(b, (set, frozenset)):     # scan the answer, look each item up in the group
        return any(_member(x, b) for x in a)
    return any(_member(x, a) for x in b)


def _ordered(fn: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    def compare(a: Any, b: Any) -> bool:
        kind = _kind(a)
        return (kind == "num" or kind == "str") and kind == _kind(b) and fn(a, b)
    return compare


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {     # both operands are never None here
    "==": lambda a, b: _eq(a, b) is True,
    "!=": lambda a, b: _eq(a, b) is False,
    "<": _ordered(operator.lt), "<=": _ordered(operator.le),
    ">": _ordered(operator.gt), ">=": _ordered(operator.ge),
    "in": lambda a, b: isinstance(b, _COLL) and _member(a, b),
    "not in": lambda a, b: isinstance(b, _COLL) and not _member(a, b),
    "has": _has,
}
_ARITH = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


# --------------------------------------------------------------------------------- the tree

def _col() -> Any:
    return field(default=0, compare=False, repr=False)


class Expr:
    """Base of every node. ``prec`` is how tightly a node binds (for printing brackets)."""

    __slots__ = ()
    prec = 8

    def evaluate(self, env: Env) -> Any:
        raise NotImplementedError

    def children(self) -> tuple[Expr, ...]:
        return ()

    def walk(self) -> Iterator[Expr]:
        """This node and every node below it, depth first, left to right."""
        stack: list[Expr] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children()))

    def references(self) -> frozenset[str]:
        return frozenset(n.name for n in self.walk() if isinstance(n, Ref))

    def groups(self) -> frozenset[str]:
        return frozenset(n.name for n in self.walk() if isinstance(n, Group))

    def to_source(self) -> str:
        """Canonical text: single quotes, one space around operators, minimal brackets."""
        return self._src()

    def _src(self) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self._src()


def _wrap(node: Expr, need: int) -> str:
    return f"({node._src()})" if node.prec < need else node._src()


@dataclass(frozen=True, slots=True)
class Literal(Expr):
    value: Any                                  # int, float, str or bool
    column: int = _col()

    def evaluate(self, env: Env) -> Any: return self.value

    def _src(self) -> str:
        v = self.value
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, str):
            return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"
        if isinstance(v, float) and math.isinf(v):
            return "1e999" if v > 0 else "-1e999"
        return repr(v)


@dataclass(frozen=True, slots=True)
class Ref(Expr):
    name: str                                   # qualified: pack.question
    column: int = _col()

    def evaluate(self, env: Env) -> Any: return env.value(self.name)
    def _src(self) -> str: return self.name


@dataclass(frozen=True, slots=True)
class Group(Expr):
    name: str                                   # without the '@'
    column: int = _col()

    def evaluate(self, env: Env) -> Any: return env.group(self.name)
    def _src(self) -> str: return "@" + self.name


@dataclass(frozen=True, slots=True)
class ListLit(Expr):
    items: tuple[Expr, ...]
    column: int = _col()
    _const: tuple | None = field(default=None, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:            # a list of literals is built once, not per use
        if all(isinstance(i, Literal) for i in self.items):
            object.__setattr__(self, "_const", tuple(i.value for i in self.items))

    def evaluate(self, env: Env) -> Any:
        if self._const is not None:
            return self._const
        return tuple(i.evaluate(env) for i in self.items)

    def children(self) -> tuple[Expr, ...]: return self.items
    def _src(self) -> str: return "[" + ", ".join(i._src() for i in self.items) + "]"


@dataclass(frozen=True, slots=True)
class Call(Expr):
    name: str                                   # 'answered' or 'count'
    arg: Ref
    column: int = _col()

    def evaluate(self, env: Env) -> Any:
        v = self.arg.evaluate(env)
        empty = v is None or (isinstance(v, (str, *_COLL)) and not v)
        if self.name == "answered":
            return not empty
        return 0 if empty else len(v) if isinstance(v, _COLL) else 1

    def children(self) -> tuple[Expr, ...]: return (self.arg,)
    def _src(self) -> str: return f"{self.name}({self.arg._src()})"


@dataclass(frozen=True, slots=True)
class Neg(Expr):
    item: Expr
    column: int = _col()
    prec = 7

    def evaluate(self, env: Env) -> Any:
        v = self.item.evaluate(env)
        return -v if _kind(v) == "num" else None

    def children(self) -> tuple[Expr, ...]: return (self.item,)
    def _src(self) -> str: return "-" + _wrap(self.item, 7)


@dataclass(frozen=True, slots=True)
class BinOp(Expr):
    op: str                                     # + - * /
    left: Expr
    right: Expr
    column: int = _col()

    @property
    def prec(self) -> int:                      # type: ignore[override]
        return 5 if self.op in "+-" else 6

    def evaluate(self, env: Env) -> Any:
        a, b = self.left.evaluate(env), self.right.evaluate(env)
        if _kind(a) != "num" or _kind(b) != "num":
            return None
        try:
            return _ARITH[self.op](a, b)
        except (ZeroDivisionError, OverflowError):
            return None

    def children(self) -> tuple[Expr, ...]: return (self.left, self.right)
    def _src(self) -> str:
        return f"{_wrap(self.left, self.prec)} {self.op} {_wrap(self.right, self.prec + 1)}"


@dataclass(frozen=True, slots=True)
class Compare(Expr):
    op: str                                     # one of COMPARISONS
    left: Expr
    right: Expr
    column: int = _col()
    prec = 4

    def evaluate(self, env: Env) -> bool:
        a = self.left.evaluate(env)
        if a is None:
            return False
        b = self.right.evaluate(env)
        return b is not None and _COMPARE[self.op](a, b)

    def children(self) -> tuple[Expr, ...]: return (self.left, self.right)
    def _src(self) -> str: return f"{_wrap(self.left, 5)} {self.op} {_wrap(self.right, 5)}"


@dataclass(frozen=True, slots=True)
class Not(Expr):
    item: Expr
    column: int = _col()
    prec = 3

    def evaluate(self, env: Env) -> bool: return not truthy(self.item.evaluate(env))
    def children(self) -> tuple[Expr, ...]: return (self.item,)
    def _src(self) -> str: return "not " + _wrap(self.item, 3)


@dataclass(frozen=True, slots=True)
class And(Expr):
    items: tuple[Expr, ...]
    column: int = _col()                        # of the first 'and'
    prec = 2

    def evaluate(self, env: Env) -> bool:
        for item in self.items:
            if not truthy(item.evaluate(env)):
                return False
        return True

    def children(self) -> tuple[Expr, ...]: return self.items
    def _src(self) -> str: return " and ".join(_wrap(i, 3) for i in self.items)


@dataclass(frozen=True, slots=True)
class Or(Expr):
    items: tuple[Expr, ...]
    column: int = _col()                        # of the first 'or'
    prec = 1

    def evaluate(self, env: Env) -> bool:
        for item in self.items:
            if truthy(item.evaluate(env)):
                return True
        return False

    def children(self) -> tuple[Expr, ...]: return self.items
    def _src(self) -> str: return " or ".join(_wrap(i, 2) for i in self.items)


# ---------------------------------------------------------------------------- the tokenizer

_TOKEN = re.compile(r"""
    (?P<bad> && | \|\| | <> | =< | => | [&|] | =(?!=) | !(?!=) )
  | (?P<op> == | != | <= | >= | [<>+\-*/()\[\],] )
  | (?P<num> [0-9]+ (?:\.[0-9]+)? (?:[eE][+-]?[0-9]+)? ) (?P<junk> [\w.]* )
  | (?P<name> [A-Za-z_]\w* (?:\.[A-Za-z_]\w*)* \.? )
  | @ (?P<group> [A-Za-z_]\w* )
""", re.VERBOSE | re.ASCII)
_BAD_OPS = {"&&": "'and'", "&": "'and'", "||": "'or'", "|": "'or'", "<>": "'!='", "=<": "'<='",
            "=>": "'>='", "=": "'=='", "!": "'not' or '!='"}

_Token = tuple  # (kind, value, column, text); kind: num str name kw group op end


def _tokenize(src: str) -> list[_Token]:
    def fail(message: str, index: int) -> NoReturn:
        raise ExpressionError(message, source=src, column=index + 1)

    tokens: list[_Token] = []
    i, n = 0, len(src)
    while i < n:
        c, start = src[i], i
        if c.isspace():
            i += 1
        elif c == "'" or c == '"':
            chars, i = [], i + 1
            while True:
                if i >= n or (src[i] == "\\" and i + 1 >= n):
                    fail(f"unterminated string: add the closing {c}", start)
                if src[i] == c:
                    break
                if src[i] == "\\":
                    i += 1
                    if src[i] not in "\\'\"":
                        fail("a backslash in text may only come before ', \" or a backslash", i - 1)
                chars.append(src[i])
                i += 1
            i += 1
            tokens.append(("str", "".join(chars), start + 1, src[start:i]))
        else:
            m = _TOKEN.match(src, i)
            if m is None:
                fail("expected a group name after '@', e.g. @D5" if c == "@"
                     else f"unexpected character {c!r}", i)
            i, text = m.end(), m.group()
            if m["bad"]:
                fail(f"{text!r} is not an operator: use {_BAD_OPS[text]}", start)
            if m["junk"]:
                fail(f"malformed number {text!r}", start)
            if m["num"]:
                number = float(text) if any(ch in text for ch in ".eE") else int(text)
                tokens.append(("num", number, start + 1, text))
            elif m["name"]:
                _check_name(text, start, fail)
                tokens.append(("kw" if text in KEYWORDS else "name", text, start + 1, text))
            else:
                tokens.append(("group", m["group"], start + 1, text) if m["group"]
                              else ("op", text, start + 1, text))
    tokens.append(("end", None, n + 1, ""))
    return tokens


def _check_name(text: str, start: int, fail: Callable[[str, int], NoReturn]) -> None:
    if text.endswith("."):
        fail(f"expected a question id after {text!r}", start + len(text))
    parts = text.split(".")
    if len(parts) > 2:
        second_dot = text.index(".", len(parts[0]) + 1)
        fail("a reference has at most one dot: pack.question", start + second_dot)
    for part, at in zip(parts, (start, start + len(parts[0]) + 1)):
        if part in KEYWORDS and len(parts) > 1:
            fail(f"{part!r} is a keyword, not a question id", at)
        if part.lower() in KEYWORDS and part not in KEYWORDS:
            fail(f"{part!r} is not a keyword: write {part.lower()!r} (keywords are lowercase)", at)


# ------------------------------------------------------------------------------- the parser

_OR, _AND, _NOT, _CMP, _SUM, _PRODUCT, _NEG = range(1, 8)
_BINARY = {"or": _OR, "and": _AND, "+": _SUM, "-": _SUM, "*": _PRODUCT, "/": _PRODUCT,
           **{op: _CMP for op in COMPARISONS if op != "not in"}}
_HINTS = {"is": "use '=='", "contains": "use 'has'", "includes": "use 'has'"}
_TOO_DEEP = f"the condition is nested too deeply (more than {MAX_DEPTH} levels): simplify it"


class _Parser:
    """Precedence climbing over the token list. ``depth`` counts open brackets and prefixes."""

    def __init__(self, src: str, pack: str | None) -> None:
        self.src, self.pack = src, pack
        self.tokens, self.pos, self.depth = _tokenize(src), 0, 0

    def fail(self, message: str, column: int) -> NoReturn:
        raise ExpressionError(message, source=self.src, column=column)

    def at(self, kind: str, value: str) -> bool:
        return self.tokens[self.pos][:2] == (kind, value)

    def nest(self, column: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.fail(_TOO_DEEP, column)

    def qualify(self, name: str) -> str:
        return name if self.pack is None or "." in name else f"{self.pack}.{name}"

    def unexpected(self, after: str | None) -> NoReturn:
        kind, _, column, text = self.tokens[self.pos]
        if after is not None:
            found = "" if kind == "end" else f", found {text!r}"
            self.fail(f"expected an expression after {after!r}{found}", column)
        if kind == "end":
            self.fail("unexpected end of the condition", column)
        hint = _HINTS.get(text) or ("is 'and', 'or' or an operator missing before it?"
                                    if kind in ("num", "str", "name", "group") else "")
        self.fail(f"unexpected {text!r}" + (f": {hint}" if hint else ""), column)

    def parse(self) -> Expr:
        if self.tokens[0][0] == "end":
            self.fail("the condition is empty", 1)
        node = self.expr(_OR, None)
        if self.tokens[self.pos][0] != "end":
            self.unexpected(None)
        return node

    def binary(self) -> tuple[str, int]:
        kind, value, _, _ = self.tokens[self.pos]
        if kind == "op" or kind == "kw":
            if value in _BINARY:
                return value, _BINARY[value]
            if value == "not" and self.tokens[self.pos + 1][:2] == ("kw", "in"):
                return "not in", _CMP
        return "", 0

    def expr(self, min_prec: int, after: str | None) -> Expr:
        left = self.prefix(min_prec, after)
        compared = False
        while True:
            op, prec = self.binary()
            if prec < min_prec:
                return left
            column = self.tokens[self.pos][2]
            self.pos += 2 if op == "not in" else 1
            if prec <= _AND:                    # 'a or b or c' is one Or of three items
                items = [left, self.expr(prec + 1, op)]
                while self.binary()[0] == op:
                    self.pos += 1
                    items.append(self.expr(prec + 1, op))
                left = (Or if op == "or" else And)(tuple(items), column)
            elif prec == _CMP:
                if compared:
                    self.fail("comparisons cannot be chained: join them with 'and', "
                              "e.g. a < b and b < c", column)
                left = Compare(op, left, self.expr(_SUM, op), column)
            else:
                left = BinOp(op, left, self.expr(prec + 1, op), column)
            compared = prec == _CMP

    def prefix(self, min_prec: int, after: str | None) -> Expr:
        kind, value, column, _ = self.tokens[self.pos]
        if kind == "kw" and value == "not":
            if min_prec > _NOT:
                self.fail(f"'not' cannot come straight after {after!r}: put brackets around "
                          "the 'not' part", column)
            self.pos += 1
            self.nest(column)
            node: Expr = Not(self.expr(_NOT, "not"), column)
        elif kind == "op" and value == "-":
            self.pos += 1
            self.nest(column)
            node = self.prefix(_NEG, "-")
            node = (Literal(-node.value, column) if isinstance(node, Literal)
                    and _kind(node.value) == "num" else Neg(node, column))
        else:
            return self.atom(after)
        self.depth -= 1
        return node

    def atom(self, after: str | None) -> Expr:
        kind, value, column, _ = self.tokens[self.pos]
        self.pos += 1
        if kind == "num" or kind == "str":
            return Literal(value, column)
        if kind == "kw" and value in ("true", "false"):
            return Literal(value == "true", column)
        if kind == "group":
            return Group(value, column)
        if kind == "name":
            return self.call(value, column) if self.at("op", "(") else Ref(self.qualify(value),
                                                                             column)
        if kind == "op" and value == "(":
            self.nest(column)
            node = self.expr(_OR, "(")
            self.close(")", column, "')'")
            return node
        if kind == "op" and value == "[":
            self.nest(column)
            items: list[Expr] = []
            while not self.at("op", "]"):
                items.append(self.expr(_OR, "," if items else "["))
                if not self.at("op", ","):
                    break
                self.pos += 1
            self.close("]", column, "',' or ']'")
            return ListLit(tuple(items), column)
        self.pos -= 1
        self.unexpected(after)

    def close(self, closer: str, open_column: int, wanted: str) -> None:
        kind, value, column, text = self.tokens[self.pos]
        opener = "(" if closer == ")" else "["
        if kind == "end":
            self.fail(f"{opener!r} is never closed: add {closer!r}", open_column)
        if (kind, value) != ("op", closer):
            self.fail(f"expected {wanted} to close the {opener!r} at column {open_column}, "
                      f"found {text!r}", column)
        self.pos += 1
        self.depth -= 1

    def call(self, name: str, column: int) -> Call:
        if name not in FUNCTIONS:
            self.fail(f"unknown function {name!r}: use answered() or count()", column)
        kind, value, arg_column, _ = self.tokens[self.pos + 1]
        self.pos += 2                           # past '(' and the argument
        if kind != "name":
            self.fail(f"{name}() takes one question id, e.g. {name}(q)", arg_column)
        if not self.at("op", ")"):
            self.fail(f"{name}() takes one question id, e.g. {name}(q)", self.tokens[self.pos][2])
        self.pos += 1
        return Call(name, Ref(self.qualify(value), arg_column), column)


def _check_depth(root: Expr, source: str) -> None:
    """Long chains such as 'a + b + c + ...' nest without brackets: bound the tree too."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExpressionError(_TOO_DEEP, source=source, column=node.column)
        stack.extend((child, depth + 1) for child in node.children())


@functools.lru_cache(maxsize=4096)
def _parse_cached(source: str, pack: str | None) -> Expr:
    node = _Parser(source, pack).parse()
    _check_depth(node, source)
    return node


def parse(source: str, pack: str | None = None) -> Expr:
    """Parse a condition; bare question ids are qualified with ``pack``. Raises ExpressionError."""
    if not isinstance(source, str):
        raise ExpressionError(f"a condition must be text, not {type(source).__name__}")
    if len(source) > MAX_LENGTH:
        raise ExpressionError(f"the condition is too long ({len(source)} characters, at most "
                              f"{MAX_LENGTH}): split it", source=source, column=MAX_LENGTH + 1)
    return _parse_cached(source, pack)


def evaluate(expr: Expr | str, env: Env, pack: str | None = None) -> Any:
    """Evaluate a parsed condition, or parse (cached) and evaluate its text."""
    if isinstance(expr, str):
        expr = parse(expr, pack)
    return expr.evaluate(env)
