"""Dates and numbers in the reader's language."""

from __future__ import annotations

import datetime as dt

from wizard.core.localize import date_text, number_text


def test_long_and_short_dates():
    assert date_text("2026-11-23", "en") == "November 23, 2026"
    assert date_text("2026-11-23", "ko") == "2026\ub144 11\uc6d4 23\uc77c"
    assert date_text(dt.date(2026, 11, 23), "both") == \
        "2026\ub144 11\uc6d4 23\uc77c / November 23, 2026"
    assert date_text("2026-12-31", "en", short=True) == "Dec 31, 2026"
    assert date_text("2026-12-31", "ko", short=True) == "2026. 12. 31."
    assert date_text("2026-12-31", "both", short=True) == "2026-12-31"
    assert date_text("", "en") == "" and date_text(None, "ko") == ""
    assert date_text("soon", "en") == "soon"


def test_numbers():
    assert number_text(1234567, "en") == "1,234,567"
    assert number_text(4800, "ko") == "4,800"
    assert number_text(None, "en") == ""
    assert number_text(1e26, "en") == "10^26"
    assert number_text(6.3e24, "ko") == "6.3 \u00d7 10^24"
    assert number_text(3.5, "en") == "3.5"
