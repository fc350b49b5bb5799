"""Printed reports never cut a table row between two pages: a checklist item or an action keeps
its Korean and English text, its state and its owner on one page."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES
from wizard.report import pagination, pdf

pytestmark = pytest.mark.slow  # lays out large reports on several page sizes


def _cut_rows(doc, page_h: float) -> list[tuple[int, int]]:
    """(table position, row) of every row shorter than half a page whose text a page break
    cuts."""
    layout = doc.documentLayout()
    cut = []
    for table in pagination._tables(doc.rootFrame()):
        for row in range(table.format().headerRowCount(), table.rows()):
            top, bottom = pagination._extent(doc, layout, table, row)
            if bottom - top < page_h / 2 and int(top // page_h) != int((bottom - 1) // page_h):
                cut.append((table.firstPosition(), row))
    return cut


def _document(name: str, lang: str):
    from wizard.report.common import prepare

    return pdf.build_document(prepare(EXAMPLES / f"{name}.json", None).report, lang)


@pytest.mark.skipif(not (EXAMPLES / "saas_api_provider.json").is_file(),
                    reason="the example assessments are not there")
@pytest.mark.parametrize("lang", ["both", "en"])
def test_no_row_is_cut_by_a_page_break(lang):
    doc = _document("saas_api_provider", lang)
    doc.pageCount()
    before = _cut_rows(doc, pdf.PAGE_H)
    assert before, "the example no longer has rows Qt would cut: the test proves nothing"
    pages = doc.pageCount()
    moved = pagination.paginate(doc, pdf.PAGE_H)
    assert _cut_rows(doc, pdf.PAGE_H) == []
    assert moved > 0 and doc.pageCount() <= pages + 3   # little paper wasted


@pytest.mark.skipif(not (EXAMPLES / "saas_api_provider.json").is_file(),
                    reason="the example assessments are not there")
def test_a_second_run_for_another_page_size_starts_from_the_original():
    doc = _document("saas_api_provider", "both")
    doc.pageCount()
    pagination.paginate(doc, pdf.PAGE_H)
    first = doc.pageCount()
    from PySide6.QtCore import QSizeF

    letter_h = 279.4 / 25.4 * 96                       # what a US Letter printer asks for
    doc.setPageSize(QSizeF(pdf.PAGE_W, letter_h))
    pagination.paginate(doc, letter_h)
    assert _cut_rows(doc, letter_h) == []
    doc.setPageSize(QSizeF(pdf.PAGE_W, pdf.PAGE_H))
    pagination.paginate(doc, pdf.PAGE_H)
    assert _cut_rows(doc, pdf.PAGE_H) == [] and doc.pageCount() == first


def test_a_row_taller_than_half_a_page_is_left_to_split():
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    tall = "<br>".join(f"line {i}" for i in range(60))
    rows = "".join(f"<tr><td>row {i}<br>2<br>3</td><td>x</td></tr>" for i in range(12))
    doc = QTextDocument()
    doc.setHtml(f"<table border=1><thead><tr><th>h</th><th>h</th></tr></thead>{rows}"
                f"<tr><td>{tall}</td><td>tall</td></tr>{rows}</table>")
    doc.setPageSize(QSizeF(400, 500))
    doc.pageCount()
    pagination.paginate(doc, 500)            # terminates, and
    assert _cut_rows(doc, 500) == []                     # fixes every row it can


# -- headings, page fill and the short form, on every example --------------------------------

EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.json")) if EXAMPLES.is_dir() else []
SHORT_FORM_PAGES = {"ko": (4, 8), "en": (4, 9), "both": (6, 12)}   # about 6-8 pages to hand over


def _paginated(name: str, lang: str, detail: str):
    from wizard.report.common import prepare

    prepared = prepare(EXAMPLES / f"{name}.json", None)
    doc = pdf.build_document(prepared.report, lang, content=prepared.content, detail=detail)
    doc.pageCount()
    pagination.paginate(doc, pdf.PAGE_H)
    return doc


def _layout_problems(doc) -> list[str]:
    problems = [f"page {page}: heading {text!r} is the last thing on the page"
                for page, text in pagination.lonely_headings(doc, pdf.PAGE_H)]
    pages = pagination.page_fill(doc, pdf.PAGE_H)
    for page in pages:
        if not page.ends_section and page.fill < pagination.MIN_FILL:
            problems.append(f"page {page.number} is {page.fill:.0%} full in mid-section")
        if page.ends_section and not page.starts_section and page.fill < pagination.MIN_TAIL:
            problems.append(f"page {page.number} ends its section holding only "
                            f"{page.fill:.0%} of a page")
    problems += [f"row {row} of the table at {at} is cut" for at, row in
                 pagination.cut_rows(doc, pdf.PAGE_H)]
    return problems


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_printed_pages_keep_headings_with_their_text_and_are_not_left_empty(name, lang):
    """No heading is the last block of a page; no page is below MIN_FILL except the last of a
    section, and that one is not a lone line or row; no row is cut."""
    problems = _layout_problems(_paginated(name, lang, "full"))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_short_form_is_a_few_pages_laid_out_as_well(name, lang):
    doc = _paginated(name, lang, "summary")
    pages = doc.pageCount()
    print(f"short form of {name} ({lang}): {pages} pages")
    low, high = SHORT_FORM_PAGES[lang]
    assert low <= pages <= high, f"{name} ({lang}): {pages} pages"
    problems = _layout_problems(doc)
    assert not problems, "\n".join(problems)


def test_the_layout_checks_can_fail():
    """A heading pushed to a page foot is found (and moved), and so is a page holding a line
    or two at the end of a section."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    def document(lines: int, heading: bool):
        doc = QTextDocument()
        body = "".join(f"<p>line {i}</p>" for i in range(lines))
        doc.setHtml(body + ("<h3>Lonely heading</h3>" + "<p>its text</p>" * 5 if heading
                            else ""))
        doc.setPageSize(QSizeF(400, 600))
        return doc

    lonely = next((doc for n in range(1, 80) for doc in [document(n, True)]
                   if pagination.lonely_headings(doc, 600)), None)
    assert lonely is not None, "no filler length puts the heading at the foot of page 1"
    assert pagination.lonely_headings(lonely, 600) == [(1, "Lonely heading")]
    assert pagination.paginate(lonely, 600) == 1
    assert pagination.lonely_headings(lonely, 600) == []
    assert lonely.pageCount() == 2

    tail = next(doc for n in range(1, 80) for doc in [document(n, False)]
                if doc.pageCount() == 2)
    last = pagination.page_fill(tail, 600)[-1]
    assert last.ends_section and not last.starts_section and last.fill < pagination.MIN_TAIL
