"""Compliance-programme frameworks: the elements of a programme (BIS's Export Compliance
Guidelines, the EU's ICP recommendation 2019/1318, Korea's criteria for designating a
voluntary-compliance trader) and which element each control question belongs to.

The content is data (``questionnaires/frameworks.yaml``, format in docs/pack-format.md):
frameworks with their elements, and a mapping ``question id -> {framework: element}``. A
control may be mapped to ``outside`` when a framework has no element for it (an AI Basic Act
duty under an export-control framework): it is listed apart, never forced into an element.

* :func:`load` reads and checks the file for the content loader (every control mapped for
  every framework, every framework and element known, each problem at its file and line);
  :func:`restore` / :func:`plain` carry the checked data through the content cache;
* :func:`results` groups the engine's checklist by the elements of each framework, with the
  readiness of each element computed by the same formula as an area's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from wizard.core.errors import ContentError
from wizard.core.model import Text, from_plain, to_plain
from wizard.core.problems import Problem, line_of

FILE = "frameworks.yaml"
OUTSIDE = "outside"   # a control a framework has no element for


@dataclass(frozen=True, slots=True)
class Element:
    id: str
    title: Text


@dataclass(frozen=True, slots=True)
class Framework:
    id: str
    title: Text
    short: Text
    source: Text
    elements: tuple[Element, ...]

    def element(self, element_id: str) -> Optional[Element]:
        for element in self.elements:
            if element.id == element_id:
                return element
        return None


@dataclass(frozen=True, slots=True)
class Frameworks:
    frameworks: tuple[Framework, ...]
    mapping: dict[str, dict[str, str]] = field(default_factory=dict)

    def framework(self, framework_id: str) -> Optional[Framework]:
        for framework in self.frameworks:
            if framework.id == framework_id:
                return framework
        return None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.frameworks)


# ----------------------------------------------------------------------------- loading

def load(folder: Path, content, broken: frozenset = frozenset()) -> list[Problem]:
    """Read ``folder/frameworks.yaml`` (when there is one) into ``content.frameworks`` and
    return every problem found, each with its file and line."""
    path = Path(folder) / FILE
    content.frameworks = None
    if not path.is_file():
        return []
    from pydantic import ValidationError

    from wizard.core import frameworks_schema
    from wizard.core.yamlsource import load_yaml

    try:
        data = load_yaml(path)
    except ContentError as exc:
        return list(exc.problems or [Problem(str(path), 1, str(exc), "F002")])
    if not isinstance(data, dict):
        return [Problem(str(path), 1, "expected a mapping at the top of the file", "F006")]
    try:
        checked = frameworks_schema.Frameworks.model_validate(data)
    except ValidationError as exc:
        from wizard.core.content import _pydantic_problems

        return _pydantic_problems(str(path), data, exc)
    frameworks = from_plain(Frameworks, checked.model_dump(mode="json"))
    problems = check(content, frameworks, str(path), data, frozenset(broken))
    if not problems:
        content.frameworks = frameworks
    return problems


def plain(content) -> Optional[dict]:
    """The checked frameworks as plain data for the content cache (None: no file)."""
    frameworks = getattr(content, "frameworks", None)
    return to_plain(frameworks) if frameworks is not None else None


def restore(content, data: Any) -> bool:
    """Put cached frameworks back on ``content``; False when they no longer fit it (the
    cache is then not used)."""
    if data is None:
        content.frameworks = None
        return True
    try:
        frameworks = from_plain(Frameworks, data)
    except (TypeError, KeyError, ValueError, AttributeError):
        return False
    if check(content, frameworks, FILE, None):
        return False
    content.frameworks = frameworks
    return True


def check(content, frameworks: Frameworks, file: str, data: Any,
          broken: frozenset = frozenset()) -> list[Problem]:
    """Every control mapped for every framework, every mapping naming a known control,
    framework and element; ids unique. ``data`` (the parsed YAML, with lines) places each
    problem; without it every problem is at line 1."""
    problems: list[Problem] = []

    def add(code: str, loc: tuple, message: str) -> None:
        problems.append(Problem(file, line_of(data, loc) if data is not None else 1, message,
                                code))

    seen: set[str] = set()
    for f_i, framework in enumerate(frameworks.frameworks):
        if framework.id in seen:
            add("M001", ("frameworks", f_i), f"framework id '{framework.id}' is used twice")
        seen.add(framework.id)
        ids: set[str] = set()
        for e_i, element in enumerate(framework.elements):
            if element.id == OUTSIDE:
                add("M002", ("frameworks", f_i, "elements", e_i),
                    f"framework {framework.id}: '{OUTSIDE}' is reserved for controls outside "
                    "the framework; give the element another id")
            elif element.id in ids:
                add("M001", ("frameworks", f_i, "elements", e_i),
                    f"framework {framework.id}: element id '{element.id}' is used twice")
            ids.add(element.id)
    known = {f.id: f for f in frameworks.frameworks}
    for qid, elements in frameworks.mapping.items():
        info = content.questions.get(qid)
        if info is None:
            if qid.split(".", 1)[0] not in broken:
                add("M003", ("mapping", qid), f"mapping: unknown question '{qid}'")
            continue
        if not info.control:
            add("M004", ("mapping", qid), f"mapping: '{qid}' is not a control question (role: "
                                  "control); only controls are grouped by programme element")
        for fid, eid in elements.items():
            framework = known.get(fid)
            if framework is None:
                add("M005", ("mapping", qid, fid), f"mapping: {qid}: unknown framework '{fid}' "
                                           f"(known: {', '.join(known) or 'none'})")
            elif eid != OUTSIDE and framework.element(eid) is None:
                valid = ", ".join([e.id for e in framework.elements] + [OUTSIDE])
                add("M006", ("mapping", qid, fid), f"mapping: {qid}: framework {fid} has no element "
                                           f"'{eid}' (valid: {valid})")
        for fid in known:
            if fid not in elements:
                add("M007", ("mapping", qid), f"mapping: {qid} is not mapped to an element of "
                                      f"framework {fid} (or to '{OUTSIDE}')")
    for info in content.controls:
        if info.qid not in frameworks.mapping:
            add("M007", ("mapping",), f"mapping: control {info.qid} is not mapped; add it with an "
                              f"element of each framework ({', '.join(known)})")
    return problems


# ----------------------------------------------------------------------------- results

def results(frameworks: Optional[Frameworks], checklist: list) -> list:
    """The checklist grouped by the elements of each framework (``FrameworkResult``), each
    element with its readiness (the area formula over its controls) and its controls in
    place; controls mapped ``outside`` come last in a group of their own (``element`` None)."""
    from wizard.core.report_data import ElementResult, FrameworkResult
    from wizard.core.scoring import readiness_from

    if frameworks is None:
        return []

    def element_result(element_id: Optional[str], title: Optional[dict], items: list):
        return ElementResult(
            id=element_id, title=title, readiness=readiness_from(items),
            controls_in_place=sum(1 for c in items if c.state == "in_place"),
            controls_total=sum(1 for c in items if c.state != "not_applicable"),
            questions=[c.question for c in items])

    out = []
    for framework in frameworks.frameworks:
        groups: dict[str, list] = {e.id: [] for e in framework.elements}
        outside: list = []
        for item in checklist:
            eid = frameworks.mapping.get(item.question, {}).get(framework.id, OUTSIDE)
            (groups.get(eid, outside) if eid != OUTSIDE else outside).append(item)
        elements = [element_result(e.id, e.title.as_dict(), groups[e.id])
                    for e in framework.elements]
        out.append(FrameworkResult(
            id=framework.id, title=framework.title.as_dict(), short=framework.short.as_dict(),
            source=framework.source.as_dict(), elements=elements,
            outside=element_result(None, None, outside) if outside else None))
    return out
