"""An assessment file's shape and types as pydantic checks them when a file is read
(``wizard.core.assessment.parse_assessment``): unknown keys, wrong types, lengths, dates,
statuses, each refusal with its place. The program then works with the plain objects of
:mod:`wizard.core.assessment`, which declare the same fields (a test keeps them in step), and
the wizard's own edits go through the same rules there (``edit_meta``, ``edit_plan``).
"""

from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import (BaseModel, ConfigDict, Field, field_validator,  # noqa: I001
                      model_validator)

from wizard.core import evidence as _evidence
from wizard.core.assessment import (FORMAT, MAX_COMMENT, MAX_ID, MAX_MARKING,  # noqa: F401
                                    MAX_NAME, MAX_VERSION, META_LANGUAGES, PLAN_STATUSES,
                                    SCHEMA_VERSION, _Refused, check_business_number, check_date,
                                    check_notes)
from wizard.core.timeline import STATUSES


class Meta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    company: str = Field(default="", max_length=MAX_NAME)
    assessor: str = Field(default="", max_length=MAX_NAME)
    date: str = ""
    language: Literal[META_LANGUAGES] = "ko"
    business_number: str = Field(default="", max_length=MAX_NAME)
    confidentiality: str = Field(default="", max_length=MAX_MARKING)
    reviewer: str = Field(default="", max_length=MAX_NAME)
    review_date: str = ""
    approver: str = Field(default="", max_length=MAX_NAME)
    approval_date: str = ""

    _check_date = field_validator("date", "review_date", "approval_date")(check_date)
    _check_business_number = field_validator("business_number")(check_business_number)


class PlanEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    owner: str = Field(default="", max_length=MAX_NAME)
    due: str = ""
    status: Literal[PLAN_STATUSES] = "open"
    comment: str = Field(default="", max_length=MAX_COMMENT)

    _check_due = field_validator("due")(check_date)


class ContentRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(default="", max_length=MAX_ID)
    version: str = Field(default="", max_length=MAX_VERSION)
    on: str = ""
    findings: dict[str, Literal[STATUSES]] = Field(default_factory=dict)
    open: list[str] = Field(default_factory=list)
    set_aside: list[str] = Field(default_factory=list)

    _check_on = field_validator("on")(check_date)


def _checked(check):
    """A core check as a pydantic validator: its refusal keeps the core's words."""

    def validate(value):
        try:
            return check(value)
        except _evidence.Refused as exc:
            raise _Refused(exc.note.msgid, **exc.note.params) from exc
    return validate


class EvidenceItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal[_evidence.KINDS] = "file"
    name: str = Field(default="", max_length=_evidence.MAX_FILE_NAME)
    size: int = 0
    sha256: str = Field(default="", max_length=64)
    reference: str = Field(default="", max_length=_evidence.MAX_REFERENCE)
    note: str = Field(default="", max_length=_evidence.MAX_EVIDENCE_NOTE)
    added: str = ""

    @model_validator(mode="after")
    def _fits(self):
        _checked(_evidence.check_item)(_evidence.item_from(self.model_dump()))
        return self


class Assessment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["ai-trade-readiness-assessment"] = FORMAT
    schema_version: int = SCHEMA_VERSION
    id: str = Field(default="", max_length=MAX_ID)
    packs: dict[str, str] = Field(default_factory=dict)
    meta: Meta = Field(default_factory=Meta)
    answers: dict[str, Any] = Field(default_factory=dict)
    notes: dict[str, str] = Field(default_factory=dict)
    plan: dict[str, PlanEdit] = Field(default_factory=dict)
    content: Optional[ContentRecord] = None
    evidence: dict[str, list[EvidenceItem]] = Field(default_factory=dict)

    _check_evidence = field_validator("evidence", mode="before")(
        _checked(_evidence.check_map))
    _check_notes = field_validator("notes")(check_notes)
