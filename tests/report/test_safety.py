"""Text a person typed is shown as typed in every format, never run: HTML is escaped, the PDF
shows the literal, Markdown is escaped, CSV and JSON carry it as is, and a template expression
in a note is never evaluated. Templates come only from the package."""

from __future__ import annotations

import copy
import csv
import io
import json
import re

import pytest

from tests.conftest import MINI, ROOT
from tests.report.conftest import (HOSTILE, MINI_ASSESSMENT, needs_poppler, pdf_text,
                                   write_assessment)

ESCAPED_HTML = "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}"
ESCAPED_MD = "\\<script\\>alert(1)\\</script\\> \\{\\{ 7\\*7 \\}\\}"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from wizard.report.common import prepare

    data = copy.deepcopy(MINI_ASSESSMENT)
    data["meta"]["company"] = HOSTILE
    data["meta"]["assessor"] = HOSTILE
    # no chip figures: no calculation numbers in the report, so any "49" would be an evaluation
    for key in ("chips.tops", "chips.bits", "chips.die_area"):
        data["answers"].pop(key)
    data["notes"] = {"chips.sells": HOSTILE, "chips.kyc": HOSTILE, "profile.screening": HOSTILE}
    data["plan"] = {"start_screening": {"owner": HOSTILE, "due": "2026-12-31",
                                        "status": "open", "comment": HOSTILE}}
    path = write_assessment(tmp_path_factory.mktemp("hostile"), data)
    return prepare(path, MINI)


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
def test_html_escapes_typed_text(hostile, lang):
    from wizard.report import export

    html = export.render(hostile.report, "html", lang, content=hostile.content).decode("utf-8")
    assert "<script" not in html
    assert html.count(ESCAPED_HTML) >= 5  # company, assessor, notes, owner, comment
    drawing = re.compile(r"<svg.*?</svg>", re.S)  # chart coordinates; it holds no typed text
    assert "49" not in drawing.sub("", html)


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
def test_markdown_escapes_typed_text(hostile, lang):
    from wizard.report import export

    text = export.render(hostile.report, "md", lang, content=hostile.content).decode("utf-8")
    assert not re.search(r"(?<!\\)[<{]", text)  # every < and { typed is escaped
    assert text.count(ESCAPED_MD) >= 4
    assert "49" not in text


def test_csv_and_json_carry_typed_text_literally(hostile):
    from wizard.report import export

    rows = list(csv.reader(io.StringIO(export.render(hostile.report, "csv", "en", content=hostile.content).decode("utf-8-sig"),
                                       newline="")))
    owners = [row[6] for row in rows[1:]]
    assert HOSTILE in owners
    assert "49" not in "".join("".join(r) for r in rows)
    data = json.loads(export.render(hostile.report, "json", "en", content=hostile.content))
    assert data["meta"]["company"] == HOSTILE
    assert any(a["plan"]["owner"] == HOSTILE for a in data["actions"])
    assert "49" not in json.dumps(data, ensure_ascii=False)


@needs_poppler
@pytest.mark.parametrize("lang", ["ko", "both"])
def test_pdf_shows_the_literal_text(hostile, lang, tmp_path):
    from wizard.report import export

    out = export.write(hostile.report, "pdf", lang, tmp_path / "h.pdf", content=hostile.content)
    text = pdf_text(out)
    flat = re.sub(r"\s+", " ", text)
    assert flat.count(HOSTILE) >= 4
    assert "49" not in text


def test_csv_cells_cannot_become_formulas(tmp_path):
    from wizard.report import csvexport
    from wizard.report.common import prepare

    data = copy.deepcopy(MINI_ASSESSMENT)
    data["plan"] = {"start_screening": {"owner": "=HYPERLINK(\"http://x\",\"y\")",
                                        "due": "", "status": "open", "comment": ""}}
    prepared = prepare(write_assessment(tmp_path, data), MINI)
    rows = csvexport.rows(prepared.report, "en")
    owner = next(r[6] for r in rows if r[6])
    assert owner == "'=HYPERLINK(\"http://x\",\"y\")"
    for value in ("+1", "-1", "@x", "\tx"):
        assert csvexport.safe_cell(value) == "'" + value
    assert csvexport.safe_cell("Lee (CFO)") == "Lee (CFO)"


def test_templates_come_only_from_the_package_with_autoescape_and_strict_undefined():
    from jinja2 import FileSystemLoader, StrictUndefined, UndefinedError

    from wizard import paths
    from wizard.report import templating

    for mode in templating.MODES:
        env = templating.environment(mode)
        assert isinstance(env.loader, FileSystemLoader)
        assert [str(p) for p in env.loader.searchpath] == [str(paths.templates_dir())]
        assert env.undefined is StrictUndefined
        assert env.autoescape("report.html") is True
        assert "jinja2.ext.InternationalizationExtension" in env.extensions
    with pytest.raises(UndefinedError):
        templating.render("report.html", "en")  # no report given: refuse, do not print blanks


def test_no_template_is_ever_built_from_text():
    sources = (ROOT / "wizard" / "report").rglob("*.py")
    pattern = re.compile(r"from_string|jinja2\.Template\(|\bTemplate\(|autoescape\s*=\s*False")
    offenders = [str(p) for p in sources if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_gettext_escapes_translations_and_parameters():
    from wizard.report.templating import make_gettext

    gettext, _ = make_gettext("en")
    assert str(gettext("Answer only if {condition}.", condition="<b>")) == \
        "Answer only if &lt;b&gt;."
    both, _ = make_gettext("both")
    html = str(both("Readiness checklist"))
    assert 'class="en"' in html and "Readiness checklist" in html
