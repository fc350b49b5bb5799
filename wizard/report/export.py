"""One entry for every report format: what the wizard's export page and the CLI call.

    FORMATS                                   ("html", "pdf", "md", "csv", "json")
    render(report, fmt, lang) -> bytes        the file's bytes
    write(report, fmt, lang, path, force=False)   write it (atomically; an existing file is
                                              replaced only with force=True)
    DETAILS                                   ("full", "summary"): the whole report or the
                                              short form (html, pdf, md; detail=...)

``report`` is the engine's :class:`~wizard.core.report_data.ReportData` (or the ``Prepared``
of :func:`wizard.report.common.prepare`, which also carries the content). ``content`` (the
loaded questionnaires) adds the glossary and the names of calculations to HTML, PDF and
Markdown. ``lang`` is ``ko``, ``en`` or ``both``; JSON is bilingual by contract and ignores it.
``csv`` is the action plan; the others are the whole report. Only ``pdf`` needs Qt.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from wizard.core.errors import InputError
from wizard.core.storage import check_new_file, write_new_file
from wizard.report.common import DETAILS, REPORT_LANGS

FORMATS = ("html", "pdf", "md", "csv", "json")
EXTENSIONS = {"html": ".html", "pdf": ".pdf", "md": ".md", "csv": ".csv", "json": ".json"}
_SUFFIXES = {".html": "html", ".htm": "html", ".pdf": "pdf", ".md": "md", ".markdown": "md",
             ".csv": "csv", ".json": "json"}


def format_for(path) -> Optional[str]:
    """The format a file name asks for by its extension (``None`` if it says nothing)."""
    return _SUFFIXES.get(Path(str(path)).suffix.lower())


def _unwrap(report, content):
    if hasattr(report, "report") and hasattr(report, "content"):
        return report.report, content if content is not None else report.content
    return report, content


def check(fmt: str, lang: str, detail: str = "full") -> None:
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if lang not in REPORT_LANGS:
        raise InputError(f"unknown language {lang!r}; use one of {', '.join(REPORT_LANGS)}")
    if detail not in DETAILS:
        raise InputError(f"unknown detail {detail!r}; use one of {', '.join(DETAILS)}")


def render(report, fmt: str, lang: str, *, content=None, detail: str = "full") -> bytes:
    """The report in format ``fmt`` and language ``lang`` as the bytes of a file; ``detail``
    ``summary`` gives the short form of html, pdf and md (csv and json are the same in both)."""
    check(fmt, lang, detail)
    report, content = _unwrap(report, content)
    if fmt == "json":
        return report.to_json().encode("utf-8")
    if fmt == "csv":
        from wizard.report import csvexport

        return csvexport.render(report, lang)
    if fmt == "md":
        from wizard.report import markdown

        return markdown.render(report, lang, content=content, detail=detail).encode("utf-8")
    if fmt == "html":
        from wizard.report import html

        return html.render(report, lang, content=content, detail=detail).encode("utf-8")
    from wizard.report import pdf

    return pdf.render_pdf(report, lang, content=content, detail=detail)


def write_bytes(path, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; refuse to replace a file without ``force``."""
    return write_new_file(Path(path), data, force=force)


def write(report, fmt: str, lang: str, path, *, force: bool = False, content=None,
          detail: str = "full") -> Path:
    """Render and write the report; nothing is written when rendering fails."""
    check(fmt, lang, detail)
    path = check_new_file(Path(path), force=force)   # before the (possibly slow) rendering
    return write_new_file(path, render(report, fmt, lang, content=content, detail=detail),
                          force=force)
