"""The modules the program imports inside functions, and why: the one list of them.

The wizard paints its first page, and the command line parses its arguments, before any of
these is needed; each is imported where it is first used. ``tests/test_imports.py`` checks
that none of them is loaded at either start-up, and that every other import inside a function
says beside it why it is there (a guard for a missing library, the command line kept light, a
crash report that must not need what failed). Everything else is imported at the top.
"""

from __future__ import annotations

# name (a module, or a package and everything under it) -> why it waits
DEFERRED: dict[str, str] = {
    # libraries
    "pydantic": "checks files as they are read; 60-80 ms to import",
    "jinja2": "HTML reports",
    "docx": "the Word report",
    "lxml": "the Word report (python-docx's XML)",
    "openpyxl": "the Excel tracker and questionnaire",
    "babel.numbers": "numbers in reports",
    "ctypes": "Windows-only system calls",
    "PySide6.QtPrintSupport": "printing and print preview",
    # our content and engine: loaded after the first page, while the user reads it
    "wizard.content_store": "installed content (cryptography, platformdirs)",
    "wizard.core.age": "the content's age",
    "wizard.core.answer_import": "importing a returned questionnaire",
    "wizard.core.assessment": "opening and saving assessments",
    "wizard.core.assessment_schema": "checking an assessment file (pydantic)",
    "wizard.core.bizno": "checking a business registration number",
    "wizard.core.bundle": "content bundles",
    "wizard.core.cells": "spreadsheet cells",
    "wizard.core.checks": "validating packs",
    "wizard.core.clients": "the client library",
    "wizard.core.content": "loading the questionnaires",
    "wizard.core.content_cache": "the checked-content cache",
    "wizard.core.content_changes": "what changed for a company",
    "wizard.core.engine": "evaluating answers",
    "wizard.core.evidence": "evidence files",
    "wizard.core.frameworks_schema": "checking frameworks.yaml (pydantic)",
    "wizard.core.iso3166": "country names",
    "wizard.core.model": "the content model",
    "wizard.core.plan_import": "importing a returned tracker",
    "wizard.core.presenting": "answers in words",
    "wizard.core.recheck": "re-checking clients",
    "wizard.core.report_data": "report data",
    "wizard.core.schema": "checking packs (pydantic)",
    "wizard.core.scoring": "readiness and exposure",
    "wizard.core.signing": "signatures (cryptography)",
    "wizard.core.yamlsource": "reading YAML (PyYAML)",
    # reports: made on request
    "wizard.report.blank": "the blank questionnaire",
    "wizard.report.chart": "the report's chart",
    "wizard.report.clients": "the re-check summary",
    "wizard.report.compare": "comparisons",
    "wizard.report.csvexport": "CSV",
    "wizard.report.docx": "the Word report",
    "wizard.report.export": "writing reports",
    "wizard.report.html": "HTML",
    "wizard.report.markdown": "Markdown",
    "wizard.report.pagination": "printed pages",
    "wizard.report.pdf": "PDF",
    "wizard.report.qtchart": "the chart drawn by Qt",
    "wizard.report.templating": "Jinja2 templates",
    "wizard.report.view": "the report's layout data",
    "wizard.report.xlsx": "the Excel tracker",
    "wizard.report.xlsx_read": "reading a returned workbook",
    # wizard pages and dialogs: built when first shown
    "wizard.ui.clients_dialog": "File > Client library",
    "wizard.ui.content_dialog": "Help > Content updates",
    "wizard.ui.display": "the no-display check of 'open'",
    "wizard.ui.evidence_dialog": "the evidence dialog",
    "wizard.ui.glossary_dialog": "the glossary",
    "wizard.ui.importing": "File > Import from Excel",
    "wizard.ui.pages.details": "the details page",
    "wizard.ui.pages.export": "the export page",
    "wizard.ui.pages.results": "the results page",
    "wizard.ui.pages.review": "the review page",
    "wizard.ui.pages.section": "the question pages",
    "wizard.ui.question_block": "the question pages",
    "wizard.ui.session": "an assessment being answered",
}


def covers(module: str) -> bool:
    """Whether ``module`` is one of :data:`DEFERRED` or inside one of its packages."""
    return any(module == name or module.startswith(name + ".") for name in DEFERRED)
