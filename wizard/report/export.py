"""One entry for every report format: what the wizard's export page and the CLI call.

    FORMATS                                   ("html", "pdf", "docx", "xlsx", "md", "csv", "json")
    render(report, fmt, lang) -> bytes        the file's bytes
    write(report, fmt, lang, path, force=False)   write it (atomically; an existing file is
                                              replaced only with force=True)
    DETAILS                                   ("full", "summary"): the whole report or the
                                              short form (html, pdf, md; detail=...)

``report`` is the engine's :class:`~wizard.core.report_data.ReportData`. ``content`` (the
loaded questionnaires) adds the glossary and the names of calculations to HTML, PDF and
Markdown. ``lang`` is ``ko``, ``en`` or ``both``; JSON is bilingual by contract and ignores it.
``csv`` is the action plan and ``xlsx`` the action tracker (plan, checklist and findings,
which comes back with ``import-plan``); the others are the whole report. ``group`` is how the
checklist is grouped: ``area`` or a programme framework (``bis_ecg``, ``eu_icp``, ``kr_cp``).
``pdf`` needs Qt, and ``docx`` for its chart image.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from wizard.core.errors import InputError
from wizard.core.storage import check_new_file, write_new_file
from wizard.report.common import DETAILS, REPORT_LANGS

FORMATS = ("html", "pdf", "docx", "xlsx", "md", "csv", "json")
BINARY = ("pdf", "docx", "xlsx")
EXTENSIONS = {"html": ".html", "pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx", "md": ".md",
              "csv": ".csv", "json": ".json"}
_SUFFIXES = {".html": "html", ".htm": "html", ".pdf": "pdf", ".md": "md", ".markdown": "md",
             ".csv": "csv", ".json": "json", ".docx": "docx", ".xlsx": "xlsx"}


def suffixes(fmt: str) -> list[str]:
    """The file extensions that name ``fmt`` (``.html``, ``.htm``)."""
    return [suffix for suffix, named in _SUFFIXES.items() if named == fmt]


def format_for(path) -> Optional[str]:
    """The format a file name asks for by its extension (``None`` if it names none we know)."""
    return _SUFFIXES.get(Path(str(path)).suffix.lower())


def extension_of(path) -> str:
    """The extension of ``path`` as typed ('' when it has none)."""
    return Path(str(path)).suffix


def check(fmt: str, lang: str, detail: str = "full") -> None:
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if lang not in REPORT_LANGS:
        raise InputError(f"unknown language {lang!r}; use one of {', '.join(REPORT_LANGS)}")
    if detail not in DETAILS:
        raise InputError(f"unknown detail {detail!r}; use one of {', '.join(DETAILS)}")


def render(report, fmt: str, lang: str, *, content=None, group: str = "area",
           detail: str = "full") -> bytes:
    """The report in format ``fmt`` and language ``lang`` as the bytes of a file; ``group``
    is how the checklist is grouped (``area`` or a programme framework's id); ``detail``
    ``summary`` gives the short form of html, pdf and md (the others are the same in both)."""
    from wizard.report.view import check_grouping

    check(fmt, lang, detail)
    if fmt == "json":
        return report.to_json().encode("utf-8")
    group = check_grouping(report, group or "area")
    if fmt == "csv":
        from wizard.report import csvexport

        return csvexport.render(report, lang)
    if fmt == "md":
        from wizard.report import markdown

        return markdown.render(report, lang, content=content, group=group,
                               detail=detail).encode("utf-8")
    if fmt == "html":
        from wizard.report import html

        return html.render(report, lang, content=content, group=group,
                           detail=detail).encode("utf-8")
    if fmt == "docx":
        from wizard.report import docx

        return docx.render(report, lang, content=content, group=group)
    if fmt == "xlsx":
        from wizard.report import xlsx

        return xlsx.render_tracker(report, lang, group=group)
    from wizard.report import pdf

    return pdf.render_pdf(report, lang, content=content, group=group, detail=detail)


def write(report, fmt: str, lang: str, path, *, force: bool = False, content=None,
          group: str = "area", inputs=(), detail: str = "full") -> Path:
    """Render and write the report; nothing is written when rendering fails. ``inputs``: files
    the report was made from (the assessment), which it may never replace, even with force."""
    check(fmt, lang, detail)
    inputs = [p for p in inputs if p is not None]
    path = check_new_file(Path(path), force=force, inputs=inputs)   # before the rendering
    return write_new_file(path, render(report, fmt, lang, content=content, group=group,
                                       detail=detail), force=force, inputs=inputs)
