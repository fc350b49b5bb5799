"""The report data the engine produces: plain frozen dataclasses, one per thing a report shows.

Everything a user can see in a report is here, computed by the core; the wizard, the CLI and
the report formats only present it. ``to_dict``/``to_json`` give the documented JSON contract
(``docs/report-json.md``): deterministic, so the same input gives byte-identical output.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Optional

Bilingual = dict  # {"ko": str, "en": str}

SCHEMA_VERSION = 2  # of the JSON report; docs/report-json.md says what changed


@dataclass(frozen=True, slots=True)
class PackInfo:
    id: str
    area: str
    version: str
    as_of: str
    review_by: str
    title: Bilingual


@dataclass(frozen=True, slots=True)
class ContentAge:
    """How old the content is on the evaluation date. ``stale``: the review-by date has
    passed or the as-of date is more than ``MAX_AGE_DAYS`` old; ``parts``: the packs (and
    ``rules`` for the registry) that are; ``message``: what to do, in both languages."""

    stale: bool
    review_by_passed: bool
    days_since_as_of: int
    parts: list[str]
    message: Optional[Bilingual] = None


@dataclass(frozen=True, slots=True)
class ContentInfo:
    version: str
    as_of: str
    review_by: str
    packs: list[PackInfo]
    scoring: Bilingual
    program_version: str
    registry_as_of: Optional[str] = None
    registry_review_by: Optional[str] = None
    age: Optional[ContentAge] = None
    content_id: str = ""             # content.yaml's id and version ("local" without one)
    content_version: str = ""
    unverified: bool = False         # installed from a bundle without a checked signature


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The day rule statuses were evaluated on, and where that day came from: ``assessment``
    (its date), ``option`` (chosen: ``--on``, the wizard's "as of today") or ``today`` (the
    assessment has no date)."""

    date: str
    basis: str


@dataclass(frozen=True, slots=True)
class AreaResult:
    id: str
    pack: str
    title: Bilingual
    applicable: bool
    exposure: str
    readiness: Optional[int]
    answered: int
    total: int
    controls_in_place: int
    controls_total: int


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    area: str
    question: str
    text: Bilingual
    state: str
    weight: int
    credit: float
    answer: Optional[Bilingual] = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Because:
    question: str
    answer: Any
    text: Bilingual
    answer_text: Bilingual


@dataclass(frozen=True, slots=True)
class RuleRef:
    """A rule of the registry as it stands on the evaluation date: its citations, its status
    and dates (ISO), and the one wording of that status (``label``, both languages)."""

    id: str
    kind: str
    title: Bilingual
    citations: list[str]
    source: str
    status: str
    since: Optional[str]
    until: Optional[str]
    effective: Optional[str]
    next: Optional[str]
    next_on: Optional[str]
    confirm: bool
    watch: bool
    label: Bilingual


@dataclass(frozen=True, slots=True)
class FindingResult:
    id: str
    area: str
    severity: str
    title: Bilingual
    explanation: Bilingual
    citations: list[str]
    status: str
    status_date: Optional[str]
    status_label: Bilingual
    confirm: bool
    watch: bool
    because: list[Because]
    actions: list[str]
    rules: list[RuleRef] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PlanInfo:
    owner: str = ""
    due: str = ""
    status: str = "open"
    comment: str = ""


@dataclass(frozen=True, slots=True)
class ActionResult:
    id: str
    priority: int
    area: str
    severity: str
    timeframe: str
    owner_role: str
    title: Bilingual
    findings: list[str]
    citations: list[str]
    watch_only: bool
    plan: PlanInfo
    rules: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class QuestionItem:
    question: str
    area: str
    section: Bilingual
    text: Bilingual
    answer: Any = None
    answer_text: Optional[Bilingual] = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Calculation:
    question: str
    calculator: str
    value: Any
    result: Optional[dict]
    error: Optional[dict] = None


@dataclass(frozen=True, slots=True)
class DroppedItem:
    key: str
    value: Any
    reason: str


@dataclass(frozen=True, slots=True)
class ElementResult:
    """One element of a compliance-programme framework: its controls (question ids, in
    checklist order) and their readiness. ``id`` and ``title`` are None for the controls the
    framework has no element for."""

    id: Optional[str]
    title: Optional[Bilingual]
    readiness: Optional[int]
    controls_in_place: int
    controls_total: int
    questions: list[str]


@dataclass(frozen=True, slots=True)
class FrameworkResult:
    """The checklist grouped by the elements of one framework (BIS ECG, EU ICP, Korea CP)."""

    id: str
    title: Bilingual
    short: Bilingual
    source: Bilingual
    elements: list[ElementResult]
    outside: Optional[ElementResult] = None


@dataclass(frozen=True, slots=True)
class EvidenceEntry:
    """One evidence item on a question or plan action (``target``: ``question`` or ``action``,
    ``id``; ``title``: its text, None when the content no longer has it), with the state of a
    file when the report was made (``present``, ``missing``, ``altered``; a reference is
    ``reference``). ``number`` counts from 1 on its question or action."""

    target: str
    id: str
    title: Optional[Bilingual]
    number: int
    kind: str
    name: str
    size: int
    sha256: str
    reference: str
    note: str
    added: str
    status: str


@dataclass(frozen=True, slots=True)
class ReportData:
    schema_version: int
    evaluation: Evaluation
    content: ContentInfo
    meta: dict
    areas: list[AreaResult]
    checklist: list[ChecklistItem]
    findings: list[FindingResult]
    actions: list[ActionResult]
    unanswered: list[QuestionItem]
    unsure: list[QuestionItem]
    answers: list[QuestionItem] = field(default_factory=list)
    calculations: list[Calculation] = field(default_factory=list)
    dropped: list[DroppedItem] = field(default_factory=list)
    rules: list[RuleRef] = field(default_factory=list)  # every rule the report cites
    assessment_id: str = ""
    programme: list[FrameworkResult] = field(default_factory=list)
    evidence: list[EvidenceEntry] = field(default_factory=list)

    def to_dict(self) -> dict:
        return _plain(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def obligations(self) -> list[FindingResult]:
        """The findings that are duties: neither watch items nor information items (which
        the reports call "not a duty")."""
        return [f for f in self.findings if not f.watch and f.severity != "info"]

    def information(self) -> list[FindingResult]:
        """Information items: findings that inform and oblige to nothing."""
        return [f for f in self.findings if not f.watch and f.severity == "info"]

    def watch_items(self) -> list[FindingResult]:
        """Proposals and rules not enforced: followed, never obligations."""
        return [f for f in self.findings if f.watch]

    def area(self, area_id: str) -> AreaResult:
        for area in self.areas:
            if area.id == area_id:
                return area
        raise KeyError(area_id)

    def framework(self, framework_id: str) -> FrameworkResult:
        for framework in self.programme:
            if framework.id == framework_id:
                return framework
        raise KeyError(framework_id)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value
