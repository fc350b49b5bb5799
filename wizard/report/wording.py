"""Skip logic in words: a condition tree (:mod:`wizard.core.expr`) as a sentence in Korean or
English, naming questions by their number on the blank checklist, options by their labels and
country groups by their names.

``Wording(content, numbers).sentence(tree, FRAME_QUESTION, "en")`` gives, for example,
"Answer only if question 3 is “Yes”." Every phrase is a gettext message, so the Korean comes
from the catalog like every other program string, written as an interviewer says it
(in Korean "answer only in the case that you answered 'Yes' at no. 3", not a flattened
expression), each phrase ending so that the next fits.
"""

from __future__ import annotations

from typing import Any, Optional

from wizard.core import expr
from wizard.core.labels import YES_NO
from wizard.core.presenting import country_name
from wizard.i18n import N_, translate
from wizard.core.localize import number_text

FRAME_QUESTION = N_("Answer only if {condition}.")
FRAME_SECTION = N_("Answer this section only if {condition}.")
FRAME_PART = N_("Fill in this part only if {condition}.")

QUESTION_REF = N_("question {n}")
QUESTION_ELSEWHERE = N_("the question \u201c{text}\u201d ({part})")
ANSWER_OF = N_("the answer to {q}")
COUNT_OF = N_("the number of answers to {q}")
QUOTED = N_("\u201c{text}\u201d")
AND = N_("{a} and {b}")
OR = N_("{a} or {b}")
NOT = N_("not ({a})")

# comparison with a question's answer
REF_TEMPLATES = {
    "==": N_("{q} is {v}"),
    "!=": N_("{q} is not {v}"),
    "<": N_("{q} is less than {v}"),
    "<=": N_("{q} is {v} or less"),
    ">": N_("{q} is more than {v}"),
    ">=": N_("{q} is {v} or more"),
}
# comparison of a computed figure (count, sum, ...): its own phrases, as Korean says a figure
# differently from an answer (in Korean the particles differ)
VALUE_TEMPLATES = {
    "==": N_("{q} equals {v}"),
    "!=": N_("{q} does not equal {v}"),
    "<": N_("{q} comes to less than {v}"),
    "<=": N_("{q} comes to {v} or less"),
    ">": N_("{q} comes to more than {v}"),
    ">=": N_("{q} comes to {v} or more"),
}
IN_LIST = N_("{q} is one of {v}")
NOT_IN_LIST = N_("{q} is none of {v}")
IN_GROUP = N_("{q} is a country of {v}")
NOT_IN_GROUP = N_("{q} is not a country of {v}")
HAS_ONE = N_("{q} includes {v}")
HAS_ANY = N_("{q} includes any of {v}")
HAS_GROUP = N_("{q} includes a country of {v}")
HAS_NOT_ONE = N_("{q} does not include {v}")
HAS_NOT_ANY = N_("{q} includes none of {v}")
HAS_NOT_GROUP = N_("{q} includes no country of {v}")
ANSWERED = N_("{q} is answered")
NOT_ANSWERED = N_("{q} is not answered")
COMPUTED_FROM = N_("questions {numbers}")

_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}
_NEGATE = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}


class Wording:
    """Words conditions of ``content``; ``numbers`` maps question ids to their printed number
    (questions not printed are named by their text and part instead)."""

    def __init__(self, content, numbers: Optional[dict[str, int]] = None) -> None:
        self.content = content
        self.numbers = numbers or {}
        self.groups = {}
        for pack in content.packs:
            for name, group in pack.country_groups.items():
                self.groups[name] = group.name

    # ---------------------------------------------------------------------------- public

    def sentence(self, node: expr.Expr, frame: str, lang: str) -> str:
        return translate(frame, lang, condition=self.words(node, lang))

    def both(self, node: expr.Expr, frame: str) -> dict[str, str]:
        return {lang: self.sentence(node, frame, lang) for lang in ("ko", "en")}

    def words(self, node: expr.Expr, lang: str) -> str:
        if isinstance(node, (expr.And, expr.Or)):
            template = AND if isinstance(node, expr.And) else OR
            parts = [self._grouped(item, lang) for item in node.items]
            text = parts[0]
            for part in parts[1:]:
                text = translate(template, lang, a=text, b=part)
            return text
        if isinstance(node, expr.Not):
            return self._negated(node.item, lang)
        if isinstance(node, expr.Compare):
            return self._compare(node.op, node.left, node.right, lang)
        if isinstance(node, expr.Call) and node.name == "answered":
            return translate(ANSWERED, lang, q=self.question(node.arg.name, lang))
        if isinstance(node, expr.Ref):  # a bare reference: "is answered" (true when any value)
            return translate(ANSWERED, lang, q=self.question(node.name, lang))
        return self.operand(node, lang)

    def question(self, qid: str, lang: str) -> str:
        number = self.numbers.get(qid)
        if number is not None:
            return translate(QUESTION_REF, lang, n=number)
        info = self.content.questions.get(qid)
        if info is None:
            return qid
        return translate(QUESTION_ELSEWHERE, lang, text=info.question.text.get(lang),
                         part=info.pack.title.get(lang))

    def numbers_of(self, qids: list[str], lang: str) -> str:
        known = [str(self.numbers[q]) for q in qids if q in self.numbers]
        if len(known) == len(qids):
            return translate(COMPUTED_FROM, lang, numbers=", ".join(known))
        return ", ".join(self.question(q, lang) for q in qids)

    # --------------------------------------------------------------------------- private

    def _grouped(self, node: expr.Expr, lang: str) -> str:
        text = self.words(node, lang)
        return f"({text})" if isinstance(node, (expr.And, expr.Or)) else text

    def _negated(self, node: expr.Expr, lang: str) -> str:
        if isinstance(node, expr.Compare):
            if node.op in _NEGATE:
                return self._compare(_NEGATE[node.op], node.left, node.right, lang)
            if node.op in ("in", "not in", "has"):
                return self._compare(node.op, node.left, node.right, lang, negate=True)
        if isinstance(node, expr.Call) and node.name == "answered":
            return translate(NOT_ANSWERED, lang, q=self.question(node.arg.name, lang))
        if isinstance(node, expr.Ref):
            return translate(NOT_ANSWERED, lang, q=self.question(node.name, lang))
        if isinstance(node, expr.Not):
            return self.words(node.item, lang)
        return translate(NOT, lang, a=self.words(node, lang))

    def _compare(self, op: str, left: expr.Expr, right: expr.Expr, lang: str,
                 negate: bool = False) -> str:
        # put the question on the left: "5 < q" reads as "q > 5", "'CN' in q" as "q has 'CN'"
        if not _is_subject(left) and _is_subject(right):
            if op in _FLIP:
                op, left, right = _FLIP[op], right, left
            elif op in ("in", "not in"):
                negate = negate != (op == "not in")
                op, left, right = "has", right, left
        context = left.name if isinstance(left, expr.Ref) else None
        q = self.operand(left, lang)
        if op == "has":
            if isinstance(right, expr.Group):
                template = HAS_NOT_GROUP if negate else HAS_GROUP
            elif isinstance(right, expr.ListLit):
                template = HAS_NOT_ANY if negate else HAS_ANY
            else:
                template = HAS_NOT_ONE if negate else HAS_ONE
            return translate(template, lang, q=q, v=self.value(right, lang, context))
        if op in ("in", "not in"):
            inside = (op == "in") != negate
            if isinstance(right, expr.Group):
                template = IN_GROUP if inside else NOT_IN_GROUP
            else:
                template = IN_LIST if inside else NOT_IN_LIST
            return translate(template, lang, q=q, v=self.value(right, lang, context))
        templates = REF_TEMPLATES if isinstance(left, expr.Ref) else VALUE_TEMPLATES
        return translate(templates[op], lang, q=q, v=self.value(right, lang, context))

    def operand(self, node: expr.Expr, lang: str) -> str:
        """A question, a computed figure or a constant as the subject of a comparison."""
        if isinstance(node, expr.Ref):
            return self.question(node.name, lang)
        if isinstance(node, expr.Call):
            if node.name == "count":
                return translate(COUNT_OF, lang, q=self.question(node.arg.name, lang))
            return translate(ANSWERED, lang, q=self.question(node.arg.name, lang))
        if isinstance(node, expr.BinOp):
            sign = {"*": "\u00d7", "/": "\u00f7"}.get(node.op, node.op)
            left, right = self.operand(node.left, lang), self.operand(node.right, lang)
            if isinstance(node.left, expr.BinOp):
                left = f"({left})"
            if isinstance(node.right, expr.BinOp):
                right = f"({right})"
            return f"{left} {sign} {right}"
        if isinstance(node, expr.Neg):
            return f"-{self.operand(node.item, lang)}"
        return self.value(node, lang, None)

    def value(self, node: expr.Expr, lang: str, context: Optional[str]) -> str:
        """A constant, a list of constants or a country group, in the words of the question
        ``context`` it is compared with (option labels, Yes/No, country names)."""
        if isinstance(node, expr.Literal):
            return self._literal(node.value, lang, context)
        if isinstance(node, expr.ListLit):
            return ", ".join(self.value(item, lang, context) for item in node.items)
        if isinstance(node, expr.Group):
            name = self.groups.get(node.name)
            return name.get(lang) if name is not None else f"@{node.name}"
        if isinstance(node, expr.Ref):
            return translate(ANSWER_OF, lang, q=self.question(node.name, lang))
        return self.operand(node, lang)

    def _literal(self, value: Any, lang: str, context: Optional[str]) -> str:
        if isinstance(value, bool):
            return translate(QUOTED, lang, text=translate(YES_NO["yes" if value else "no"], lang))
        if isinstance(value, (int, float)):
            return number_text(value, lang)
        text = str(value)
        info = self.content.questions.get(context) if context else None
        question = info.question if info else None
        if question is not None:
            if question.kind == "yes_no_unsure" and text in YES_NO:
                text = translate(YES_NO[text], lang)
            elif question.options and question.option(text) is not None:
                text = question.option(text).label.get(lang)
            elif question.kind == "countries" and len(text) == 2:
                text = f"{country_name(text, lang)} ({text})"
        return translate(QUOTED, lang, text=text)


def _is_subject(node: expr.Expr) -> bool:
    return isinstance(node, (expr.Ref, expr.Call, expr.BinOp, expr.Neg))
