"""The compliance-programme frameworks and the mapping of every control to their elements
(questionnaires/frameworks.yaml): what the built-in content holds, the checks that keep it
whole (each problem at its file and line), and the grouping every report shows."""

from __future__ import annotations

import shutil

import pytest
import yaml

from tests.conftest import BUILTIN, EXAMPLES
from wizard.core import frameworks
from wizard.core.content import load_content, validate_folder
from wizard.core.scoring import readiness_from


@pytest.fixture(scope="module")
def content():
    return load_content(BUILTIN)


def test_the_three_frameworks_with_their_elements(content):
    fw = content.frameworks
    assert fw.ids == ("bis_ecg", "eu_icp", "kr_cp")
    counts = {f.id: len(f.elements) for f in fw.frameworks}
    assert counts == {"bis_ecg": 8, "eu_icp": 7, "kr_cp": 9}
    ecg = [e.title.en for e in fw.framework("bis_ecg").elements]
    assert ecg[0].endswith("Management commitment") and "Risk assessment" in ecg[1]
    assert "Audits" in ecg[5] and "Building and maintaining" in ecg[7]
    icp = [e.title.en for e in fw.framework("eu_icp").elements]
    assert "Transaction screening" in icp[3] and "information security" in icp[6]
    for f in fw.frameworks:
        for e in f.elements:
            assert e.title.ko.strip() and e.title.en.strip()


def test_every_control_is_mapped_for_every_framework_and_every_element_is_used(content):
    fw = content.frameworks
    controls = {info.qid for info in content.controls}
    assert set(fw.mapping) == controls
    for qid, elements in fw.mapping.items():
        assert set(elements) == set(fw.ids), qid
    for f in fw.frameworks:
        used = {elements[f.id] for elements in fw.mapping.values()}
        assert {e.id for e in f.elements} <= used, f.id


def _copy(tmp_path):
    target = tmp_path / "packs"
    shutil.copytree(BUILTIN, target)
    return target


def _edit(folder, change):
    path = folder / "frameworks.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                                   default_flow_style=None, width=200), encoding="utf-8")
    return path


def _line_of(path, text):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(text)


@pytest.mark.parametrize("change, expected, anchor", [
    (lambda d: d["mapping"].pop("profile.training"),
     "control profile.training is not mapped", "profile.mgmt_commitment:"),
    (lambda d: d["mapping"]["chips.hq_screening"].pop("eu_icp"),
     "chips.hq_screening is not mapped to an element of framework eu_icp",
     "chips.hq_screening:"),
    (lambda d: d["mapping"]["profile.audits"].update(bis_ecg="auditing"),
     "framework bis_ecg has no element 'auditing'", "profile.audits:"),
    (lambda d: d["mapping"]["profile.audits"].update(iso_37301="audit"),
     "unknown framework 'iso_37301'", "profile.audits:"),
    (lambda d: d["mapping"].update({"profile.no_such": {"bis_ecg": "training"}}),
     "unknown question 'profile.no_such'", "profile.no_such:"),
    (lambda d: d["mapping"].update({"profile.activities": {
        "bis_ecg": "training", "eu_icp": "training", "kr_cp": "training"}}),
     "'profile.activities' is not a control question", "profile.activities:"),
    (lambda d: d["frameworks"][0]["elements"].append(
        {"id": "training", "title": {"ko": "교육", "en": "Training"}}),
     "element id 'training' is used twice", None),
    (lambda d: d["frameworks"][1]["elements"][0].pop("title"), "title: missing", None),
])
def test_broken_mappings_are_reported_at_their_line(tmp_path, change, expected, anchor):
    folder = _copy(tmp_path)
    path = _edit(folder, change)
    problems = validate_folder(folder)
    hits = [p for p in problems if expected in p.message]
    assert hits, [str(p) for p in problems]
    assert hits[0].file == str(path)
    if anchor is not None:
        assert hits[0].line == _line_of(path, anchor)
    assert str(hits[0]).startswith(f"{path}:{hits[0].line}: ")


def test_without_the_file_the_content_loads_with_no_frameworks(tmp_path):
    folder = _copy(tmp_path)
    (folder / "frameworks.yaml").unlink()
    assert validate_folder(folder) == []
    assert load_content(folder).frameworks is None


def test_the_frameworks_survive_the_content_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("READINESS_CACHE_DIR", str(tmp_path / "cache"))
    folder = _copy(tmp_path)
    first = load_content(folder)
    from wizard.core import content as content_module

    content_module._load_cached.cache_clear()
    again = load_content(folder)
    assert again is not first and again.frameworks == first.frameworks
    assert list((tmp_path / "cache").glob("content-*.json"))


def test_the_grouping_holds_every_control_once_with_the_readiness_of_its_controls(content):
    from wizard.core.assessment import load_assessment
    from wizard.core.engine import evaluate

    for path in sorted(EXAMPLES.glob("*.json")):
        loaded = load_assessment(path, content)
        report = evaluate(content, loaded.assessment)
        by_id = {c.question: c for c in report.checklist}
        assert [f.id for f in report.programme] == ["bis_ecg", "eu_icp", "kr_cp"]
        for framework in report.programme:
            groups = list(framework.elements) + ([framework.outside] if framework.outside
                                                  else [])
            listed = [q for g in groups for q in g.questions]
            assert sorted(listed) == sorted(by_id), (path.name, framework.id)
            for group in groups:
                items = [by_id[q] for q in group.questions]
                assert group.readiness == readiness_from(items)
                assert group.controls_in_place == sum(i.state == "in_place" for i in items)
        data = report.to_dict()
        assert data["programme"][0]["elements"][0]["title"]["ko"]


def test_controls_outside_a_framework_are_listed_apart(content):
    from wizard.core.assessment import new_assessment, set_answer
    from wizard.core.engine import evaluate

    a = new_assessment(content)
    set_answer(a, content, "profile.activities", ["ai_models"])
    report = evaluate(content, a)
    ecg = report.framework("bis_ecg")
    outside = ecg.outside
    checklist = {c.question for c in report.checklist}
    expected = {q for q, m in content.frameworks.mapping.items()
                if m["bis_ecg"] == frameworks.OUTSIDE and q in checklist}
    assert (set(outside.questions) if outside else set()) == expected
