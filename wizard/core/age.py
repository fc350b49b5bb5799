"""How old the content is on the evaluation date, and what a user should do about it.

Content is stale when the evaluation date is after the review-by date of a pack or of the rule
registry, or more than ``MAX_AGE_DAYS`` after its as-of date. The wizard's results page, the
first page of every report and the command line show the message prominently.
"""

from __future__ import annotations

import datetime as dt

from wizard.core.localize import date_text
from wizard.core.report_data import ContentAge
from wizard.i18n import LANGUAGES, N_, translate

MAX_AGE_DAYS = 90

REVIEW_PASSED = N_("Out-of-date content: it is as of {as_of} and was due for review by "
                   "{review_by}; on {date} it may no longer reflect the law. Get updated "
                   "content, and confirm the status of every rule with counsel before relying "
                   "on this report.")
TOO_OLD = N_("Possibly out-of-date content: it is as of {as_of}, {days} days before {date}, and "
             "these rules change every few weeks. Get updated content, and confirm the status "
             "of every rule with counsel before relying on this report.")


def content_age(content, day: dt.date) -> ContentAge:
    """The age of ``content`` (packs and registry) on ``day``."""
    parts = []
    for part in content.dated:
        if day > part.review_by or (day - part.as_of).days > MAX_AGE_DAYS:
            parts.append(getattr(part, "id", "rules"))
    as_of, review_by = content.as_of, content.review_by
    days = (day - as_of).days
    passed = day > review_by
    if not parts:
        return ContentAge(False, False, days, [])
    msgid = REVIEW_PASSED if passed else TOO_OLD
    message = {lang: translate(msgid, lang, as_of=date_text(as_of, lang),
                               review_by=date_text(review_by, lang),
                               date=date_text(day, lang), days=days) for lang in LANGUAGES}
    return ContentAge(True, passed, days, parts, message)
