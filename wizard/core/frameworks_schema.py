"""The ``frameworks.yaml`` format as pydantic checks it when the file is read: shapes, types,
ids and misspelt keys, each problem with its place. The program then works with the plain
objects of :mod:`wizard.core.frameworks` (same names and fields). Cross-references (every
control mapped, every element known) are checked there. Format: docs/pack-format.md.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from wizard.core.schema import ID_PATTERN, Text


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Element(_Model):
    id: str = Field(pattern=ID_PATTERN)
    title: Text


class Framework(_Model):
    id: str = Field(pattern=ID_PATTERN)
    title: Text
    short: Text
    source: Text
    elements: tuple[Element, ...] = Field(min_length=1)


class Frameworks(_Model):
    frameworks: tuple[Framework, ...] = Field(min_length=1)
    mapping: dict[str, dict[str, str]] = Field(default_factory=dict)
