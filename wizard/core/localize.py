"""Dates and numbers written for a reader of Korean, English or both (Babel/CLDR): the one
place every format, the wizard and the core's status wording take their date style from.

``date_text("2026-11-23", "ko")`` gives the long Korean form, ``"en"`` the long English one and
``"both"`` the two joined. Short forms (for table cells) are the medium CLDR forms in one
language, and ISO dates in a bilingual report, which both readers read the same way.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Optional, Union

from wizard import paths

DateLike = Union[str, dt.date, None]


def _as_date(value: DateLike) -> Optional[dt.date]:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


@lru_cache(maxsize=1)
def _patterns() -> dict:
    """``translations/dates.json``: the CLDR long and medium date patterns of Korean and
    English, so writing a date needs no locale data (Babel's date module costs 15-20 ms to
    import, on the way of every report and the results page)."""

    return json.loads((paths.translations_dir() / "dates.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=512)
def _format(day: dt.date, style: str, lang: str) -> str:
    name = _MONTHS[day.month - 1]
    return _patterns()[lang][style].format(month_name=name, month_abbr=name[:3],
                                           year=day.year, month=day.month, day=day.day)


def date_text(value: DateLike, lang: str, *, short: bool = False, sep: str = " / ") -> str:
    """``value`` (ISO text or a date) as a reader of ``lang`` writes it; '' for no date, the
    text itself when it is not a date."""
    day = _as_date(value)
    if day is None:
        return "" if value in (None, "") else str(value)
    if lang == "both":
        if short:
            return day.isoformat()
        return f"{_format(day, 'long', 'ko')}{sep}{_format(day, 'long', 'en')}"
    return _format(day, "medium" if short else "long", lang)


def number_text(value, lang: str) -> str:
    """A number with the grouping of ``lang`` (Korean and English both group by thousands);
    very large figures (training compute) as powers of ten: ``10^26``, ``6.3 x 10^24``."""
    from babel.numbers import format_decimal

    if value is None:
        return ""
    if value and abs(value) >= 1e12:
        mantissa, exponent = f"{value:.3e}".split("e")
        mantissa = mantissa.rstrip("0").rstrip(".")
        power = f"10^{int(exponent)}"
        return power if mantissa == "1" else f"{mantissa} \u00d7 {power}"
    locale = "ko" if lang == "both" else lang
    return format_decimal(value, locale=locale)
