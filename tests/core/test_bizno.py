"""Business registration numbers (saeopja deungnok beonho): the check digit, the written form,
and the refusals a person reads (in Korean too)."""

from __future__ import annotations

import pytest

from wizard.core.assessment import Meta, edit_meta
from wizard.core.bizno import BusinessNumberError, check_digit, normalise
from wizard.core.errors import AssessmentError

# published numbers of well-known companies (their registration certificates are public)
VALID = ["124-81-00998",    # Samsung Electronics
         "107-86-14075"]    # LG Electronics


@pytest.mark.parametrize("number", VALID)
def test_real_numbers_pass_and_come_back_written_with_hyphens(number):
    digits = number.replace("-", "")
    assert normalise(number) == number
    assert normalise(digits) == number
    assert normalise(f" {digits[:3]} {digits[3:5]} {digits[5:]} ") == number
    assert check_digit(digits[:9]) == int(digits[9])


@pytest.mark.parametrize("number", VALID)
def test_every_single_mistyped_digit_is_caught(number):
    digits = number.replace("-", "")
    for position in range(10):
        for wrong in "0123456789":
            if wrong == digits[position]:
                continue
            typo = digits[:position] + wrong + digits[position + 1:]
            with pytest.raises(BusinessNumberError):
                normalise(typo)


@pytest.mark.parametrize("text, count", [("124-81-0099", 9), ("1248100998 1", 11),
                                          ("124-81-OO998", 8), ("abc", 0)])
def test_wrong_lengths_and_letters_are_refused_with_the_count(text, count):
    with pytest.raises(BusinessNumberError) as info:
        normalise(text)
    assert f"has {count}" in str(info.value)


def test_empty_means_none_given():
    assert normalise("") == "" and normalise("   ") == ""


def test_the_assessment_keeps_the_written_form_and_refuses_a_bad_number_in_korean_too():
    meta = edit_meta(Meta(), business_number="1248100998")
    assert meta.business_number == "124-81-00998"
    with pytest.raises(AssessmentError) as info:
        edit_meta(meta, business_number="124-81-00999")
    assert "meta.business_number" in str(info.value)
    assert "사업자등록번호" in info.value.render("ko")
    assert meta.business_number == "124-81-00998"      # the refused edit changed nothing
