"""What a first reader of the printouts trips over, on the example assessments: obligations
counted without the information items the report calls "not a duty", counts with real plural
forms, action references in order, the short form, citations kept whole on the page, and a
blank form with room to write and skip rules said as an interviewer says them."""

from __future__ import annotations

import re

import pytest

from tests.conftest import BUILTIN, EXAMPLES
from tests.report.conftest import needs_poppler, pdf_text
from wizard.i18n import translate


@pytest.fixture(scope="module")
def fabless():
    from wizard.report.common import prepare

    return prepare(EXAMPLES / "fabless_chip_designer.json")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_obligations_are_counted_without_information_items(fabless, fmt, lang):
    from wizard.report import export

    report = fabless.report
    info = report.information()
    assert info, "the example no longer has an information item: the test proves nothing"
    obligations = [f for f in report.findings if not f.watch and f.severity != "info"]
    assert report.obligations() == obligations
    raw = export.render(fabless.report, fmt, lang, content=fabless.content).decode("utf-8")
    label = translate("Findings that are obligations", lang)
    if fmt == "md":
        row = next(line for line in raw.splitlines() if label in line)
        number = row.rstrip(" |").rsplit("|", 1)[-1]
    else:
        number = re.search(re.escape(label) + r".*?<td class=\"num\"[^>]*>(\d+)</td>", raw,
                           re.S).group(1)
    assert int(number) == len(obligations)
    text = _flat(raw)
    assert translate("Information items (not a duty)", lang) in text


def test_counts_take_the_plural_form_of_their_number(fabless):
    from wizard.report import export

    report = fabless.report
    assert len(report.watch_items()) == 1
    short = export.render(fabless.report, "md", "en", detail="summary", content=fabless.content).decode("utf-8")
    assert "1 watch item (not an obligation)" in short
    assert "1 watch items" not in short and "(s)" not in short
    korean = export.render(fabless.report, "md", "ko", detail="summary", content=fabless.content).decode("utf-8")
    assert translate(("{count} watch item (not an obligation)",
                      "{count} watch items (not obligations)"), "ko", count=1) in korean


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_action_references_are_in_order(fabless, fmt):
    from wizard.report import export

    report = fabless.report
    priorities = {a.id: a.priority for a in report.actions}
    finding = next(f for f in report.findings if f.id == "chips_hq_rule")
    listed = [priorities[a] for a in finding.actions]
    assert listed != sorted(listed), "the content lists them in order: nothing to prove"
    text = _flat(export.render(fabless.report, fmt, "en", content=fabless.content).decode("utf-8"))
    refs = re.findall(r"Actions in the plan:?\W*((?:#\d+(?:, )?)+)", text)
    assert refs
    for found in refs:
        numbers = [int(n) for n in re.findall(r"#(\d+)", found)]
        assert numbers == sorted(numbers), found
    assert ", ".join(f"#{n}" for n in sorted(listed)) in text


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
def test_the_short_form_holds_what_is_handed_over(fabless, lang):
    from wizard.report import export
    from wizard.report.view import top_findings

    full = export.render(fabless.report, "html", lang, content=fabless.content).decode("utf-8")
    short = export.render(fabless.report, "html", lang, detail="summary", content=fabless.content).decode("utf-8")
    assert len(short) < len(full) / 2
    report = fabless.report
    top = top_findings(report)
    assert all(f.severity in ("critical", "high") for f in top[:1])
    for code in ("ko", "en") if lang == "both" else (lang,):
        for heading in ("Executive summary", "Readiness checklist", "The most serious findings",
                        "Action plan"):
            assert translate(heading, code) in short
        for section in ("3. " + translate("Findings by area", code),
                        "6. " + translate("Questions for your counsel", code)):
            if code == "ko" or lang == "en":        # bilingual: the Korean leads the heading
                assert section in _flat(full) and section not in _flat(short)
        for finding in top:
            assert finding.title[code].replace("'", "&#39;") in short or \
                _flat(finding.title[code]) in _flat(short)
        for action in report.actions:
            assert _flat(action.title[code]) in _flat(short).replace("&#39;", "'")


@needs_poppler
@pytest.mark.parametrize("lang", ["ko", "both"])
def test_citations_are_never_split_across_lines(fabless, lang, tmp_path):
    from wizard.report import export

    out = tmp_path / "report.pdf"
    out.write_bytes(export.render(fabless.report, "pdf", lang, content=fabless.content))
    lines = pdf_text(out, layout=True).splitlines()
    paragraph = r"\s*\(([a-z0-9]{1,4}|[A-Z])\)"       # (a), (6), (iii), (A)
    split = [(a.strip()[-30:], b.strip()[:20]) for a, b in zip(lines, lines[1:])
             if re.search(r"(\d|\([a-zA-Z0-9]{1,4}\))$", a.rstrip()) and re.match(paragraph, b)]
    assert not split
    text = pdf_text(out)
    assert "742.6(a)(6)(iii)(A)" in text and "\u2060" not in text


# -- the blank form ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def builtin():
    from wizard.core.content import load_content

    return load_content(BUILTIN)


def test_write_in_space_follows_what_the_question_asks(builtin):
    from wizard.report.blank import blank_parts

    questions = [q for part in blank_parts(builtin) for s in part.sections for q in s.questions]
    by_kind = {}
    for q in questions:
        by_kind.setdefault(q.question.kind, []).append(q)
    assert all(q.answer_lines >= 3 for q in by_kind.get("text", []) + by_kind["countries"])
    assert all(q.answer_lines == 0 and q.note_lines >= 2 for q in by_kind["yes_no_unsure"])
    controls = [q for q in questions if q.question.role == "control"]
    others = [q for q in questions if q.question.role != "control"
              and q.question.kind != "calculator"]
    assert min(q.note_lines for q in controls) > min(q.note_lines for q in others)
    assert all(q.note_lines == 0 for q in by_kind["calculator"])


def test_skip_rules_read_as_an_interviewer_says_them(builtin):
    """"1번에서 ‘예’라고 답한 경우에만 답하십시오." rather than a flattened expression."""
    from wizard.core import expr
    from wizard.report.wording import FRAME_QUESTION, Wording

    numbers = {qid: n for n, qid in enumerate(builtin.questions, start=1)}
    wording = Wording(builtin, numbers)
    yes_no = next(qid for qid, info in builtin.questions.items()
                  if info.question.kind == "yes_no_unsure")
    pack, name = yes_no.split(".")
    n = numbers[yes_no]
    tree = expr.parse(f"{name} == 'yes'", pack)
    assert wording.sentence(tree, FRAME_QUESTION, "ko") == \
        f"{n}번에서 \u2018예\u2019라고 답한 경우에만 답하십시오."
    assert wording.sentence(tree, FRAME_QUESTION, "en") == \
        f"Answer only if question {n} is \u201cYes\u201d."
    both = expr.parse(f"{name} == 'yes' and {name} != 'no'", pack)
    sentence = wording.sentence(both, FRAME_QUESTION, "ko")
    assert sentence.startswith(f"{n}번에서 \u2018예\u2019라고 답한 경우이면서 ")
    for flat in (" 응답 시", "미포함", " 및 ", "비해당"):
        assert flat not in sentence
