"""A located problem in questionnaire content, as the validator reports it: file, line, what is
wrong and what to do, and a stable code (``wizard.core.checks.codes``, listed in
docs/pack-format.md) that tests and tools match instead of the wording."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str
    code: str = ""

    def __str__(self) -> str:
        code = f" [{self.code}]" if self.code else ""
        return f"{self.file}:{self.line}: {self.message}{code}"


def line_of(data: Any, loc: Iterable[Any]) -> int:
    """The best line for a location path inside data loaded by :func:`load_yaml`."""
    line = getattr(data, "line", 1) or 1
    node = data
    for key in loc:
        lines = getattr(node, "lines", None)
        if lines is None:
            break
        if key in lines:
            line = lines[key]
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        line = getattr(node, "line", line) or line
    return line
