"""The content's age on the evaluation date (issue 13): stale after its review-by date or more
than 90 days after its as-of date, said in both languages with what to do."""

from __future__ import annotations

import datetime as dt

from wizard.core.age import MAX_AGE_DAYS, content_age
from wizard.core.localize import date_text


def test_fresh_content_is_not_stale(mini_content):
    age = content_age(mini_content, mini_content.as_of + dt.timedelta(days=MAX_AGE_DAYS))
    assert not age.stale and age.message is None and age.days_since_as_of == MAX_AGE_DAYS


def test_content_older_than_90_days_is_stale_with_what_to_do(mini_content):
    day = mini_content.as_of + dt.timedelta(days=MAX_AGE_DAYS + 1)
    age = content_age(mini_content, day)
    assert age.stale and not age.review_by_passed
    assert set(age.parts) == {"profile", "chips", "rules"}
    assert date_text(mini_content.as_of, "ko") in age.message["ko"]
    assert date_text(day, "en") in age.message["en"] and "counsel" in age.message["en"]
    assert "updated content" in age.message["en"]


def test_content_past_its_review_by_date_says_so(mini_content):
    day = mini_content.review_by + dt.timedelta(days=1)
    age = content_age(mini_content, day)
    assert age.stale and age.review_by_passed
    assert date_text(mini_content.review_by, "en") in age.message["en"]
    assert date_text(mini_content.review_by, "ko") in age.message["ko"]
    assert content_age(mini_content, mini_content.review_by).review_by_passed is False


def test_the_report_carries_the_age_and_the_first_page_shows_it(mini_content):
    from wizard.core.assessment import new_assessment
    from wizard.core.engine import evaluate
    from wizard.report import markdown

    late = mini_content.review_by + dt.timedelta(days=30)
    report = evaluate(mini_content, new_assessment(mini_content), on=late)
    assert report.content.age.stale and report.evaluation.date == late.isoformat()
    text = markdown.render(report, "en", content=mini_content)
    first_page = text[:text.index("## 1.")]
    assert report.content.age.message["en"] in first_page.replace("\\", "")
    fresh = evaluate(mini_content, new_assessment(mini_content), on=mini_content.as_of)
    assert "Out-of-date" not in markdown.render(fresh, "en", content=mini_content)
