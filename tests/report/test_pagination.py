"""Printed reports never cut a table row between two pages: a checklist item or an action keeps
its Korean and English text, its state and its owner on one page."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES
from wizard.report import pagination, pdf


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
    moved = pagination.keep_rows_together(doc, pdf.PAGE_H)
    assert _cut_rows(doc, pdf.PAGE_H) == []
    assert moved > 0 and doc.pageCount() <= pages + 3   # little paper wasted


@pytest.mark.skipif(not (EXAMPLES / "saas_api_provider.json").is_file(),
                    reason="the example assessments are not there")
def test_a_second_run_for_another_page_size_starts_from_the_original():
    doc = _document("saas_api_provider", "both")
    doc.pageCount()
    pagination.keep_rows_together(doc, pdf.PAGE_H)
    first = doc.pageCount()
    from PySide6.QtCore import QSizeF

    letter_h = 279.4 / 25.4 * 96                       # what a US Letter printer asks for
    doc.setPageSize(QSizeF(pdf.PAGE_W, letter_h))
    pagination.keep_rows_together(doc, letter_h)
    assert _cut_rows(doc, letter_h) == []
    doc.setPageSize(QSizeF(pdf.PAGE_W, pdf.PAGE_H))
    pagination.keep_rows_together(doc, pdf.PAGE_H)
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
    pagination.keep_rows_together(doc, 500)            # terminates, and
    assert _cut_rows(doc, 500) == []                     # fixes every row it can
