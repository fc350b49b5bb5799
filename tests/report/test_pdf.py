"""The PDF as a reader and a PDF tool see it: Korean text extracts with its spaces, the fonts
are embedded, check boxes are glyphs, and the document the wizard prints is the same one."""

from __future__ import annotations

import re

from tests.report.conftest import needs_poppler, pdf_fonts, pdf_pages, pdf_text
from wizard.i18n import translate


@needs_poppler
def test_korean_extracts_with_spaces_and_fonts_are_embedded(mini_prepared, tmp_path):
    from wizard.report import pdf

    out = pdf.write_pdf(mini_prepared.report, "ko", tmp_path / "ko.pdf",
                        content=mini_prepared.content)
    text = pdf_text(out)
    question = mini_prepared.content.questions["profile.screening"].question.text.ko
    assert " " in question and question in text  # a Korean phrase with spaces, verbatim
    for msgid in ("Readiness checklist", "Questions for your counsel", "Action plan"):
        phrase = translate(msgid, "ko")
        assert re.search("[\uac00-\ud7a3]", phrase) and " " in phrase
        assert phrase in text
    assert "15 CFR 742.6(a)(6)(iii)(A)" in text
    assert "\u2611" in text and "\u2610" in text  # ballot boxes survive as text
    names = {f["name"]: f for f in pdf_fonts(out)}
    korean = [f for n, f in names.items() if n.endswith(("AITRSansKR-Regular",
                                                          "AITRSansKR-Bold"))]
    assert korean and all(f["emb"] == "yes" and f["uni"] == "yes" for f in korean)
    assert any("AITRSymbols" in n for n in names)


@needs_poppler
def test_bilingual_pdf_puts_both_languages_of_each_finding(mini_prepared, tmp_path):
    from wizard.report import pdf

    out = pdf.write_pdf(mini_prepared.report, "both", tmp_path / "both.pdf",
                        content=mini_prepared.content)
    text = re.sub(r"\s+", " ", pdf_text(out))
    for finding in mini_prepared.report.findings:
        ko, en = finding.explanation["ko"], finding.explanation["en"]
        assert ko in text and en in text
        assert text.index(ko) < text.index(en)  # Korean first, then English
    for action in mini_prepared.report.actions:
        assert action.title["ko"] in text and action.title["en"] in text
    assert pdf_pages(out) >= 6


def test_build_document_is_an_a4_document_with_the_bundled_fonts(mini_prepared):
    from wizard.fonts import KOREAN_FAMILY
    from wizard.report import pdf

    doc = pdf.build_document(mini_prepared.report, "ko", content=mini_prepared.content)
    assert doc.pageCount() >= 6
    assert doc.defaultFont().family() == KOREAN_FAMILY
    size = doc.pageSize()
    assert abs(size.width() / size.height() - 210 / 297) < 0.01
    assert translate("Readiness checklist", "ko") in doc.toPlainText()


def test_pdf_bytes_are_a_pdf(mini_prepared):
    from wizard.report import export

    data = export.render(mini_prepared.report, "pdf", "en", content=mini_prepared.content)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def test_ensure_app_reuses_the_running_application(qapp):
    from wizard.report import pdf

    assert pdf.ensure_app() is qapp


@needs_poppler
def test_print_document_paints_every_page_with_a_footer(mini_prepared, tmp_path):
    from PySide6.QtGui import QPageSize, QPdfWriter

    from wizard.report import pdf

    doc = pdf.build_document(mini_prepared.report, "en")
    path = tmp_path / "printed.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    pages = pdf.print_document(doc, writer, "Footer text", "en")
    del writer
    assert pdf_pages(path) == pages
    assert pdf_text(path).count("Footer text") == pages
