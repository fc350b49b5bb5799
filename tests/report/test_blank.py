"""The blank checklist: numbered questions, boxes and lines, and the skip logic in words."""

from __future__ import annotations

import re

import pytest

from tests.conftest import MINI
from tests.report.conftest import needs_poppler, pdf_text, screenshot
from wizard.core import expr
from wizard.i18n import translate

HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.fixture(scope="module")
def content():
    from wizard.core.content import load_content

    return load_content(MINI)


def _question(parts, qid):
    for part in parts:
        for section in part.sections:
            for q in section.questions:
                if q.qid == qid:
                    return q
    raise KeyError(qid)


def test_every_question_is_numbered_in_order(content):
    from wizard.report.blank import blank_parts

    parts = blank_parts(content)
    numbers = [q.number for p in parts for s in p.sections for q in s.questions]
    assert numbers == list(range(1, len(content.questions) + 1))


def test_skip_logic_is_worded_with_question_numbers(content):
    from wizard.report.blank import blank_parts

    parts = blank_parts(content)
    sells = _question(parts, "chips.sells").number
    tops = _question(parts, "chips.tops")
    assert tops.condition["en"] == f"Answer only if question {sells} is \u201cYes\u201d."
    ko = tops.condition["ko"]
    assert str(sells) in ko and translate("Yes", "ko") in ko and HANGUL.search(ko)
    assert "{" not in ko and "==" not in ko
    chips = next(p for p in parts if p.pack.id == "chips")
    activities = _question(parts, "profile.activities").number
    assert chips.condition["en"] == (f"Fill in this part only if question {activities} "
                                     "includes \u201cChips\u201d.")
    assert "\ubc18\ub3c4\uccb4" in chips.condition["ko"]  # the Korean option label, from the pack
    calc = _question(parts, "chips.chip_class")
    assert "7, 8, 9" in calc.computed_from["en"]


def test_a_pack_alone_names_other_packs_questions_by_their_text(content):
    from wizard.report.blank import blank_parts

    parts = blank_parts(content, ["chips"])
    assert [p.pack.id for p in parts] == ["chips"]
    assert _question(parts, "chips.sells").number == 1
    assert "\u201cWhat do you do?\u201d (Company profile)" in parts[0].condition["en"]


def test_unknown_pack_is_refused_with_the_list(content):
    from wizard.core.errors import InputError
    from wizard.report.blank import blank_parts

    with pytest.raises(InputError, match="the packs are: profile, chips"):
        blank_parts(content, ["nope"])


@pytest.mark.parametrize("source,words", [
    ("sells == 'yes'", "question 6 is \u201cYes\u201d"),
    ("sells != 'no'", "question 6 is not \u201cNo\u201d"),
    ("not (sells == 'yes')", "question 6 is not \u201cYes\u201d"),
    ("tops >= 4800", "question 7 is 4,800 or more"),
    ("4800 < tops", "question 7 is more than 4,800"),
    ("tops + bits * 2 > 100", "question 7 + (question 8 \u00d7 2) comes to more than 100"),
    ("profile.customer_hq has @D5", "question 2 includes a country of Country Group D:5"),
    ("not (profile.customer_hq has @macau)", "question 2 includes no country of Macau"),
    ("'CN' in profile.customer_hq", "question 2 includes \u201cChina (CN)\u201d"),
    ("profile.activities has ['chips', 'data']",
     "question 1 includes any of \u201cChips\u201d, \u201cData\u201d"),
    ("profile.training in ['yearly', 'sometimes']",
     "question 5 is one of \u201cYearly\u201d, \u201cSometimes\u201d"),
    ("count(profile.activities) >= 2",
     "the number of answers to question 1 comes to 2 or more"),
    ("answered(tops) and not answered(bits)",
     "question 7 is answered and question 8 is not answered"),
    ("sells == 'yes' and (tops > 1 or bits < 8)",
     "question 6 is \u201cYes\u201d and (question 7 is more than 1 or question 8 is less "
     "than 8)"),
])
def test_wording_of_conditions(content, source, words):
    from wizard.report.wording import Wording

    numbers = {qid: n for n, qid in enumerate(content.questions, start=1)}
    wording = Wording(content, numbers)
    tree = expr.parse(source, "chips")
    assert wording.words(tree, "en") == words
    ko = wording.words(tree, "ko")
    assert HANGUL.search(ko) and "{" not in ko


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
def test_blank_html_has_boxes_lines_and_conditions(content, lang):
    from wizard.report.blank import render_html

    html = render_html(content, lang)
    assert "<input" not in html
    assert html.count("\u2610") >= 3 * 3 + 3  # yes/no/unsure x 3 + every option
    assert "____" in html
    langs = ("ko", "en") if lang == "both" else (lang,)
    for lg in langs:
        assert translate("Answer only if {condition}.", lg,
                         condition="").replace(" .", "").strip(" .") in html


@needs_poppler
@pytest.mark.parametrize("lang", ["ko", "en", "both"])
def test_blank_pdf_prints_the_skip_logic(content, lang, tmp_path, screenshots_dir):
    from wizard.report.blank import render_pdf

    out = tmp_path / "blank.pdf"
    out.write_bytes(render_pdf(content, lang))
    text = re.sub(r"\s+", " ", pdf_text(out))
    if lang != "ko":
        assert "Answer only if question 6 is \u201cYes\u201d." in text
        assert "Do you screen parties?" in text
    if lang != "en":
        assert content.questions["profile.screening"].question.text.ko in text
    assert "\u2610" in text
    screenshot(out, screenshots_dir, f"blank-mini-{lang}-p1", page=2)
