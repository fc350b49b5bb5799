"""The questionnaire content the program works with: packs, sections, questions, findings,
actions, glossary, as plain read-only objects.

Pack files are checked by :mod:`wizard.core.schema` (pydantic) and then turned into these
(:func:`from_plain` over the checked data); the content cache stores the same plain data
(:func:`to_plain`) and rebuilds these objects from it without pydantic, so a start whose
packs have not changed never imports it (measured: about 60 ms and 12 MiB less). The two
modules declare the same classes and fields; ``tests/core/test_model.py`` keeps them in step.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from dataclasses import dataclass, field
from typing import Any, Callable, Literal, Optional

QuestionKind = Literal["yes_no_unsure", "single", "multi", "number", "text", "countries",
                       "calculator"]
Role = Literal["exposure", "control", "info"]
Severity = Literal["critical", "high", "medium", "low", "info"]
EventKind = Literal["published", "in_force", "compliance_date", "amended", "suspended",
                    "reimposed", "lifted", "proposed", "comment_period_closes", "introduced",
                    "committee_approved", "passed_chamber", "enacted", "not_enforced",
                    "withdrawn", "guidance", "decision", "non_binding", "discussed",
                    "programme", "not_found"]
RuleKind = Literal["regulation", "statute", "executive_order", "guidance", "letter", "decision",
                   "proposal", "bill", "programme", "agreement", "foreign_law", "claim"]
Chamber = Literal["house", "senate"]
OwnerRole = Literal["management", "compliance", "legal", "sales", "engineering", "procurement",
                    "it_security", "hr"]
Timeframe = Literal["immediately", "30_days", "90_days", "ongoing"]

SEVERITIES: tuple[str, ...] = ("critical", "high", "medium", "low", "info")
TIMEFRAMES: tuple[str, ...] = ("immediately", "30_days", "90_days", "ongoing")
EXPOSURE_LEVELS: tuple[str, ...] = ("none", "low", "medium", "high", "critical")
YES_NO_UNSURE: tuple[str, ...] = ("yes", "no", "unsure")


@dataclass(frozen=True, slots=True)
class Text:
    """A text the user reads, in both languages."""

    ko: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.ko

    def as_dict(self) -> dict[str, str]:
        return {"ko": self.ko, "en": self.en}


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    label: Text
    credit: Optional[float] = None


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    kind: QuestionKind
    text: Text
    help: Text
    why: Text
    role: Role = "exposure"
    weight: int = 1
    rules: tuple[str, ...] = ()
    show_if: Optional[str] = None
    options: tuple[Option, ...] = ()
    exclusive: tuple[str, ...] = ()
    unit: Optional[Text] = None
    min: Optional[float] = None
    max: Optional[float] = None
    integer: bool = False
    max_length: int = 500
    calculator: Optional[str] = None
    inputs: dict[str, str] = field(default_factory=dict)

    def option(self, option_id: str) -> Optional[Option]:
        for option in self.options:
            if option.id == option_id:
                return option
        return None


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: Text
    questions: tuple[Question, ...]
    show_if: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    severity: Severity
    title: Text
    explanation: Text
    when: str
    rules: tuple[str, ...]  # registry ids; the first is the rule whose status the finding takes
    actions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Action:
    id: str
    text: Text
    owner_role: OwnerRole
    timeframe: Timeframe
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CountryGroup:
    name: Text
    countries: tuple[str, ...]
    rule: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Pack:
    id: str
    version: str
    as_of: dt.date
    review_by: dt.date
    order: int
    area: str
    title: Text
    intro: Text
    sections: tuple[Section, ...]
    applies_if: Optional[str] = None
    country_groups: dict[str, CountryGroup] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """One dated step in a rule's life; ``event`` names the step and so the status it starts
    (``wizard.core.timeline``). ``date`` may be left out only for the first event of a
    long-standing rule whose start the content does not record."""

    event: EventKind
    date: Optional[dt.date] = None
    until: Optional[dt.date] = None  # suspended: the last day of the suspension
    chamber: Optional[Chamber] = None  # passed_chamber: which one
    confirm: bool = False  # the state this step starts must be confirmed with counsel
    note: Optional[Text] = None


@dataclass(frozen=True, slots=True)
class LegalRule:
    """A rule, guidance, proposal, bill or programme the content cites, once."""

    id: str
    kind: RuleKind
    title: Text
    source: str  # where to read it: document number or address
    citations: tuple[str, ...] = ()  # canonical forms, printed in this order; none: a claim
    timeline: tuple[Event, ...] = ()
    part_of: Optional[str] = None  # another rule whose timeline this one shares


@dataclass(frozen=True, slots=True)
class Registry:
    """The rule registry (``rules.yaml``): the law the content cites, as dated data."""

    as_of: dt.date
    review_by: dt.date
    rules: tuple[LegalRule, ...]


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    term: Text
    definition: Text


@dataclass(frozen=True, slots=True)
class Glossary:
    terms: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a content folder is (``content.yaml``): its id and version, recorded in every
    assessment answered against it and compared when content is updated."""

    id: str
    version: str
    title: Text
    publisher: str
    min_program: str = "0"  # the oldest program version that can read this content


# ------------------------------------------------------------------ to and from plain data

def to_plain(value: Any) -> Any:
    """JSON-ready data for a content object: dicts, lists, strings, numbers, ISO dates."""
    if dataclasses.is_dataclass(value):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def from_plain(cls: type, data: dict) -> Any:
    """An object of the content class ``cls`` from plain data that the schema has checked
    (``to_plain`` output or pydantic's JSON dump); wrong shapes raise TypeError, KeyError or
    ValueError, never anything worse."""
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__}: expected a mapping")
    return cls(**{name: convert(data[name]) for name, convert in _fields_of(cls)
                  if name in data})


_FIELDS: dict[type, list[tuple[str, Callable[[Any], Any]]]] = {}


def _fields_of(cls: type) -> list[tuple[str, Callable[[Any], Any]]]:
    """(field name, converter) for each field of ``cls``, worked out once from its types."""
    fields = _FIELDS.get(cls)
    if fields is None:
        hints = typing.get_type_hints(cls)
        fields = _FIELDS[cls] = [(f.name, _converter(hints[f.name]))
                                 for f in dataclasses.fields(cls)]
    return fields


def _same(value: Any) -> Any:
    return value


def _converter(tp: Any) -> Callable[[Any], Any]:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Union:                          # Optional[X]
        inner = _converter(next(a for a in args if a is not type(None)))
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        inner = _converter(args[0])
        return lambda value: tuple(map(inner, _sequence(value)))
    if origin is dict:
        inner = _converter(args[1])
        return lambda value: {str(k): inner(v) for k, v in _mapping(value).items()}
    if tp is dt.date:
        return lambda value: value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
    if tp is float:
        return float
    if dataclasses.is_dataclass(tp):
        return lambda value: from_plain(tp, value)
    return _same


def _sequence(value: Any) -> Any:
    if not isinstance(value, (list, tuple)):
        raise TypeError("expected a list")
    return value


def _mapping(value: Any) -> dict:
    if not isinstance(value, dict):
        raise TypeError("expected a mapping")
    return value
