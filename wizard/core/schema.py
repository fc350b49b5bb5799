"""The questionnaire pack format as pydantic checks it: shapes, types, value ranges, ids and
misspelt keys (``extra="forbid"``), every problem with its place. Used when packs are read
from YAML (``wizard.core.content``); what the program then works with are the plain objects
of :mod:`wizard.core.model`, with the same names and fields (a test keeps the two in step).
Cross-references and expressions are checked by :mod:`wizard.core.checks`. The format is
documented in ``docs/pack-format.md``.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from wizard.core.model import (Chamber, EventKind, OwnerRole, QuestionKind, Role, RuleKind,
                               Severity, Timeframe)

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
    rules: tuple[str, ...] = ()
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


class Finding(_Model):
    id: str = Field(pattern=ID_PATTERN)
    severity: Severity
    title: Text
    explanation: Text
    when: str
    rules: tuple[str, ...] = Field(min_length=1)
    actions: tuple[str, ...] = ()


class Action(_Model):
    id: str = Field(pattern=ID_PATTERN)
    text: Text
    owner_role: OwnerRole
    timeframe: Timeframe
    rules: tuple[str, ...] = ()


class CountryGroup(_Model):
    name: Text
    rule: Optional[str] = None
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


class Event(_Model):
    """One dated step in a rule's life (docs/pack-format.md, "Rule registry")."""

    date: Optional[dt.date] = None
    event: EventKind
    until: Optional[dt.date] = None
    chamber: Optional[Chamber] = None
    confirm: bool = False
    note: Optional[Text] = None


class LegalRule(_Model):
    id: str = Field(pattern=ID_PATTERN)
    kind: RuleKind
    title: Text
    citations: tuple[str, ...] = ()
    source: str = Field(min_length=1)
    part_of: Optional[str] = None
    timeline: tuple[Event, ...] = ()


class Registry(_Model):
    as_of: dt.date
    review_by: dt.date
    rules: tuple[LegalRule, ...] = Field(min_length=1)


class Term(_Model):
    id: str = Field(pattern=ID_PATTERN)
    term: Text
    definition: Text


class Glossary(_Model):
    terms: tuple[Term, ...] = Field(min_length=1)


class Manifest(_Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]{0,63}$")
    version: str = Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z.+-]{0,39}$")
    title: Text
    publisher: str = Field(min_length=1, max_length=200)
    min_program: str = Field(default="0", pattern=r"^[0-9]+(\.[0-9]+)*$")
