"""The questionnaire pack format as pydantic checks it: shapes, types, value ranges, ids and
misspelt keys (``extra="forbid"``), every problem with its place. Used when packs are read
from YAML (``wizard.core.content``); what the program then works with are the plain objects
of :mod:`wizard.core.model`, with the same names and fields (a test keeps the two in step).
Cross-references and expressions are checked by :mod:`wizard.core.validate`. The format is
documented in ``docs/pack-format.md``.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from wizard.core.model import (OwnerRole, QuestionKind, Role, RuleStatusName, Severity,
                               Timeframe)

ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Model):
    """A text the user reads, in both languages."""

    ko: str = Field(min_length=1)
    en: str = Field(min_length=1)

    @field_validator("ko", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value.strip()


class Option(_Model):
    id: str = Field(pattern=ID_PATTERN)
    label: Text
    credit: Optional[float] = Field(default=None, ge=0, le=1)


class Question(_Model):
    id: str = Field(pattern=ID_PATTERN)
    kind: QuestionKind
    role: Role = "exposure"
    weight: int = Field(default=1, ge=1, le=5)
    text: Text
    help: Text
    why: Text
    citations: tuple[str, ...] = ()
    show_if: Optional[str] = None
    options: tuple[Option, ...] = ()
    exclusive: tuple[str, ...] = ()
    unit: Optional[Text] = None
    min: Optional[float] = None
    max: Optional[float] = None
    integer: bool = False
    max_length: int = Field(default=500, ge=1, le=5000)
    calculator: Optional[str] = None
    inputs: dict[str, str] = Field(default_factory=dict)


class Section(_Model):
    id: str = Field(pattern=ID_PATTERN)
    title: Text
    show_if: Optional[str] = None
    questions: tuple[Question, ...] = Field(min_length=1)


class Rule(_Model):
    """The legal status of the rule behind a finding, from the fact sheet."""

    status: RuleStatusName
    date: Optional[dt.date] = None
    until: Optional[dt.date] = None  # end of a suspension or a temporary measure
    confirm: bool = False


class Finding(_Model):
    id: str = Field(pattern=ID_PATTERN)
    severity: Severity
    title: Text
    explanation: Text
    when: str
    citations: tuple[str, ...] = ()
    rule: Rule
    actions: tuple[str, ...] = ()


class Action(_Model):
    id: str = Field(pattern=ID_PATTERN)
    text: Text
    owner_role: OwnerRole
    timeframe: Timeframe
    citations: tuple[str, ...] = ()


class CountryGroup(_Model):
    name: Text
    citation: Optional[str] = None
    countries: tuple[str, ...] = Field(min_length=1)


class Pack(_Model):
    id: str = Field(pattern=ID_PATTERN)
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    as_of: dt.date
    review_by: dt.date
    order: int
    area: str = Field(pattern=ID_PATTERN)
    applies_if: Optional[str] = None
    title: Text
    intro: Text
    country_groups: dict[str, CountryGroup] = Field(default_factory=dict)
    sections: tuple[Section, ...] = Field(min_length=1)
    findings: tuple[Finding, ...] = ()
    actions: tuple[Action, ...] = ()


class Term(_Model):
    id: str = Field(pattern=ID_PATTERN)
    term: Text
    definition: Text


class Glossary(_Model):
    terms: tuple[Term, ...] = Field(min_length=1)
