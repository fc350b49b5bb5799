"""Every format in every language for every case (the mini assessment, and each example once
examples/ has files): what a reader needs is there, and each file is well formed."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest

from tests.report.conftest import (needs_poppler, pdf_fonts, pdf_pages, pdf_text,
                                   screenshot)
from wizard.i18n import translate

LANGS = ("ko", "en", "both")
HEADINGS = ("Executive summary", "Readiness checklist", "Findings by area",
            "Watch items (not obligations)", "Action plan", "Questions for your counsel")


def _langs(lang: str) -> tuple[str, ...]:
    return ("ko", "en") if lang == "both" else (lang,)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("lang", LANGS)
def test_html_is_one_self_contained_readable_file(prepared, lang):
    from wizard.report import export

    report = prepared.report
    html = export.render(prepared.report, "html", lang, content=prepared.content).decode("utf-8")
    parser = _Collect()
    parser.feed(html)
    tags = dict((t, a) for t, a in parser.tags)
    assert tags["html"]["lang"] == ("en" if lang == "en" else "ko")
    assert "svg" in tags and "style" in tags
    for tag, attrs in parser.tags:
        for name in ("src", "href", "action"):
            assert not attrs.get(name), (tag, attrs)  # no external (or any) URL
        assert tag not in ("script", "input", "link", "iframe", "object")
    assert not re.search(r"url\(|@import|https?://(?!www\.w3\.org/2000/svg)", html)
    text = _flat(" ".join(parser.text))
    for lg in _langs(lang):
        for heading in HEADINGS:
            assert translate(heading, lg) in text
        for finding in report.findings:
            assert _flat(finding.title[lg]) in text
        for item in report.checklist:
            assert _flat(item.text[lg]) in text
    joined = _flat("".join(parser.text))      # as a browser shows it: spans join up
    for finding in report.findings:
        for citation in finding.citations:
            assert citation in joined
    assert "@page" in html and "page-break-inside: avoid" in html
    if report.checklist:
        assert "\u2610" in text and "\u2611" in text  # ballot boxes as glyphs (legend + items)


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_has_every_section(prepared, lang):
    from wizard.report import export

    text = export.render(prepared.report, "md", lang, content=prepared.content).decode("utf-8")
    assert text.startswith("# ")
    for lg in _langs(lang):
        for heading in HEADINGS:
            assert translate(heading, lg) in text
    for finding in prepared.report.findings:
        for citation in finding.citations:
            assert citation in text.replace("\\", "")
    from wizard.core.localize import date_text

    content = prepared.report.content
    for day in (content.as_of, content.review_by):
        assert date_text(day, lang, short=True) in text   # one date style per language


@pytest.mark.parametrize("lang", LANGS)
def test_csv_action_plan_round_trips_with_bom(prepared, lang):
    from wizard.report import csvexport, export

    data = export.render(prepared.report, "csv", lang, content=prepared.content)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == csvexport.header(lang)
    assert len(rows[0]) == 12
    body = rows[1:]
    report = prepared.report
    assert len(body) == len(report.actions)
    assert [int(r[0]) for r in body] == [a.priority for a in report.actions]
    assert body == csvexport.rows(report, lang)
    for row, action in zip(body, report.actions):
        assert row[7] == action.plan.due and row[9] == "; ".join(action.citations)


def test_json_is_the_report_contract(prepared):
    from wizard.report import export

    data = export.render(prepared.report, "json", "ko", content=prepared.content)
    assert data.decode("utf-8") == prepared.report.to_json()
    assert json.loads(data)["content"]["version"] == prepared.report.content.version


@pytest.mark.slow
@needs_poppler
@pytest.mark.parametrize("lang", LANGS)
def test_pdf_pages_text_and_fonts(prepared, case, lang, tmp_path, screenshots_dir):
    from wizard.report import export

    out = export.write(prepared.report, "pdf", lang, tmp_path / "report.pdf", content=prepared.content)
    report = prepared.report
    pages = pdf_pages(out)
    assert pages >= 6  # cover, summary, checklist, findings, watch items, plan, ...
    text = pdf_text(out)
    flat = _flat(text)
    for lg in _langs(lang):
        for heading in HEADINGS:
            assert translate(heading, lg) in flat, heading
        assert translate("Page {page} of {pages}", lg, page=pages, pages=pages) in flat
        for finding in report.findings:
            assert _flat(finding.title[lg]) in flat
    for finding in report.findings:
        for citation in finding.citations:
            assert citation in flat, citation
    fonts = pdf_fonts(out)
    korean = [f for f in fonts if "AITRSansKR" in f["name"]]
    assert korean and all(f["emb"] == "yes" for f in korean)
    assert all(f["emb"] == "yes" for f in fonts)
    png = screenshot(out, screenshots_dir, f"report-{case.name}-{lang}-p1")
    assert png.stat().st_size > 1000
    if lang == "both":
        screenshot(out, screenshots_dir, f"report-{case.name}-{lang}-p4", page=4)


def test_export_refuses_to_replace_a_file_without_force(mini_prepared, tmp_path):
    from wizard.core.errors import InputError
    from wizard.report import export

    out = tmp_path / "r.md"
    out.write_text("keep", encoding="utf-8")
    with pytest.raises(InputError, match="already exists"):
        export.write(mini_prepared.report, "md", "en", out, content=mini_prepared.content)
    assert out.read_text(encoding="utf-8") == "keep"
    export.write(mini_prepared.report, "md", "en", out, force=True, content=mini_prepared.content)
    assert out.read_text(encoding="utf-8").startswith("# ")
    with pytest.raises(InputError, match="unknown format"):
        export.render(mini_prepared.report, "odt", "en", content=mini_prepared.content)
    with pytest.raises(InputError, match="unknown language"):
        export.render(mini_prepared.report, "md", "fr", content=mini_prepared.content)
    assert export.FORMATS == ("html", "pdf", "docx", "xlsx", "md", "csv", "json")


def test_report_data_alone_renders_without_content(mini_prepared):
    """The wizard may pass ReportData without the content: everything but the glossary shows."""
    from wizard.report import export

    for fmt in ("html", "md", "csv", "json"):
        assert export.render(mini_prepared.report, fmt, "both")


def test_dates_are_written_for_the_language(mini_prepared):
    from wizard.report import export

    en = export.render(mini_prepared.report, "html", "en", content=mini_prepared.content).decode("utf-8")
    ko = export.render(mini_prepared.report, "html", "ko", content=mini_prepared.content).decode("utf-8")
    assert "November 23, 2026" in en and "May 31, 2027" in en
    assert "2026\ub144 11\uc6d4 23\uc77c" in ko  # 2026 nyeon 11 wol 23 il
    both = export.render(mini_prepared.report, "md", "both", content=mini_prepared.content).decode("utf-8")
    notice = next(line for line in both.splitlines() if line.startswith("> "))
    ko_part, en_part = notice.split(" / ", 1)
    assert "November" not in ko_part and "November 23, 2026" in en_part


def test_answers_from_an_older_content_version_are_listed_not_lost(tmp_path):
    import copy

    from tests.conftest import MINI
    from tests.report.conftest import MINI_ASSESSMENT, write_assessment
    from wizard.report import export
    from wizard.report.common import prepare

    data = copy.deepcopy(MINI_ASSESSMENT)
    data["packs"]["chips"] = "0.9.0"
    data["answers"]["chips.retired_question"] = "yes"
    data["notes"]["chips.retired_question"] = "old note"
    prepared = prepare(write_assessment(tmp_path, data), MINI)
    assert [d.key for d in prepared.report.dropped] == ["chips.retired_question",
                                                        "chips.retired_question"]
    heading = "Appendix {letter}: Answers not carried over to the current content"
    for lang in ("ko", "en"):
        html = export.render(prepared.report, "html", lang, content=prepared.content).decode("utf-8")
        md = export.render(prepared.report, "md", lang, content=prepared.content).decode("utf-8")
        title = translate(heading, lang, letter="D")  # rules cited, answers, scores: A-C
        assert title in html and title in md
        assert "chips.retired_question" in html and "old note" in html
        assert "chips.retired\\_question" in md
