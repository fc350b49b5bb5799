"""Korean business registration numbers (saeopja deungnok beonho): ten digits written
``123-45-67890``, the last a check digit.

The check digit (as the National Tax Service computes it): multiply the first nine digits by
1, 3, 7, 1, 3, 7, 1, 3, 5, add the products, add the tens digit of (ninth digit x 5), and the
check digit is (10 - sum mod 10) mod 10. ``normalise`` accepts the number with or without
hyphens or spaces and gives the written form, or raises :class:`BusinessNumberError` saying
what is wrong (a Note, so the wizard and the command line say it in the reader's language).
"""

from __future__ import annotations

from wizard.i18n import N_, Note

WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)
NOT_TEN_DIGITS = N_("a business registration number has 10 digits (123-45-67890); {value} "
                    "has {count}")
BAD_CHECK_DIGIT = N_("{value} is not a valid business registration number (its check digit "
                     "does not match); check the number on the registration certificate")


class BusinessNumberError(ValueError):
    """A number that is not a business registration number; ``note`` says why."""

    def __init__(self, msgid: str, **params) -> None:
        self.note = Note(msgid, params)
        super().__init__(self.note.english())


def check_digit(first_nine: str) -> int:
    """The check digit of the first nine digits of a registration number."""
    digits = [int(ch) for ch in first_nine]
    total = sum(d * w for d, w in zip(digits, WEIGHTS)) + digits[8] * 5 // 10
    return (10 - total % 10) % 10


def normalise(text: str) -> str:
    """``text`` as ``123-45-67890`` (empty stays empty); hyphens and spaces are optional."""
    raw = text.strip()
    if not raw:
        return ""
    digits = "".join(ch for ch in raw if ch not in "- \u2010\u2011\u2012\u2013\u2212")
    if not (digits.isascii() and digits.isdigit()) or len(digits) != 10:
        shown = raw if len(raw) <= 40 else raw[:37] + "..."
        count = sum(ch.isdigit() for ch in digits)
        raise BusinessNumberError(NOT_TEN_DIGITS, value=repr(shown), count=count)
    written = f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"
    if check_digit(digits[:9]) != int(digits[9]):
        raise BusinessNumberError(BAD_CHECK_DIGIT, value=written)
    return written
