"""Sign-off in every printed format: the confidentiality marking at the top of every page,
the registration number and the approval block (gyeoljaeran) on the cover; and the checklist
grouped by a programme framework's elements in every report format."""

from __future__ import annotations

import copy

import pytest

from tests.conftest import BUILTIN, EXAMPLES, MINI
from tests.report.conftest import (MINI_ASSESSMENT, needs_poppler, pdf_pages, pdf_text,
                                   write_assessment)
from wizard.report import export
from wizard.report.common import prepare


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    data = copy.deepcopy(MINI_ASSESSMENT)
    data["schema_version"] = 2
    data["meta"].update(confidentiality="confidential", business_number="124-81-00998",
                        reviewer="Park (CCO)", review_date="2026-11-25",
                        approver="Choi (CEO)", approval_date="2026-11-26")
    folder = tmp_path_factory.mktemp("signed")
    return prepare(write_assessment(folder, data), MINI)


@needs_poppler
@pytest.mark.parametrize("lang, marking", [("ko", "대외비"), ("en", "Confidential"),
                                           ("both", "대외비 / Confidential")])
def test_the_marking_is_on_every_pdf_page(signed, tmp_path, lang, marking):
    path = tmp_path / "r.pdf"
    path.write_bytes(export.render(signed.report, "pdf", lang, content=signed.content))
    pages = pdf_pages(path)
    assert pages > 3
    import subprocess

    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page),
                               str(path), "-"], capture_output=True, check=True
                              ).stdout.decode("utf-8")
        assert marking.split(" / ")[0] in text, page
    cover = pdf_text(path)
    for text in ("124-81-00998", "Park (CCO)", "Choi (CEO)"):
        assert text in cover
    assert ("결재" in cover) == (lang != "en") and ("Approval" in cover) == (lang != "ko")


@needs_poppler
def test_no_marking_no_header(mini_prepared, tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(export.render(mini_prepared.report, "pdf", "ko", content=mini_prepared.content))
    assert "대외비" not in pdf_text(path)


def test_html_and_markdown_carry_the_marking_and_the_approval_block(signed):
    html = export.render(signed.report, "html", "both", content=signed.content).decode("utf-8")
    assert '<div class="marking">대외비<span class="en" lang="en"> / Confidential</span>' \
        not in html                                # the marking is plain text, once
    assert '<div class="marking">대외비 / Confidential</div>' in html
    assert 'class="approval"' in html and "Park (CCO)" in html and "2026-11-26" in html
    assert "position: fixed" in html               # repeated at the top of printed pages
    md = export.render(signed.report, "md", "en", content=signed.content).decode("utf-8")
    assert md.startswith("**Confidential**")
    assert "| Approval | Prepared by | Reviewed by | Approved by |" in md
    assert "124-81-00998" in md


@pytest.mark.parametrize("group", ["bis_ecg", "eu_icp", "kr_cp"])
def test_every_format_groups_the_checklist_by_a_framework(group, tmp_path):
    source = sorted(EXAMPLES.glob("*.json"))[0]
    prepared = prepare(source, BUILTIN)
    framework = prepared.report.framework(group)
    titles = [e.title["en"] for e in framework.elements]
    import html as html_module

    html = html_module.unescape(export.render(prepared.report, "html", "en", group=group, content=prepared.content)
                                .decode("utf-8"))
    md = export.render(prepared.report, "md", "en", group=group, content=prepared.content).decode("utf-8")
    for title in titles:
        assert title in html and title in md
    readiness = [e.readiness for e in framework.elements if e.readiness is not None]
    assert f"{readiness[0]}/100" in md
    assert "Grouped by the elements of" in html
    default = export.render(prepared.report, "md", "en", content=prepared.content).decode("utf-8")
    assert titles[0] not in default


def test_an_unknown_grouping_is_refused_with_the_choices(mini_prepared):
    from wizard.core.errors import InputError

    with pytest.raises(InputError, match="cannot be grouped by 'iso'; use one of area"):
        export.render(mini_prepared.report, "md", "en", group="iso", content=mini_prepared.content)
