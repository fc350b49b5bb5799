"""One wording of every rule status (issue 13): the label the core makes for the evaluation
date, in each language, is what the wizard, HTML, PDF, Markdown, CSV and JSON print for every
finding of every example, in Korean, English and both; no format words a status itself."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from tests.report.conftest import needs_poppler, pdf_text
from tests.report.test_formats import LANGS, _Collect, _langs
from wizard.core.localize import date_text

def _squash(text: str) -> str:
    """Text without any whitespace: line breaks in a PDF may fall anywhere in Korean."""
    return re.sub(r"\s+", "", text)


def _html_text(markup: str) -> str:
    parser = _Collect()
    parser.feed(markup)
    return " ".join(parser.text)


def _labels(report, lang: str) -> list[str]:
    """Every status wording a reader must find: each finding's, and each of its rules'."""
    found = []
    for finding in report.findings:
        for lg in _langs(lang):
            found.append(finding.status_label[lg])
            found += [rule.label[lg] for rule in finding.rules]
    return found


def _assert_all_in(labels: list[str], text: str, where: str) -> None:
    squashed = _squash(text)
    missing = [label for label in labels if _squash(label) not in squashed]
    assert not missing, f"{where}: {missing[:3]}"


@pytest.mark.parametrize("lang", LANGS)
def test_html_markdown_json_and_csv_print_the_core_s_wording(prepared, lang):
    from wizard.report import export

    report = prepared.report
    labels = _labels(report, lang)
    html = _html_text(export.render(prepared.report, "html", lang, content=prepared.content).decode("utf-8"))
    _assert_all_in(labels, html, "html")
    markdown = export.render(prepared.report, "md", lang, content=prepared.content).decode("utf-8").replace("\\", "")
    _assert_all_in(labels, markdown, "markdown")
    data = json.loads(export.render(prepared.report, "json", lang, content=prepared.content))
    assert [f["status_label"] for f in data["findings"]] == \
        [f.status_label for f in report.findings]
    assert [[r["label"] for r in f["rules"]] for f in data["findings"]] == \
        [[r.label for r in f.rules] for f in report.findings]
    rows = list(csv.reader(io.StringIO(export.render(prepared.report, "csv", lang, content=prepared.content).decode("utf-8-sig"))))
    by_id = {rule.id: rule for rule in report.rules}
    for row, action in zip(rows[1:], report.actions):
        for rule_id in action.rules:
            for lg in _langs(lang):
                assert _squash(by_id[rule_id].label[lg]) in _squash(row[10]), (action.id, lg)
    # the day the statuses are for is on every cover, written the same way
    for text in (html, markdown):
        for lg in _langs(lang):
            assert _squash(date_text(report.evaluation.date, lg)) in _squash(text)


@pytest.mark.slow
@needs_poppler
def test_the_pdf_prints_the_core_s_wording(prepared, tmp_path):
    from wizard.report import export

    out = export.write(prepared.report, "pdf", "both", tmp_path / "report.pdf", content=prepared.content)
    _assert_all_in(_labels(prepared.report, "both"), pdf_text(out), "pdf")


@pytest.mark.parametrize("mode", LANGS)
def test_the_wizard_s_findings_print_the_core_s_wording(prepared, mode):
    from wizard.ui import lang
    from wizard.ui.results.findings import findings_html

    previous = lang.mode()
    lang.set_mode(mode)
    try:
        text = _html_text(findings_html(prepared.report))
    finally:
        lang.set_mode(previous)
    _assert_all_in(_labels(prepared.report, mode), text, "wizard")


def test_statuses_follow_the_evaluation_date(mini_prepared):
    """The mini bill is proposed on 2026-01-12: before that day it is not there yet."""
    import datetime as dt

    from wizard.core.engine import evaluate

    content, assessment = mini_prepared.content, mini_prepared.loaded.assessment
    before = evaluate(content, assessment, on=dt.date(2026, 1, 11))
    after = evaluate(content, assessment, on=dt.date(2026, 1, 12))
    status = {f.id: f.status for f in before.findings}
    if "remote_access_watch" in status:
        assert status["remote_access_watch"] == "not_yet"
        assert {f.id: f.status for f in after.findings}["remote_access_watch"] == "proposed"
    assert after.evaluation.date == "2026-01-12" and after.evaluation.basis == "option"
