"""The hand-over to the report formats, loaded only when used (they pull in Jinja2 and the
PDF code). ``wizard.report.export`` (``FORMATS``, ``write(report, fmt, lang, path)``) and
``wizard.report.pdf`` (``build_document(report, lang)``) are used when they exist; until then
JSON and Markdown are written from the core's report data and printing uses the Markdown
report laid out by QTextDocument."""

from __future__ import annotations

from wizard.ui.compat import run_event_loop

import importlib
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Optional

from wizard.i18n import N_

FALLBACK_FORMATS = ("json", "md")
FORMAT_NAMES = {
    "pdf": N_("PDF document"),
    "html": N_("Web page (HTML)"),
    "md": N_("Markdown text"),
    "json": N_("JSON data"),
    "csv": N_("Spreadsheet (CSV)"),
    "docx": N_("Word document"),
    "xlsx": N_("Excel workbook"),
}
EXTENSIONS = {"md": "md", "json": "json", "html": "html", "pdf": "pdf", "csv": "csv",
              "docx": "docx", "xlsx": "xlsx"}


def report_module(name: str) -> Optional[ModuleType]:
    """``wizard.report.<name>`` if it is part of this build, else ``None``."""
    full = f"wizard.report.{name}"
    try:
        if importlib.util.find_spec(full) is None:
            return None
    except (ImportError, ValueError):
        return None
    return importlib.import_module(full)


def formats() -> list[str]:
    module = report_module("export")
    found = getattr(module, "FORMATS", None) if module is not None else None
    if isinstance(found, dict):
        return list(found)
    if isinstance(found, (list, tuple)) and found:
        return [str(f) for f in found]
    return list(FALLBACK_FORMATS)


def extension(fmt: str) -> str:
    return EXTENSIONS.get(fmt, fmt)


def _call(function, *args, **optional):
    """``function(*args, **optional)`` passing only the keywords it accepts."""
    import inspect

    try:
        accepted = inspect.signature(function).parameters
    except (TypeError, ValueError):
        accepted = {}
    kwargs = {k: v for k, v in optional.items() if k in accepted}
    return function(*args, **kwargs)


def write(report, fmt: str, lang: str, path: Path, content=None, group: str = "area",
          inputs=(), detail: str = "full") -> None:
    """Write ``report`` as ``fmt`` in ``lang`` (ko, en or both) to ``path`` (the file
    dialog has already asked before replacing a file); ``group``: the checklist by area or
    by a programme framework's elements; ``inputs``, the open assessment, is never replaced;
    ``detail``: ``full`` or ``summary`` (the short form)."""
    module = report_module("export")
    if module is not None and hasattr(module, "write"):
        _call(module.write, report, fmt, lang, Path(path), force=True, content=content,
              group=group, inputs=inputs, detail=detail)
        return
    from wizard.core.errors import InputError
    from wizard.core.storage import atomic_write

    if fmt == "json":
        data = report.to_json()
    elif fmt == "md":
        from wizard.report import markdown

        data = markdown.render(report, lang)
    else:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FALLBACK_FORMATS)}")
    atomic_write(Path(path), data.encode("utf-8"))


def build_document(report, lang: str, content=None, group: str = "area",
                   detail: str = "full"):
    """A QTextDocument of the report for printing."""
    module = report_module("pdf")
    if module is not None and hasattr(module, "build_document"):
        return _call(module.build_document, report, lang, content=content, group=group,
                     detail=detail)
    from PySide6.QtGui import QTextDocument

    from wizard.fonts import ui_font
    from wizard.report import markdown

    document = QTextDocument()
    document.setDefaultFont(ui_font(10))
    document.setMarkdown(markdown.render(report, lang))
    return document


def make_printer():
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    from PySide6.QtGui import QPageSize

    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return printer


def paint(document, printer, report, lang: str) -> None:
    """Lay ``document`` out on ``printer``: with the report's page footers when the PDF
    module provides them, else Qt's plain ``QTextDocument.print_``."""
    module = report_module("pdf")
    if module is not None and hasattr(module, "print_document"):
        footer = module.footer_text(report, lang) if hasattr(module, "footer_text") else ""
        header = module.header_text(report, lang) if hasattr(module, "header_text") else ""
        module.print_document(document, printer, footer, lang, header)
    else:
        document.print_(printer)


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
    run_event_loop(preview_dialog(parent, report, lang, content, group, detail))


def print_report(parent, report, lang: str, content=None, group: str = "area",
                 detail: str = "full") -> bool:
    """The system print dialog, then print; ``False`` when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog

    document = build_document(report, lang, content, group, detail)
    printer = make_printer()
    dialog = QPrintDialog(printer, parent)
    if run_event_loop(dialog) != QPrintDialog.DialogCode.Accepted:
        return False
    paint(document, printer, report, lang)
    return True
