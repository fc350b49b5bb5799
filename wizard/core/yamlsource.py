"""Safe YAML loading that remembers the line of every mapping and list, for error messages.

Only ``yaml.SafeLoader`` is used (no Python tags, no code from data). Mappings become
:class:`LineDict` and sequences :class:`LineList`; both carry ``line`` (1-based) and ``lines``
(key or index -> line of that entry), so a validation error found by pydantic at location
``("sections", 0, "questions", 2, "text")`` can be reported at the right line.

Limits keep the worst file cheap (docs/guarantees.md, section 5, has the measured times): at
most ``MAX_BYTES`` per file, nesting at most ``MAX_DEPTH``, no aliases, and at most
``MAX_NODES`` values (texts, numbers, lists, mappings) in all the packs of a folder together,
counted on the parser's event stream before anything is built (building a value costs about
20 microseconds, so it is the count of values, not bytes, that makes a pack slow to check).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import yaml

from wizard.core.errors import ContentError
from wizard.core.storage import NotRegular, read_regular
from wizard.core.problems import Problem, line_of  # noqa: F401 - line_of re-exported

MAX_BYTES = 1024 * 1024        # one pack file (the largest built-in pack is about 100 KB)
MAX_DEPTH = 40
MAX_NODES = 100_000            # values in a folder's packs together (built-in: about 12,000)


class Budget:
    """How many more values the packs of one folder may hold (shared by its files)."""

    def __init__(self, nodes: int = MAX_NODES) -> None:
        self.left = nodes


class LineDict(dict):
    line: int = 0
    lines: dict


class LineList(list):
    line: int = 0
    lines: dict


_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it


class _LineLoader(_BASE):  # type: ignore[misc, valid-type]
    """A safe loader that records line numbers, refuses aliases (no billion laughs) and caps
    nesting. Works on libyaml's fast parser and on the pure-Python one alike: the checks sit in
    construction, which is Python in both."""

    def construct_object(self, node, deep=False):  # type: ignore[override]
        if node in self.constructed_objects or node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(
                None, None, "aliases (*name) are not allowed in packs", node.start_mark)
        depth = getattr(self, "_depth", 0)
        if depth >= MAX_DEPTH:
            raise yaml.constructor.ConstructorError(
                None, None, f"nested deeper than {MAX_DEPTH} levels", node.start_mark)
        self._depth = depth + 1
        try:
            return super().construct_object(node, deep=deep)
        finally:
            self._depth = depth

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.lines = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:str":
                mapping.lines[key_node.value] = value_node.start_mark.line + 1
        return mapping

    def construct_sequence(self, node, deep=False):  # type: ignore[override]
        seq = LineList(super().construct_sequence(node, deep=True))
        seq.line = node.start_mark.line + 1
        seq.lines = {i: child.start_mark.line + 1 for i, child in enumerate(node.value)}
        return seq


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)


def _error(path: Path, line: int, message: str, code: str) -> ContentError:
    problem = Problem(str(path), line, message, code)
    return ContentError(str(problem), [problem])


def read_text(path: Path, *, what: str = "file", max_bytes: int = MAX_BYTES) -> str:
    """The UTF-8 text of ``path``, or a ContentError that says what to do."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise _error(path, 0, f"no such {what}", "F002") from exc
    except OSError as exc:
        raise _error(path, 0, f"cannot read the {what} ({exc.strerror})", "F002") from exc
    if size > max_bytes:
        raise _error(path, 0, f"the {what} is {size / 2**20:.1f} MB; the limit is "
                              f"{max_bytes / 2**20:.0f} MB", "F003")
    try:      # an ordinary file only, never more than the limit, whatever stat said
        data = read_regular(path, max_bytes)
    except (NotRegular, IsADirectoryError) as exc:
        raise _error(path, 0, f"not an ordinary file (a folder, pipe or device); a {what} "
                              "must be a file", "F002") from exc
    except OSError as exc:
        raise _error(path, 0, f"cannot read the {what} ({exc.strerror})", "F002") from exc
    if len(data) > max_bytes:
        raise _error(path, 0, f"the {what} is over {max_bytes / 2**20:.0f} MB, the limit",
                     "F003")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _error(path, line, f"the {what} is not UTF-8 text (byte {exc.start}); "
                              "save it as UTF-8", "F004") from exc


def _check_events(text: str, budget: Optional[Budget] = None) -> None:
    """Nesting, aliases and the number of values, checked on the parser's event stream before
    anything is composed. libyaml's composer recurses in C: a pack nested 100,000 levels deep
    (a 200 KB file) would crash the process instead of raising. The events come from a loop,
    not recursion, and an alias is reported at the line where it is used."""
    depth = 0
    budget = budget if budget is not None else Budget()
    for event in yaml.parse(text, Loader=_BASE):
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent,
                              yaml.MappingStartEvent)):
            budget.left -= 1
            if budget.left < 0:
                raise yaml.MarkedYAMLError(
                    None, None, f"the packs of this folder hold more than {MAX_NODES:,} values "
                                "(texts, numbers, lists and mappings) together; the limit keeps "
                                "checking them fast: shorten the content", event.start_mark)
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(None, None, f"nested deeper than {MAX_DEPTH} levels",
                                           event.start_mark)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed in packs",
                                       event.start_mark)


def load_yaml(path: Path, budget: Optional[Budget] = None) -> Any:
    """Parse ``path`` safely, with line information; errors name the file and line.
    ``budget``: the values the folder's packs may still hold (shared by its files)."""
    text = read_text(path, what="YAML file")
    try:
        _check_events(text, budget)
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        raise _error(path, mark.line + 1 if mark else 1, f"not valid YAML: {problem}",
                     "F005") from exc
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        raise _error(path, 1, f"not valid YAML ({exc.__class__.__name__})", "F005") from exc
