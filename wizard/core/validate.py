"""Cross-reference checks on loaded content: everything pydantic cannot see on its own.

``check(content, read)`` returns every problem, each with file and line, so an author fixes
them all in one pass: duplicate ids, unknown questions / options / actions / country groups,
conditions that look at a question that cannot have been shown yet, citations not in
canonical form, findings without citations or actions, actions no finding uses, watch items
marked more severe than ``medium``, bad dates, calculator wiring.
"""

from __future__ import annotations

from collections import Counter

from wizard.core import expr
from wizard.core.citations import is_canonical
from wizard.core.model import WATCH_STATUSES, YES_NO_UNSURE, Pack
from wizard.core.problems import Problem

_MAX_WATCH_SEVERITY = ("medium", "low", "info")


def iso_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes the country pickers offer."""
    from wizard.core.iso3166 import ISO_CODES

    return ISO_CODES


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
        return iso_codes()
    if question.kind == "calculator":
        from wizard.core.calculators import CALCULATORS

        calc = CALCULATORS.get(question.calculator or "")
        return frozenset(getattr(calc, "values", ()) or ()) or None
    return None


class _Checker:
    def __init__(self, content, read, broken: set[str]) -> None:
        self.content = content
        self.read = read
        self.broken = broken  # packs that failed to load: references to them are not news
        self.when_by_id = {info.finding.id: info for info in content.findings}
        self.problems: list[Problem] = []

    def add(self, pack_id: str, line: int, message: str) -> None:
        self.problems.append(Problem(str(self.content.files.get(pack_id, pack_id)), line, message))

    def line(self, key: str) -> int:
        return self.content.lines.get(key, 1)

    # -- expressions -------------------------------------------------------------------
    def check_expr(self, pack: Pack, line: int, where: str, tree, *, before: int | None,
                   max_order: int | None = None) -> None:
        content = self.content
        for name in sorted(tree.groups()):
            if name not in content.groups and not self.broken:
                known = ", ".join("@" + g for g in sorted(content.groups)) or "none defined"
                self.add(pack.id, line, f"{where}: unknown country group @{name} (known: {known})")
        for ref in sorted(tree.references()):
            info = content.questions.get(ref)
            if info is None:
                if ref.split(".", 1)[0] not in self.broken:
                    self.add(pack.id, line, f"{where}: unknown question '{ref}'")
                continue
            if before is not None and info.index >= before:
                self.add(pack.id, line, f"{where}: refers to '{ref}', which comes after it, so "
                         "it can never have been answered when this is shown; move the question "
                         "earlier or the condition later")
            if max_order is not None and info.pack.order >= max_order:
                self.add(pack.id, line, f"{where}: refers to '{ref}' in pack "
                         f"'{info.pack.id}', which is not answered before this pack")
        for node in tree.walk():
            if isinstance(node, expr.Compare):
                self._check_compare(pack, line, where, node)

    def _check_compare(self, pack: Pack, line: int, where: str, node) -> None:
        if node.op in ("in", "not in") and isinstance(node.left, expr.Ref):
            info = self.content.questions.get(node.left.name)
            if info is not None and info.question.kind in ("multi", "countries"):
                self.add(pack.id, line, f"{where}: '{node.left.name}' holds a list of answers; "
                         f"write '{node.left.name} has ...' to test for any of them ('in' "
                         "tests one value)")
        for ref_side, lit_side in ((node.left, node.right), (node.right, node.left)):
            if not isinstance(ref_side, expr.Ref):
                continue
            values = _literal_values(lit_side)
            allowed = allowed_values(self.content, ref_side.name)
            if values is None or allowed is None:
                continue
            for value in values:
                if isinstance(value, str) and value not in allowed:
                    choices = ", ".join(sorted(allowed)) if len(allowed) < 30 else "ISO codes"
                    self.add(pack.id, line, f"{where}: '{ref_side.name}' has no option "
                             f"'{value}' (valid: {choices})")

    # -- the checks ----------------------------------------------------------------------
    def run(self) -> list[Problem]:
        content = self.content
        pack_ids = Counter(pack.id for _, pack, _ in self.read)
        for path, pack, data in self.read:
            if pack_ids[pack.id] > 1:
                self.add(pack.id, 1, f"pack id '{pack.id}' is used by more than one file")
            if path.stem != pack.id:
                self.add(pack.id, 1, f"pack id '{pack.id}' should match the file name "
                         f"'{path.stem}'")
            if pack.review_by <= pack.as_of:
                self.add(pack.id, 1, f"review_by {pack.review_by} must be after as_of "
                         f"{pack.as_of}")
            self.check_pack(pack)
        self.check_global_ids()
        self.check_actions_used()
        self.check_glossary()
        return self.problems

    def check_pack(self, pack: Pack) -> None:
        content = self.content
        if pack.applies_if and content.applies.get(pack.id) is not None:
            self.check_expr(pack, 1, "applies_if", content.applies[pack.id], before=None,
                            max_order=pack.order)
        for name, group in pack.country_groups.items():
            for code in group.countries:
                if code not in iso_codes():
                    self.add(pack.id, 1, f"country group {name}: '{code}' is not an ISO 3166 "
                             "alpha-2 country code")
            if group.citation and not is_canonical(group.citation):
                self.add(pack.id, 1, f"country group {name}: citation '{group.citation}' is "
                         "not in canonical form")
        section_ids = Counter(s.id for s in pack.sections)
        question_ids = Counter(q.id for s in pack.sections for q in s.questions)
        for sid, n in section_ids.items():
            if n > 1:
                self.add(pack.id, 1, f"section id '{sid}' is used {n} times")
        for qid, n in question_ids.items():
            if n > 1:
                self.add(pack.id, self.line(f"{pack.id}.{qid}"),
                         f"question id '{qid}' is used {n} times in the pack")
        for section in pack.sections:
            for question in section.questions:
                self.check_question(pack, question)
        for finding in pack.findings:
            self.check_finding(pack, finding)
        for action in pack.actions:
            line = self.line(f"action:{action.id}")
            self.check_citations(pack, line, f"action {action.id}", action.citations,
                                 required=False)

    def check_citations(self, pack, line, where, citations, *, required: bool) -> None:
        if required and not citations:
            self.add(pack.id, line, f"{where}: no citation; name the rule behind it")
        for citation in citations:
            if not is_canonical(citation):
                self.add(pack.id, line, f"{where}: citation '{citation}' is not in canonical "
                         "form (e.g. '15 CFR 744.23(a)(3)', 'ECCN 3A090', '28 CFR 202.302'); "
                         "see wizard/core/citations.py")

    def check_question(self, pack: Pack, q) -> None:
        qid = f"{pack.id}.{q.id}"
        info = self.content.questions[qid]
        line = self.line(qid)
        where = f"question {q.id}"
        for cond in info.conditions:
            self.check_expr(pack, line, f"{where}: show_if", cond, before=info.index)
        self.check_citations(pack, line, where, q.citations,
                             required=q.role in ("exposure", "control") and q.kind != "calculator")
        if q.kind in ("single", "multi"):
            if len(q.options) < 2:
                self.add(pack.id, line, f"{where}: a {q.kind} question needs at least 2 options")
            counts = Counter(o.id for o in q.options)
            for oid, n in counts.items():
                if n > 1:
                    self.add(pack.id, line, f"{where}: option id '{oid}' is used {n} times")
        elif q.options:
            self.add(pack.id, line, f"{where}: options are only for single and multi questions")
        for oid in q.exclusive:
            if q.kind != "multi" or q.option(oid) is None:
                self.add(pack.id, line, f"{where}: exclusive option '{oid}' is not an option "
                         "of this multi question")
        if q.role == "control":
            if q.kind == "single":
                if any(o.credit is None for o in q.options):
                    self.add(pack.id, line, f"{where}: every option of a single-choice control "
                             "needs a credit between 0 and 1")
            elif q.kind != "yes_no_unsure":
                self.add(pack.id, line, f"{where}: a control must be a yes_no_unsure or single "
                         "question")
        if q.kind == "number" and q.min is not None and q.max is not None and q.min > q.max:
            self.add(pack.id, line, f"{where}: min {q.min} is above max {q.max}")
        if q.kind == "calculator":
            self.check_calculator(pack, q, info, line)
        elif q.calculator or q.inputs:
            self.add(pack.id, line, f"{where}: calculator and inputs are only for calculator "
                     "questions")

    def check_calculator(self, pack, q, info, line) -> None:
        from wizard.core.calculators import CALCULATORS

        where = f"question {q.id}"
        calc = CALCULATORS.get(q.calculator or "")
        if calc is None:
            self.add(pack.id, line, f"{where}: unknown calculator '{q.calculator}' (valid: "
                     f"{', '.join(sorted(CALCULATORS))})")
            return
        for slot, source in q.inputs.items():
            if slot not in calc.slots:
                self.add(pack.id, line, f"{where}: calculator {q.calculator} has no input "
                         f"'{slot}' (valid: {', '.join(calc.slots)})")
            src = self.content.questions.get(f"{pack.id}.{source}")
            if src is None:
                self.add(pack.id, line, f"{where}: input {slot} names unknown question "
                         f"'{source}'")
            elif src.question.kind != "number":
                self.add(pack.id, line, f"{where}: input {slot} must be a number question")
            elif src.index >= info.index:
                self.add(pack.id, line, f"{where}: input {slot} ('{source}') must come before "
                         "the calculator")
        if not q.inputs:
            self.add(pack.id, line, f"{where}: a calculator needs inputs")

    def check_finding(self, pack: Pack, finding) -> None:
        line = self.line(f"finding:{finding.id}")
        where = f"finding {finding.id}"
        info = self.when_by_id.get(finding.id)
        if info is not None and info.finding is finding:
            self.check_expr(pack, line, f"{where}: when", info.when, before=None)
        self.check_citations(pack, line, where, finding.citations, required=True)
        if not finding.actions:
            self.add(pack.id, line, f"{where}: names no action; say what the user should do")
        for aid in finding.actions:
            if aid not in self.content.actions and not self.broken:
                self.add(pack.id, line, f"{where}: unknown action '{aid}'")
        if finding.rule.status in WATCH_STATUSES and finding.severity not in _MAX_WATCH_SEVERITY:
            self.add(pack.id, line, f"{where}: a {finding.rule.status} rule is a watch item, "
                     f"not an obligation; its severity must be medium or lower, not "
                     f"{finding.severity}")
        if finding.rule.date is None and finding.rule.status not in ("not_found", "discussed",
                                                                      "in_force", "guidance"):
            self.add(pack.id, line, f"{where}: rule status '{finding.rule.status}' needs its "
                     "date (rule.date)")

    def check_global_ids(self) -> None:
        seen: dict[str, str] = {}
        for _, pack, _ in self.read:
            for kind, items in (("finding", pack.findings), ("action", pack.actions)):
                for item in items:
                    key = f"{kind}:{item.id}"
                    if key in seen:
                        self.add(pack.id, self.line(key), f"{kind} id '{item.id}' is already "
                                 f"used in pack '{seen[key]}'")
                    else:
                        seen[key] = pack.id

    def check_actions_used(self) -> None:
        used = {aid for info in self.content.findings for aid in info.finding.actions}
        used |= {aid for _, pack, _ in self.read for f in pack.findings for aid in f.actions}
        for aid, info in self.content.actions.items():
            if aid not in used:
                self.add(info.pack.id, self.line(f"action:{aid}"),
                         f"action {aid}: no finding calls for it; use it or remove it")

    def check_glossary(self) -> None:
        glossary = self.content.glossary
        if glossary is None:
            return
        counts = Counter(t.id for t in glossary.terms)
        for tid, n in counts.items():
            if n > 1:
                self.problems.append(Problem(str(self.content.folder / "glossary.yaml"), 1,
                                             f"glossary term id '{tid}' is used {n} times"))


def check(content, read, broken: set[str] = frozenset()) -> list[Problem]:
    return _Checker(content, read, set(broken)).run()
