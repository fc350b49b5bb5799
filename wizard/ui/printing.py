"""The wizard's hand-over to the report formats (``wizard.report.export`` writes files,
``wizard.report.pdf`` lays the report out for the printer), imported when first used: they
pull in Jinja2 and the PDF code, which a start-up does not need."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageSize

from wizard.i18n import N_

FORMAT_NAMES = {
    "pdf": N_("PDF document"),
    "html": N_("Web page (HTML)"),
    "md": N_("Markdown text"),
    "json": N_("JSON data"),
    "csv": N_("Spreadsheet (CSV)"),
    "docx": N_("Word document"),
    "xlsx": N_("Excel workbook"),
}


def formats() -> tuple[str, ...]:
    """Every report format, in the order the export page offers them."""
    from wizard.report.export import FORMATS

    return FORMATS


def extension(fmt: str) -> str:
    """The file extension of ``fmt``, without its dot (``pdf``)."""
    from wizard.report.export import EXTENSIONS

    return EXTENSIONS[fmt].lstrip(".")


def write(report, fmt: str, lang: str, path: Path, content=None, group: str = "area",
          inputs=(), detail: str = "full") -> None:
    """Write ``report`` as ``fmt`` in ``lang`` (ko, en or both) to ``path`` (the file
    dialog has already asked before replacing a file); ``group``: the checklist by area or
    by a programme framework's elements; ``inputs``, the open assessment, is never replaced;
    ``detail``: ``full`` or ``summary`` (the short form)."""
    from wizard.report import export

    export.write(report, fmt, lang, Path(path), force=True, content=content, group=group,
                 inputs=inputs, detail=detail)


def build_document(report, lang: str, content=None, group: str = "area",
                   detail: str = "full"):
    """A QTextDocument of the report for printing."""
    from wizard.report import pdf

    return pdf.build_document(report, lang, content=content, group=group, detail=detail)


def make_printer():
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return printer


def paint(document, printer, report, lang: str) -> None:
    """Lay ``document`` out on ``printer`` with the report's page headers and footers."""
    from wizard.report import pdf

    pdf.print_document(document, printer, pdf.footer_text(report, lang), lang,
                       pdf.header_text(report, lang))


def preview_dialog(parent, report, lang: str, content=None, group: str = "area",
                   detail: str = "full"):
    """A print preview of the report (QPrintPreviewDialog), not yet shown."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    document = build_document(report, lang, content, group, detail)
    dialog = QPrintPreviewDialog(make_printer(), parent)
    dialog.paintRequested.connect(lambda target: paint(document, target, report, lang))
    dialog.resize(1000, 760)
    dialog.document = document            # keep it alive as long as the dialog
    return dialog


def preview(parent, report, lang: str, content=None, group: str = "area",
            detail: str = "full") -> None:
    preview_dialog(parent, report, lang, content, group, detail).exec()


def print_report(parent, report, lang: str, content=None, group: str = "area",
                 detail: str = "full") -> bool:
    """The system print dialog, then print; ``False`` when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog

    document = build_document(report, lang, content, group, detail)
    printer = make_printer()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint(document, printer, report, lang)
    return True
