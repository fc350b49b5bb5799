"""The Word report: the same content as the PDF (texts, dates, statuses from the report data)
in Korean, English and both, built from real Word structures a client can edit (heading
styles, a table of contents, header rows that repeat, rows that never split, page numbers),
with Korean in the East Asian font slot, the confidentiality marking on every page and the
approval block on the cover."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.report.conftest import MINI_ASSESSMENT, write_assessment
from wizard.report import docx as word
from wizard.report.common import OFFICE_FONT, pick, status_text
from wizard.core.localize import date_text

pytestmark = pytest.mark.slow  # writes Word reports of every example

LANGS = ("ko", "en", "both")
_CACHE: dict = {}


def render(prepared, lang, **kwargs) -> bytes:
    key = (id(prepared), lang, tuple(sorted(kwargs.items())))
    if key not in _CACHE:
        _CACHE[key] = word.render(prepared.report, lang, content=prepared.content, **kwargs)
    return _CACHE[key]


def texts(data: bytes) -> list[str]:
    """Every text run of the document body, headers and footers, in order."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("word/") and name.endswith(".xml") and (
                    name == "word/document.xml" or "header" in name or "footer" in name):
                from lxml import etree

                root = etree.fromstring(archive.read(name))
                out += [t.text or "" for t in root.iter(qn("w:t"))]
    return out


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def languages(lang):
    return ("ko", "en") if lang == "both" else (lang,)


@pytest.mark.parametrize("lang", LANGS)
def test_the_content_matches_the_report_data(prepared, lang):
    report = prepared.report
    data = render(prepared, lang)
    assert data[:2] == b"PK"
    runs = texts(data)
    blob = "\n".join(runs)
    assert report.meta["company"] in runs
    assert date_text(report.meta["date"], lang) in runs
    for f in report.findings:
        for l in languages(lang):
            assert f.title[l] in blob, (f.id, l)
        assert status_text(f, lang) in runs, f.id
        for citation in f.citations:
            assert citation in blob
    for a in report.actions:
        for l in languages(lang):
            assert a.title[l] in runs, (a.id, l)
        if a.plan.due:
            assert date_text(a.plan.due, lang, short=True) in runs
        if a.plan.owner:
            assert a.plan.owner in runs
    for item in report.checklist:
        assert item.text[languages(lang)[0]] in runs
    for q in report.unsure:
        assert q.text[languages(lang)[0]] in runs
    if prepared.content is not None and prepared.content.glossary is not None:
        term = prepared.content.glossary.terms[0].term
        assert term.get(languages(lang)[0]) in blob


@pytest.mark.parametrize("lang", LANGS)
def test_word_structures_a_client_can_edit(prepared, lang):
    data = render(prepared, lang)
    document = Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [h.split(".")[0] for h in headings[:6]] == ["1", "2", "3", "4", "5", "6"]
    assert any(p.style.name == "Heading 2" for p in document.paragraphs)
    body = part(data, "word/document.xml")
    assert 'TOC \\o "1-2"' in body
    footer = "".join(part(data, n) for n in zipfile.ZipFile(io.BytesIO(data)).namelist()
                     if n.startswith("word/footer"))
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert "<w:updateFields" in part(data, "word/settings.xml")
    with_header = 0
    for table in document.tables:
        rows = table.rows
        for i, row in enumerate(rows):
            props = row._tr.trPr
            assert props is not None and props.find(qn("w:cantSplit")) is not None
            if props.find(qn("w:tblHeader")) is not None:
                assert i == 0
                with_header += 1
    assert with_header >= 5
    media = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist()
             if n.startswith("word/media/")]
    assert media and media[0].endswith(".png")
    areas = prepared.report.areas
    assert f'descr="{pick(areas[0].title, lang)}' in body


def test_korean_is_set_in_the_east_asian_font_slot(mini_prepared):
    data = word.render(mini_prepared.report, "ko", content=mini_prepared.content)
    styles = part(data, "word/styles.xml")
    defaults = styles.split("</w:docDefaults>")[0]
    assert f'w:eastAsia="{OFFICE_FONT}"' in defaults and 'w:ascii="Malgun Gothic"' in defaults
    assert 'w:eastAsia="ko-KR"' in defaults and "eastAsiaTheme" not in defaults
    document = Document(io.BytesIO(data))
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts is None or fonts.get(qn("w:eastAsia")) == OFFICE_FONT, name
    table = part(data, "word/fontTable.xml")
    assert f'w:name="{OFFICE_FONT}"' in table
    assert '<w:altName w:val="Malgun Gothic"/>' in table and '<w:charset w:val="81"/>' in table


def test_marking_on_every_page_header_and_the_approval_block(tmp_path):
    from wizard.report.common import prepare
    from tests.conftest import MINI

    data = dict(MINI_ASSESSMENT, schema_version=2)
    data["meta"] = dict(data["meta"], confidentiality="confidential",
                        business_number="124-81-00998", reviewer="Park (CCO)",
                        review_date="2026-11-25", approver="Choi (CEO)",
                        approval_date="2026-11-26")
    prepared = prepare(write_assessment(tmp_path, data), MINI)
    for lang, marking in (("ko", "대외비"), ("en", "Confidential"),
                          ("both", "대외비 / Confidential")):
        out = word.render(prepared.report, lang, content=prepared.content)
        document = Document(io.BytesIO(out))
        section = document.sections[0]
        assert not section.different_first_page_header_footer
        assert marking in section.header.paragraphs[0].text
        runs = texts(out)
        for text in ("124-81-00998", "Park (CCO)", "Choi (CEO)", "Kim"):
            assert text in runs, (lang, text)
        approval = {"ko": ["결재", "작성", "검토", "승인"],
                    "en": ["Approval", "Prepared by", "Reviewed by", "Approved by"]}
        for l in languages(lang):
            for word_ in approval[l]:
                assert any(word_ in r for r in runs), (lang, word_)
    plain = word.render(prepare(write_assessment(tmp_path, MINI_ASSESSMENT, "p.json"), MINI)
                        .report, "ko")
    assert "대외비" not in "".join(texts(plain))


def test_checklist_grouped_by_a_framework():
    from tests.conftest import EXAMPLES
    from wizard.report.common import prepare

    prepared = prepare(EXAMPLES / "fabless_chip_designer.json")   # the built-in packs map all
    report = prepared.report
    data = render(prepared, "en", group="kr_cp")
    runs = "\n".join(texts(data))
    framework = report.framework("kr_cp")
    for element in framework.elements:
        assert element.title["en"] in runs
    assert "Grouped by the elements of " in runs


def test_text_typed_by_people_is_kept_as_typed(tmp_path):
    from tests.conftest import MINI
    from tests.report.conftest import HOSTILE
    from wizard.report.common import prepare

    data = json.loads(json.dumps(MINI_ASSESSMENT))
    data["meta"]["company"] = HOSTILE
    data["notes"]["chips.kyc"] = "=HYPERLINK(\"http://x\")"
    prepared = prepare(write_assessment(tmp_path, data), MINI)
    out = word.render(prepared.report, "en", content=prepared.content)
    blob = "\n".join(texts(out))
    assert HOSTILE in blob and '=HYPERLINK("http://x")' in blob


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice is not installed (apt-get install "
                           "libreoffice-writer-nogui)")
def test_libreoffice_reads_it_back_as_text(mini_prepared, tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(word.render(mini_prepared.report, "both", content=mini_prepared.content))
    subprocess.run(["soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True,
                   timeout=120, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    text = (tmp_path / "report.txt").read_text(encoding="utf-8-sig")
    report = mini_prepared.report
    assert report.meta["company"] in text
    for f in report.findings:
        assert f.title["ko"] in text and f.title["en"] in text
