"""The one wording of a rule's status on a date, in Korean and English.

``status_label(state)`` gives ``{ko, en}``, e.g. "In force again by default since November 10,
2026 (no extension found): confirm with counsel". Every presenter (wizard, HTML, PDF,
Markdown, CSV, JSON, blank form, comparison) prints these labels and never words a status
itself; dates are written in each language's long form (``wizard.core.localize``: in Korean year,
month and day with their units, in English "November 10, 2026").
"""

from __future__ import annotations

from typing import Optional

from wizard.core.localize import date_text
from wizard.i18n import LANGUAGES, N_, translate

# the status alone, for tables, filters and counts
STATUS_NAMES = {
    "in_force": N_("In force"),
    "scheduled": N_("Scheduled"),
    "suspended": N_("Suspended"),
    "suspension_ended": N_("Suspension ended"),
    "lifted": N_("Lifted"),
    "proposed": N_("Proposed"),
    "bill": N_("Bill"),
    "enacted": N_("Enacted, regulations pending"),
    "guidance": N_("Guidance"),
    "decision": N_("Decision"),
    "not_enforced": N_("Not enforced"),
    "withdrawn": N_("Withdrawn"),
    "non_binding": N_("Non-binding"),
    "discussed": N_("Policy discussion only"),
    "programme": N_("Programme (an opportunity, not a duty)"),
    "not_found": N_("No such rule found"),
    "not_yet": N_("Not yet issued"),
}

# the status with its date ({date}: since; {until}: a suspension's last day; {effective}: ...)
WITH_DATE = {
    "in_force": N_("In force since {date}"),
    "scheduled": N_("Takes effect on {effective}"),
    "suspended": N_("Suspended from {date}"),
    "lifted": N_("Lifted on {date}"),
    "proposed": N_("Proposed on {date}"),
    "bill": N_("Bill, latest step on {date}"),
    "enacted": N_("Enacted on {date}, regulations pending"),
    "guidance": N_("Guidance of {date}"),
    "decision": N_("Decision of {date}"),
    "not_enforced": N_("Not enforced since {date}"),
    "withdrawn": N_("Withdrawn on {date}"),
    "non_binding": N_("Non-binding, {date}"),
    "discussed": N_("Policy discussion only, {date}"),
    "programme": N_("Programme since {date} (an opportunity, not a duty)"),
    "not_found": N_("No such rule found (checked {date})"),
}

SUSPENDED_UNTIL = N_("Suspended from {date} to {until}")
SUSPENSION_ENDED = N_("Suspension ended on {until}: in force again by default from {effective} "
                      "unless extended")
REIMPOSED = N_("In force again since {date} (reimposed)")
REIMPOSED_BY_DEFAULT = N_("In force again by default since {date} (no extension found)")
COMPLIANCE = N_("{status}; compliance date {compliance}")
BILL_STEPS = {
    "introduced": N_("Bill, introduced on {date}"),
    "committee_approved": N_("Bill, approved in committee on {date}"),
    ("passed_chamber", "house"): N_("Bill, passed the House on {date}"),
    ("passed_chamber", "senate"): N_("Bill, passed the Senate on {date}"),
}
COMMENTS_CLOSED = N_("Proposed on {date}; comment period closed on {closed}")

# what comes next, after the evaluation date
NEXT = {
    "in_force": N_("{status}; takes effect on {next}"),
    "compliance_date": N_("{status}; compliance date {next}"),
    "reimposed": N_("{status}; in force again from {next}"),
    "comment_period_closes": N_("{status}; comments close on {next}"),
    "lifted": N_("{status}; to be lifted on {next}"),
    "suspended": N_("{status}; to be suspended from {next}"),
}

CONFIRM = N_("{status}: confirm with counsel")


def _date(value, lang: str) -> str:
    return date_text(value, lang)


def _words(state, lang: str) -> str:
    status = state.status
    dates = {"date": _date(state.since, lang), "until": _date(state.until, lang),
             "effective": _date(state.effective, lang)}
    if status == "suspension_ended":
        text = translate(SUSPENSION_ENDED, lang, **dates)
    elif status == "suspended" and state.since and state.until:
        text = translate(SUSPENDED_UNTIL, lang, **dates)
    elif status == "in_force" and state.since and state.setter == "reimposed":
        text = translate(REIMPOSED_BY_DEFAULT if state.confirm else REIMPOSED, lang, **dates)
    elif status == "bill" and state.since and _bill_step(state) in BILL_STEPS:
        text = translate(BILL_STEPS[_bill_step(state)], lang, **dates)
    elif status == "proposed" and state.since and state.step == "comment_period_closes":
        text = translate(COMMENTS_CLOSED, lang, closed=_date(state.step_on, lang), **dates)
    elif status == "scheduled" and state.effective:
        text = translate(WITH_DATE["scheduled"], lang, **dates)
    elif state.since and status in WITH_DATE:
        text = translate(WITH_DATE[status], lang, **dates)
    else:
        text = translate(STATUS_NAMES.get(status, status), lang)
    if status == "in_force" and state.compliance and state.compliance != state.since:
        text = translate(COMPLIANCE, lang, status=text,
                         compliance=_date(state.compliance, lang))
    if state.next in NEXT:
        text = translate(NEXT[state.next], lang, status=text, next=_date(state.next_on, lang))
    if state.confirm:
        text = translate(CONFIRM, lang, status=text)
    return text


def _bill_step(state):
    return (state.setter, state.chamber) if state.setter == "passed_chamber" else state.setter


def status_label(state) -> dict[str, str]:
    """``{ko, en}`` wording of a ``timeline.RuleState``."""
    return {lang: _words(state, lang) for lang in LANGUAGES}


def status_name(status: str, lang: str) -> str:
    """The name of a status alone ("In force", "Bill", ...), for tables and counts."""
    msgid: Optional[str] = STATUS_NAMES.get(status)
    return translate(msgid, lang) if msgid else status
