"""Every program string the reports print has a Korean translation in the catalog."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT, MINI

PO = ROOT / "translations" / "ko" / "LC_MESSAGES" / "wizard.po"
HANGUL = re.compile("[\uac00-\ud7a3]")
# translations with no Hangul of their own (quote marks and punctuation around placeholders)
NO_HANGUL = {"\u201c{text}\u201d", "{q} equals {v}"}


@pytest.fixture(scope="module")
def used_msgids(tmp_path_factory):
    """The msgids looked up while rendering every format, language and kind of document."""
    import copy

    from tests.report.conftest import MINI_ASSESSMENT, write_assessment
    from wizard import i18n
    from wizard.report import blank, compare, export, templating
    from wizard.report.common import prepare

    seen: set[str] = set()
    real = i18n.translations

    class Recorder:
        def __init__(self, inner):
            self.inner = inner

        def gettext(self, message):
            seen.add(message)
            return self.inner.gettext(message)

    def recording(lang):
        return Recorder(real(lang))

    folder = tmp_path_factory.mktemp("msgids")
    old = write_assessment(folder, MINI_ASSESSMENT, "old.json")
    newer = copy.deepcopy(MINI_ASSESSMENT)
    newer["answers"]["profile.screening"] = "yes"
    new = write_assessment(folder, newer, "new.json")
    mp = pytest.MonkeyPatch()
    mp.setattr(i18n, "translations", recording)
    mp.setattr(templating, "translations", recording)
    try:
        prepared = prepare(old, MINI)
        for lang in ("ko", "en", "both"):
            for fmt in ("html", "md", "csv"):
                export.render(prepared.report, fmt, lang, content=prepared.content)
            blank.render_html(prepared.content, lang)
            result = compare.compare_files(old, new, MINI)
            compare.render_html(result, lang)
            compare.render_markdown(result, lang)
    finally:
        mp.undo()
    return seen


def test_catalog_parses_without_duplicates():
    from babel.messages.pofile import read_po

    with PO.open("rb") as fh:
        catalog = read_po(fh, locale="ko")
    assert len(catalog) > 100
    ids = re.findall(r'^msgid "(.+)"$', PO.read_text(encoding="utf-8"), flags=re.M)
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert duplicates == set()


def test_every_report_string_is_translated(used_msgids):
    from wizard.i18n import translate

    assert len(used_msgids) > 100
    missing = sorted(m for m in used_msgids
                     if m not in NO_HANGUL and not HANGUL.search(translate(m, "ko")))
    assert missing == []
    assert all(translate(m, "ko") != m for m in NO_HANGUL)


def test_labels_scoring_and_wording_are_translated():
    from wizard.core import labels, scoring, status_words
    from wizard.i18n import translate
    from wizard.report import wording

    msgids = [scoring.FORMULA]
    for vocabulary in labels.KINDS.values():
        msgids += list(vocabulary.values())
    msgids += list(status_words.WITH_DATE.values()) + list(status_words.NEXT.values())
    msgids += list(status_words.BILL_STEPS.values())
    msgids += [v for k, v in vars(wording).items() if k.isupper() and isinstance(v, str)]
    msgids += [v for t in (wording.REF_TEMPLATES, wording.VALUE_TEMPLATES) for v in t.values()]
    missing = [m for m in msgids if m not in NO_HANGUL and not HANGUL.search(translate(m, "ko"))]
    assert missing == []


def test_korean_terms_follow_the_shared_glossary():
    from wizard.i18n import translate

    assert translate("In force", "ko") == "\uc2dc\ud589 \uc911"          # si-haeng jung
    assert translate("Suspended", "ko") == "\uc720\uc608"                 # yu-ye
    assert translate("Lifted", "ko") == "\ud574\uc81c"                    # hae-je
    assert translate("Guidance", "ko") == "\uc9c0\uce68"                  # ji-chim
    assert translate("Not enforced", "ko") == "\uc9d1\ud589 \uc911\ub2e8"  # jip-haeng jung-dan
    # a US proposed rule is a 규정안; 입법예고 is only for Korean pre-notices
    assert translate("Proposed", "ko").startswith("\uaddc\uc815\uc548")
    assert translate("Bill", "ko") == "\ubc95\uc548"
    assert translate("In force since {date}", "ko", date="X").startswith("X")
