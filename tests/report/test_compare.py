"""Comparing two assessments: per-area change, findings resolved and new, actions completed,
and whether a change comes from the answers or from a newer content version."""

from __future__ import annotations

import copy
import re
import shutil

import pytest
import yaml

from tests.conftest import MINI
from tests.report.conftest import MINI_ASSESSMENT, needs_poppler, pdf_text, write_assessment


def _pair(tmp_path, old_changes=None, new_changes=None, new_plan=None):
    old = copy.deepcopy(MINI_ASSESSMENT)
    old["answers"].update(old_changes or {})
    new = copy.deepcopy(MINI_ASSESSMENT)
    new["meta"]["date"] = "2027-03-01"
    new["answers"].update(new_changes or {})
    new["plan"].update(new_plan or {})
    return write_assessment(tmp_path, old, "old.json"), write_assessment(tmp_path, new, "new.json")


def test_resolved_findings_completed_actions_and_area_change(tmp_path):
    from wizard.report.compare import compare_files

    old, new = _pair(tmp_path, new_changes={"profile.screening": "yes", "chips.kyc": "yes"},
                     new_plan={"apply_licence": {"owner": "Lee", "due": "2026-12-31",
                                                 "status": "done", "comment": ""}})
    result = compare_files(old, new, MINI)
    assert [(c.finding.id, c.cause) for c in result.resolved] == [("no_screening", "answers")]
    assert result.new == []
    assert {f.id for f in result.persisting} == {"hq_licence", "remote_access_watch"}
    done = {d.action.id: d.newly for d in result.completed}
    assert done == {"apply_licence": True, "watch_bill": False}
    profile = next(a for a in result.areas if a.id == "programme")
    assert (profile.exposure_before, profile.exposure_after) == ("high", "none")
    assert profile.readiness_before < profile.readiness_after and not profile.content_effect
    assert result.content_changed == []


def test_new_finding_from_the_answers(tmp_path):
    from wizard.report.compare import compare_files

    old, new = _pair(tmp_path, old_changes={"profile.screening": "yes"})
    result = compare_files(old, new, MINI)
    assert [(c.finding.id, c.cause) for c in result.new] == [("no_screening", "answers")]
    assert result.resolved == []


@pytest.fixture
def old_packs(tmp_path):
    """The content as it was: profile 0.9.0 without the screening finding."""
    folder = tmp_path / "old-packs"
    shutil.copytree(MINI, folder)
    path = folder / "profile.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["version"] = "0.9.0"
    data["findings"] = []
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def test_changes_from_a_newer_content_version_are_told_apart(tmp_path, old_packs):
    from wizard.report.compare import compare_files, method_msgid, METHOD_OLD_PACKS

    old_data = copy.deepcopy(MINI_ASSESSMENT)
    old_data["packs"]["profile"] = "0.9.0"
    new_data = copy.deepcopy(MINI_ASSESSMENT)
    new_data["answers"]["chips.kyc"] = "yes"
    old = write_assessment(tmp_path, old_data, "old.json")
    new = write_assessment(tmp_path, new_data, "new.json")
    result = compare_files(old, new, MINI, old_packs)
    # the same "no" to screening: only the new content version makes it a finding
    assert [(c.finding.id, c.cause) for c in result.new] == [("no_screening", "content")]
    assert result.content_changed == [("profile", "0.9.0", "1.0.0")]
    profile = next(a for a in result.areas if a.id == "programme")
    assert profile.content_effect and profile.exposure_old_now == "high"
    assert method_msgid(result)[0] == METHOD_OLD_PACKS
    chips = next(a for a in result.areas if a.id == "chips")
    assert chips.readiness_after > chips.readiness_before and not chips.content_effect


def test_without_the_old_packs_the_method_says_so(tmp_path):
    from wizard.report.compare import METHOD_NO_OLD_PACKS, compare_files, method_msgid

    old_data = copy.deepcopy(MINI_ASSESSMENT)
    old_data["packs"]["profile"] = "0.9.0"
    old = write_assessment(tmp_path, old_data, "old.json")
    new = write_assessment(tmp_path, MINI_ASSESSMENT, "new.json")
    result = compare_files(old, new, MINI)
    msgid, params = method_msgid(result)
    assert msgid == METHOD_NO_OLD_PACKS and "profile 0.9.0 -> 1.0.0" in params["versions"]


@pytest.mark.parametrize("lang", ["ko", "en", "both"])
def test_comparison_renders_in_every_format(tmp_path, lang):
    from wizard.i18n import translate
    from wizard.report.compare import compare_files, render_html, render_markdown

    old, new = _pair(tmp_path, new_changes={"profile.screening": "yes"})
    result = compare_files(old, new, MINI)
    html = render_html(result, lang)
    md = render_markdown(result, lang)
    langs = ("ko", "en") if lang == "both" else (lang,)
    for lg in langs:
        title = result.resolved[0].finding.title[lg]
        assert title in html and title in md
        assert translate("Findings resolved", lg) in html
        assert translate("Findings resolved", lg) in md


@needs_poppler
def test_comparison_pdf(tmp_path):
    from wizard.report.compare import compare_files, render_pdf

    old, new = _pair(tmp_path, new_changes={"profile.screening": "yes"})
    out = tmp_path / "cmp.pdf"
    out.write_bytes(render_pdf(compare_files(old, new, MINI), "en"))
    text = re.sub(r"\s+", " ", pdf_text(out))
    assert "Findings resolved" in text and "No screening" in text and "the answers" in text
