"""The readiness report as PDF, through Qt's QTextDocument and QPdfWriter (fonts embedded).

* ``build_document(report, lang)`` gives the laid-out QTextDocument (A4) that the wizard's
  print preview and printing use;
* ``write_pdf(report, lang, path)`` writes the PDF file;
* ``print_document(doc, device, footer, lang, header)`` paints a document page by page on a
  QPdfWriter or QPrinter with a footer (title, company, page numbers) and, when the assessment
  has one, its confidentiality marking at the top of every page; for the wizard too.

A QGuiApplication is needed: :func:`ensure_app` creates one when none exists (on Linux without a
display it selects Qt's ``offscreen`` platform unless ``QT_QPA_PLATFORM`` is already set) and
registers the bundled fonts, whose families the templates and the default font name.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (QAbstractTextDocumentLayout, QColor, QFont, QGuiApplication, QPageLayout,
                           QPageSize, QPainter, QPdfWriter, QTextDocument)

from wizard.core.errors import InputError
from wizard.core.storage import atomic_write
from wizard.fonts import KOREAN_FAMILY, SYMBOL_FAMILY, register_fonts
from wizard.i18n import N_
from wizard.qtfix import guard_none_refcount
from wizard.report.common import marking_text, tr

# A4 in CSS pixels (1/96 inch), the unit the document is laid out in.
PAGE_W = 210 / 25.4 * 96
PAGE_H = 297 / 25.4 * 96
MARGIN_X = 16 / 25.4 * 96
MARGIN_TOP = 16 / 25.4 * 96
MARGIN_BOTTOM = 20 / 25.4 * 96
BASE_POINT_SIZE = 9.5
CHART_URL = "aitr://chart/areas.png"
FOOTER = N_("Page {page} of {pages}")
MARKING_COLOUR = "#b3261e"

_app = None


def ensure_app():
    """The running QGuiApplication (a QApplication counts), created headless if needed, with
    the bundled fonts registered."""
    global _app

    app = QGuiApplication.instance()
    if app is None:
        if (sys.platform.startswith("linux") and "QT_QPA_PLATFORM" not in os.environ
                and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _app = app = QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0]
                                      else "readiness-wizard"])

    guard_none_refcount()  # a no-op except on the one defective Qt for Python release
    register_fonts()
    return app


def default_font():
    font = QFont(KOREAN_FAMILY)
    font.setFamilies([KOREAN_FAMILY, SYMBOL_FAMILY])
    font.setPointSizeF(BASE_POINT_SIZE)
    return font


WORD_JOINER = "\u2060"


def join_citation_runs(html: str) -> str:
    """Word joiners between the brackets of every citation run ("(a)⁠(6)⁠(iii)⁠(A)"), so that Qt,
    which ignores ``white-space: nowrap`` on a span, never breaks a citation across lines; the
    joiners are invisible and leave the PDF's extracted text as it was."""
    from wizard.report.templating import CITE_RUN

    parts = html.split(CITE_RUN)
    for index in range(1, len(parts)):
        run, closing, rest = parts[index].partition("</span>")
        parts[index] = run.replace(")(", ")" + WORD_JOINER + "(") + closing + rest
    return CITE_RUN.join(parts)


def new_document(html: str, images: Optional[dict] = None):
    """A QTextDocument for A4 paper holding ``html`` (already escaped by the templates) and
    the given images (url -> QImage); citation runs are kept whole (``join_citation_runs``)."""

    ensure_app()
    doc = QTextDocument()
    doc.setDefaultFont(default_font())
    doc.setUseDesignMetrics(True)
    doc.setDocumentMargin(0)
    for url, image in (images or {}).items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
    doc.setHtml(join_citation_runs(html))
    frame = doc.rootFrame().frameFormat()
    frame.setLeftMargin(MARGIN_X)
    frame.setRightMargin(MARGIN_X)
    frame.setTopMargin(MARGIN_TOP)
    frame.setBottomMargin(MARGIN_BOTTOM)
    doc.rootFrame().setFrameFormat(frame)
    doc.setPageSize(QSizeF(PAGE_W, PAGE_H))
    return doc


@dataclass(frozen=True)
class ChartImage:
    url: str
    width: int
    height: int


def build_document(report, lang: str, *, content=None, group: str = "area",
                   detail: str = "full"):
    """The report laid out on A4 pages, ready to print or to write as PDF (``group``: the
    checklist by area or by the elements of a programme framework; ``detail``: ``full`` or
    ``summary``, the short form)."""
    from wizard.report import chart, qtchart, templating
    from wizard.report.view import report_context

    ensure_app()
    rows = chart.chart_rows(report)
    image = qtchart.render_image(rows, lang)
    info = ChartImage(CHART_URL, chart.WIDTH, chart.height(rows, lang))
    context = report_context(report, lang, target="qt", content=content, chart=info,
                             group=group, detail=detail)
    html = templating.render("report.html", lang, **context)
    return new_document(html, {CHART_URL: image})


def header_text(report, lang: str) -> str:
    """The confidentiality marking printed at the top of every page ("" when none)."""

    return marking_text(getattr(report, "meta", None), lang)


def footer_text(report, lang: str) -> str:
    """Footer of every page: program, company (as typed, drawn as plain text)."""

    company = (report.meta or {}).get("company") or ""
    title = tr(N_("AI Trade Readiness report"), lang)
    return f"{title} \u00b7 {company}" if company else title


def print_document(doc, device, footer: str = "", lang: str = "en", header: str = "") -> int:
    """Paint ``doc`` page by page on ``device`` (QPdfWriter or QPrinter, A4 with no margins
    of its own) with ``footer`` and page numbers at the bottom and ``header`` (the
    confidentiality marking) at the top right of every page. Returns the page count."""

    from wizard.report.pagination import paginate

    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    paint = device.pageLayout().paintRectPoints()
    page_w, page_h = paint.width() * 96 / 72, paint.height() * 96 / 72
    doc.setPageSize(QSizeF(page_w, page_h))
    paginate(doc, page_h)
    pages = max(1, doc.pageCount())
    scale = device.logicalDpiX() / 96
    painter = QPainter()
    if not painter.begin(device):
        raise InputError.said(N_("cannot start writing the PDF (the output device refused)"))
    try:
        layout = doc.documentLayout()
        small = QFont(default_font())
        small.setPixelSize(10)  # in document units (1/96 inch): 7.5 pt
        mark = QFont(default_font())
        mark.setPixelSize(12)
        mark.setBold(True)
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.save()
            clip = QRectF(0, page * page_h, page_w, page_h)
            painter.translate(0, -page * page_h)
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            layout.draw(painter, context)
            painter.restore()
            painter.setFont(small)
            painter.setPen(QColor("#5b6675"))
            band = QRectF(MARGIN_X, page_h - MARGIN_BOTTOM * 0.62, page_w - 2 * MARGIN_X, 14)
            painter.drawText(band, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             footer)
            painter.drawText(band, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             tr(FOOTER, lang, page=page + 1, pages=pages))
            if header:
                painter.setFont(mark)
                painter.setPen(QColor(MARKING_COLOUR))
                top = QRectF(MARGIN_X, MARGIN_TOP * 0.3, page_w - 2 * MARGIN_X, 18)
                painter.drawText(top, int(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter), header)
            painter.restore()
    finally:
        painter.end()
    return pages


def _pdf_writer(target):
    writer = QPdfWriter(target)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(1200)
    writer.setCreator("AI Trade Readiness")
    return writer


def document_pdf_bytes(doc, footer: str, lang: str, title: str = "", header: str = "") -> bytes:
    """The PDF of a laid-out document, in memory (``header``: the marking on every page)."""

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _pdf_writer(buffer)
    if title:
        writer.setTitle(title)
    print_document(doc, writer, footer, lang, header)
    del writer
    buffer.close()
    return bytes(data.data())


def render_pdf(report, lang: str, *, content=None, group: str = "area",
               detail: str = "full") -> bytes:
    """The PDF report as bytes (``group``: how the checklist is grouped; ``detail``: full or
    the short form)."""

    doc = build_document(report, lang, content=content, group=group, detail=detail)
    return document_pdf_bytes(doc, footer_text(report, lang), lang,
                              tr(N_("AI Trade Readiness report"), lang),
                              header_text(report, lang))


def write_pdf(report, lang: str, path, *, content=None, group: str = "area",
              detail: str = "full") -> Path:
    """Write the PDF report to ``path`` (atomically: a complete file or none)."""

    path = Path(path)
    atomic_write(path, render_pdf(report, lang, content=content, group=group, detail=detail))
    return path

