"""Tests for the condition language (wizard/core/expr.py)."""

from __future__ import annotations

import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core import expr as ex
from wizard.core.errors import ExpressionError
from wizard.core.expr import (And, BinOp, Call, Compare, Expr, ListLit, Literal, Neg, Not,
                              Or, Ref, evaluate, parse, truthy)


class FakeEnv:
    """Answers by qualified id; unknown ids are unanswered; unknown groups raise."""

    def __init__(self, values: dict | None = None, groups: dict | None = None) -> None:
        self.values = values or {}
        self.groups = {"D5": frozenset({"CN", "RU", "MO"}), "macau": frozenset({"MO"}),
                       **(groups or {})}

    def value(self, ref):
        return self.values.get(ref)

    def group(self, name):
        if name not in self.groups:
            raise ExpressionError(f"unknown country group '@{name}'")
        return self.groups[name]


def ev(source, **values):
    return evaluate(parse(source), FakeEnv(values))


# ------------------------------------------------------------------------------- precedence

def test_not_binds_looser_than_comparison_and_tighter_than_or():
    assert parse("not a == 'x' or b") == Or((Not(Compare("==", Ref("a"), Literal("x"))), Ref("b")))


def test_arithmetic_precedence():
    assert parse("1 + 2 * 3 == 7") == Compare(
        "==", BinOp("+", Literal(1), BinOp("*", Literal(2), Literal(3))), Literal(7))
    assert ev("1 + 2 * 3 == 7") is True
    assert ev("(1 + 2) * 3") == 9


def test_unary_minus_binds_tightest():
    assert parse("-2 * 3") == BinOp("*", Literal(-2), Literal(3))
    assert ev("-2 * 3") == -6
    assert parse("-a * b") == BinOp("*", Neg(Ref("a")), Ref("b"))
    assert ev("- -a", a=4) == 4
    assert ev("-(2 + 3)") == -5


def test_and_binds_tighter_than_or_and_chains_flatten():
    assert parse("a or b and c") == Or((Ref("a"), And((Ref("b"), Ref("c")))))
    assert parse("a and b and c") == And((Ref("a"), Ref("b"), Ref("c")))
    assert parse("(a or b) and c") == And((Or((Ref("a"), Ref("b"))), Ref("c")))


def test_left_associative_arithmetic():
    assert ev("10 - 3 - 2") == 5
    assert ev("12 / 3 / 2") == 2


def test_not_repeats_and_not_in():
    assert parse("not not a") == Not(Not(Ref("a")))
    assert parse("a not in [1]") == Compare("not in", Ref("a"), ListLit((Literal(1),)))
    assert parse("not a in [1]") == Not(Compare("in", Ref("a"), ListLit((Literal(1),))))


def test_comparison_of_sums():
    assert parse("a + b > c * 2") == Compare(
        ">", BinOp("+", Ref("a"), Ref("b")), BinOp("*", Ref("c"), Literal(2)))


def test_brackets_allow_comparing_comparisons():
    assert parse("(a == b) == c") == Compare("==", Compare("==", Ref("a"), Ref("b")), Ref("c"))


# ---------------------------------------------------------------------------------- literals

@pytest.mark.parametrize("source, value", [
    ("12", 12), ("3.5", 3.5), ("1e25", 1e25), ("2.5E-3", 2.5e-3), ("1E+2", 100.0),
    ("'text'", "text"), ('"text"', "text"), (r"'it\'s'", "it's"), (r'"a\"b"', 'a"b'),
    (r"'back\\slash'", "back\\slash"), ("true", True), ("false", False), ("''", ""),
    ("'a \"b\" c'", 'a "b" c'), ("-7", -7),
])
def test_literals(source, value):
    node = parse(source)
    assert isinstance(node, Literal)
    assert node.value == value and type(node.value) is type(value)


def test_lists_hold_any_expression():
    node = parse("[a, 'b', 3, x + 1, [1]]", "p")
    assert node == ListLit((Ref("p.a"), Literal("b"), Literal(3),
                            BinOp("+", Ref("p.x"), Literal(1)), ListLit((Literal(1),))))
    assert node.evaluate(FakeEnv({"p.a": "A", "p.x": 1})) == ("A", "b", 3, 2, (1,))
    assert parse("[]").evaluate(FakeEnv()) == ()
    assert parse("[1, 2,]") == parse("[1, 2]")


# --------------------------------------------------------------------------------- operators

@pytest.mark.parametrize("source, expected", [
    ("a == 'yes'", True), ("a != 'yes'", False), ("a == 'no'", False), ("a != 'no'", True),
    ("n < 5", True), ("n <= 4", True), ("n > 4", False), ("n >= 4", True), ("n == 4.0", True),
    ("f > 4", True), ("n < f", True), ("'abc' < 'abd'", True),
    ("a in ['yes', 'no']", True), ("a not in ['yes', 'no']", False), ("a in []", False),
    ("a not in ['no']", True), ("n in [1, 4]", True), ("n in @D5", False),
    ("n + 1 == 5", True), ("n - 1 == 3", True), ("n * 2 == 8", True), ("n / 8 == 0.5", True),
    ("-n == -4", True),
    ("true and a == 'yes'", True), ("false or n > 3", True), ("not false", True),
    ("not a", False), ("a and false", False), ("false or false", False),
    ("true == true", True), ("true != false", True),
])
def test_operators(source, expected):
    assert ev(source, a="yes", n=4, f=4.5) is expected


def test_has_with_scalar_list_and_group():
    values = {"acts": ["chip_design", "ai_models"], "hq": ["KR", "CN"], "none": []}
    env = FakeEnv(values)
    assert parse("acts has 'chip_design'").evaluate(env) is True
    assert parse("acts has 'chips_hardware'").evaluate(env) is False
    assert parse("acts has ['chips_hardware', 'chip_design']").evaluate(env) is True
    assert parse("acts has ['x', 'y']").evaluate(env) is False
    assert parse("hq has @D5").evaluate(env) is True
    assert parse("hq has @macau").evaluate(env) is False
    assert parse("none has @D5").evaluate(env) is False
    assert parse("acts has []").evaluate(env) is False


def test_in_with_groups():
    env = FakeEnv({"c": "CN", "k": "KR"})
    assert parse("c in @D5").evaluate(env) is True
    assert parse("k in @D5").evaluate(env) is False
    assert parse("k not in @D5").evaluate(env) is True
    assert parse("@D5 has c").evaluate(env) is True


def test_unknown_group_raises_from_env():
    with pytest.raises(ExpressionError, match="unknown country group"):
        ev("'CN' in @nowhere")


def test_functions():
    env = FakeEnv({"p.m": ["a", "b"], "p.s": "x", "p.e": [], "p.t": "", "p.z": 0})
    for source, expected in [("answered(m)", True), ("answered(s)", True), ("answered(z)", True),
                             ("answered(e)", False), ("answered(t)", False),
                             ("answered(gone)", False), ("count(m)", 2), ("count(s)", 1),
                             ("count(e)", 0), ("count(gone)", 0), ("count(m) + count(s) == 3",
                                                                   True)]:
        assert parse(source, "p").evaluate(env) == expected, source


def test_lists_compare_as_sets_and_types_never_mix():
    assert ev("m == ['b', 'a']", m=["a", "b"]) is True
    assert ev("m != ['a']", m=["a", "b"]) is True
    assert ev("'1' == 1") is False
    assert ev("'1' != 1") is False
    assert ev("'1' < 2") is False
    assert ev("1 == true") is False
    assert ev("true > false") is False
    assert ev("s in 'text'", s="t") is False
    assert ev("1 in [true]") is False
    assert ev("m > 1", m=["a"]) is False


# ----------------------------------------------------------------------------- None and data

@pytest.mark.parametrize("op", ex.COMPARISONS)
def test_unanswered_makes_every_comparison_false(op):
    assert ev(f"gone {op} 1") is False
    assert ev(f"1 {op} gone") is False
    assert ev(f"gone {op} ['a']") is False
    assert ev(f"gone {op} gone") is False


@pytest.mark.parametrize("source", ["gone + 1", "1 - gone", "gone * 2", "2 / gone", "-gone",
                                    "'a' + 'b'", "true + 1", "1 / 0", "1.5 / 0", "n / 0",
                                    "[1] + 1", "1e308 * 1e308 / 0"])
def test_arithmetic_without_a_value_gives_none(source):
    assert ev(source, n=3) is None


def test_none_propagates_to_false_comparisons():
    assert ev("gone + 1 > 0") is False
    assert ev("n / 0 != 1", n=3) is False
    assert ev("not (gone == 1)") is True
    assert ev("gone or true") is True
    assert ev("gone and true") is False


def test_huge_numbers_do_not_raise():
    big = "9" * 400
    assert ev(f"{big} * 1.5") is None            # int too large for a float
    assert ev(f"{big} / 3") is None
    assert ev(f"{big} > 1e308") is True
    assert ev("1e999 > 1e308") is True


def test_truthy():
    for value in (None, False, 0, 0.0, "", [], (), frozenset(), set()):
        assert truthy(value) is False, value
    for value in (True, 1, -0.5, "x", ["a"], ("a",), frozenset({"a"}), float("nan")):
        assert truthy(value) is True, value


# ----------------------------------------------------------------------------- qualification

def test_references_are_qualified_with_the_pack():
    node = parse("foo == 1 and profile.size in ['micro'] and answered(bar) and x has @D5", "chips")
    assert node.references() == frozenset({"chips.foo", "profile.size", "chips.bar", "chips.x"})
    assert node.groups() == frozenset({"D5"})
    assert parse("foo").references() == frozenset({"foo"})
    assert parse("count(other.q)", "p") == Call("count", Ref("other.q"))


def test_function_names_are_not_reserved_as_references():
    assert parse("count + answered", "p") == BinOp("+", Ref("p.count"), Ref("p.answered"))


# ------------------------------------------------------------------------------------ errors

@pytest.mark.parametrize("source, column, message", [
    ("a = 1", 3, "'=' is not an operator: use '=='"),
    ("a == 1)", 7, "unexpected ')'"),
    (")", 1, "unexpected ')'"),
    ("a and", 6, "expected an expression after 'and'"),
    ("a and or b", 7, "expected an expression after 'and', found 'or'"),
    ("x == 'abc", 6, "unterminated string"),
    ("foo(a)", 1, "unknown function 'foo': use answered() or count()"),
    ("a and bar(x)", 7, "unknown function 'bar'"),
    ("a < b < c", 7, "comparisons cannot be chained"),
    ("(a == 1", 1, "'(' is never closed"),
    ("[1, 2", 1, "'[' is never closed"),
    ("[1 2]", 4, "expected ',' or ']'"),
    ("(a]", 3, "expected ')'"),
    ("a b", 3, "unexpected 'b'"),
    ("a && b", 3, "'&&' is not an operator: use 'and'"),
    ("a || b", 3, "use 'or'"),
    ("!a", 1, "'!' is not an operator"),
    ("a => 1", 3, "use '>='"),
    ("a AND b", 3, "'AND' is not a keyword: write 'and'"),
    ("a.b.c", 4, "at most one dot"),
    ("p.in", 3, "'in' is a keyword"),
    ("a.", 3, "expected a question id after 'a.'"),
    ("@ == 1", 1, "expected a group name after '@'"),
    ("1.5.2 > 1", 1, "malformed number '1.5.2'"),
    ("12abc", 1, "malformed number"),
    ("x # y", 3, "unexpected character '#'"),
    ("x == 'a\\nb'", 8, "backslash"),
    ("answered(1)", 10, "answered() takes one question id"),
    ("count(a, b)", 8, "count() takes one question id"),
    ("a == not b", 6, "'not' cannot come straight after '=='"),
    ("a is 1", 3, "unexpected 'is': use '=='"),
    ("1 +", 4, "expected an expression after '+'"),
    ("a not b", 3, "unexpected 'not'"),
    ("   ", 1, "the condition is empty"),
    ("", 1, "the condition is empty"),
    ("x == 'caf\u00e9' or \u00e9", 16, "unexpected character"),
])
def test_error_columns(source, column, message):
    with pytest.raises(ExpressionError) as info:
        parse(source)
    assert info.value.column == column
    assert message in info.value.message
    assert info.value.source == source


def test_error_renders_a_caret():
    with pytest.raises(ExpressionError) as info:
        parse("a = 1")
    assert str(info.value).endswith("a = 1\n      ^")


@pytest.mark.parametrize("source", [
    "__import__('os')", "__import__('os').system('ls')", "eval('1')", "exec('x = 1')",
    "().__class__", "a.__class__.__bases__", "lambda: 1", "open('/etc/passwd')",
    "[x for x in y]", "a if b else c", "a[0]", "a.b(1)", "{'a': 1}", "a ** 2", "a % 2",
])
def test_no_python_gets_through(source):
    with pytest.raises(ExpressionError):
        parse(source)


def test_dunder_names_are_just_question_ids():
    node = parse("a.__class__ == 1")
    assert node.references() == frozenset({"a.__class__"})
    assert node.evaluate(FakeEnv()) is False


def test_non_text_source():
    with pytest.raises(ExpressionError):
        parse(None)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------ limits

def test_nesting_up_to_the_limit_parses():
    assert parse("(" * 40 + "a" + ")" * 40) == Ref("a")
    assert parse("not " * 39 + "a").evaluate(FakeEnv({"a": 1})) is False
    # the tree counts too: Compare, 38 lists and the literal make 40 levels
    assert parse("x in " + "[" * 38 + "1" + "]" * 38).evaluate(FakeEnv({"x": 1})) is False


@pytest.mark.parametrize("source", [
    "(" * 41 + "a" + ")" * 41,
    "(" * 1000 + ")" * 1000,
    "(" * 1999 + "a",
    "[" * 1000 + "]" * 1000,
    "not " * 500,
    "not " * 499 + "a",
    "-" * 1999 + "1",
    "1" + " + 1" * 499,
    "a" + " - a" * 45,
    "a == (" * 250 + "1" + ")" * 250,
    "x in " + "[" * 39 + "1" + "]" * 39,
])
def test_deep_nesting_is_an_expression_error(source):
    assert len(source) <= ex.MAX_LENGTH
    with pytest.raises(ExpressionError, match="nested too deeply"):
        parse(source)


def test_too_long():
    with pytest.raises(ExpressionError, match="too long") as info:
        parse("a or " * 400 + "b")
    assert info.value.column == ex.MAX_LENGTH + 1
    assert isinstance(parse("1 == 1 or " * 199 + "a"), Or)    # just under the limit


# --------------------------------------------------------------------- printing and caching

@pytest.mark.parametrize("source, canonical", [
    ("a==1", "a == 1"),
    ("not a=='x' or b", "not a == 'x' or b"),
    ('x == "it\'s"', r"x == 'it\'s'"),
    ("a or (b or c)", "a or (b or c)"),
    ("(a or b) and c", "(a or b) and c"),
    ("-(a + b) - (c - d)", "-(a + b) - (c - d)"),
    ("a - -2", "a - -2"),
    ("(1 + 2) * 3", "(1 + 2) * 3"),
    ("not (a and b)", "not (a and b)"),
    ("( a ) not  in [ 1,2 ]", "a not in [1, 2]"),
    ("x has @D5 and answered( q )", "x has @D5 and answered(q)"),
    ("1e25 > 2.5E-3 and 1e999 > true", "1e+25 > 0.0025 and 1e999 > true"),
])
def test_to_source(source, canonical):
    node = parse(source)
    assert node.to_source() == canonical == str(node)
    assert parse(canonical) == node


def test_parses_are_cached_and_columns_are_kept():
    assert parse("a == 1 and b", "p") is parse("a == 1 and b", "p")
    assert parse("a == 1 and b", "p") is not parse("a == 1 and b", "q")
    node = parse("a == 1 and b")
    assert node.column == 8 and node.items[0].column == 3
    assert node.items[0].left.column == 1 and node.items[0].right.column == 6


def test_nodes_are_frozen():
    with pytest.raises(AttributeError):
        parse("a").name = "b"  # type: ignore[misc]
    assert all(isinstance(n, Expr) for n in parse("not -a + [b] in @g or count(c)").walk())


# -------------------------------------------------------------------------------- properties

_SOUP = ["a", "b", "p.q", "_x9", "@D5", "@nope", "1", "0", "2.5", "1e3", "7E-2", "'x'", '"y"',
         "''", "true", "false", "and", "or", "not", "in", "has", "==", "!=", "<", "<=", ">",
         ">=", "+", "-", "*", "/", "(", ")", "[", "]", ",", "answered", "count", "answered(a)",
         "count(b)", "=", "!", "@", ".", "'", '"', "\\", "&&", "AND", "foo(", "#", "\u00e9",
         "1.", "a.b.c", " ", "\t", "\n"]
_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5),
    st.lists(st.sampled_from(["CN", "KR", "x", "yes", "a"]), max_size=4),
    st.lists(st.one_of(st.integers(), st.floats(), st.none(), st.text(max_size=2)), max_size=3),
    st.frozensets(st.text(max_size=2), max_size=3), st.dictionaries(st.text(max_size=2),
                                                                     st.integers(), max_size=2),
    st.lists(st.lists(st.integers(), max_size=2), max_size=2),
)


class RandomEnv:
    def __init__(self, values: list) -> None:
        self.values = values

    def value(self, ref):
        return self.values[zlib.crc32(ref.encode()) % len(self.values)] if self.values else None

    def group(self, name):
        if name == "nope":
            raise ExpressionError("unknown country group '@nope'")
        return frozenset({"CN", "RU", "x"})


def _atoms():
    return st.one_of(
        st.sampled_from(["a", "b", "p.q", "@D5", "@nope", "true", "false", "answered(a)",
                         "count(b)", "1e999"]),
        st.integers(-10**6, 10**6).map(str), st.floats(allow_nan=False, allow_infinity=False)
        .map(repr), st.text(max_size=4).map(lambda s: "'" + s.replace("\\", "\\\\")
                                              .replace("'", "\\'") + "'"))


def _grammar():
    ops = ["and", "or", "==", "!=", "<", "<=", ">", ">=", "in", "not in", "has", "+", "-", "*",
           "/"]
    return st.recursive(_atoms(), lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(ops), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        inner.map(lambda s: f"(not {s})"), inner.map(lambda s: f"-({s})"),
        st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]")), max_leaves=25)


def _parse_or_error(source, pack=None):
    try:
        node = parse(source, pack)
    except ExpressionError as err:
        assert err.column is None or 1 <= err.column <= len(source) + 1
        return None
    assert isinstance(node, Expr)
    return node


def _evaluate_or_error(node, values):
    try:
        node.evaluate(RandomEnv(values))
    except ExpressionError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.sampled_from([None, "p"]))
def test_random_text_parses_or_raises_expression_error(source, pack):
    _parse_or_error(source, pack)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_SOUP), max_size=30), st.sampled_from([" ", ""]),
       st.lists(_VALUES, max_size=6))
def test_token_soup_parses_or_raises_and_evaluates(tokens, sep, values):
    node = _parse_or_error(sep.join(tokens))
    if node is not None:
        _evaluate_or_error(node, values)
        assert parse(node.to_source()) == node


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_grammar(), st.lists(_VALUES, max_size=6))
def test_grammar_expressions_parse_evaluate_and_round_trip(source, values):
    node = _parse_or_error(source, "p")
    if node is None:                             # only the depth limit may refuse these
        with pytest.raises(ExpressionError, match="nested too deeply"):
            parse(source, "p")
        return
    _evaluate_or_error(node, values)
    again = parse(node.to_source(), "p")
    assert again == node and again.to_source() == node.to_source()
    value = node.evaluate(RandomEnv([])) if "@nope" not in source else None
    assert value is None or isinstance(value, (bool, int, float, str, tuple, frozenset))
