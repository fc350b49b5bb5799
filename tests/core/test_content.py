"""Loading and validating questionnaire packs: every problem listed at once, with file, line
and a stable code (wizard.core.checks.codes), which the tests match instead of the wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.core.content import load_content, validate_folder
from wizard.core.errors import ContentError


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _found(folder: Path) -> set[tuple[str, str]]:
    """(file name, code) of every problem."""
    return {(Path(p.file).name, p.code) for p in validate_folder(folder)}


def _line_of(folder: Path, name: str, needle: str) -> int:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_clean_fixture_has_no_problems(mini_dir):
    assert validate_folder(mini_dir) == []
    content = load_content(mini_dir)
    assert [p.id for p in content.packs] == ["profile", "chips"]
    assert "chips.chip_class" in content.questions
    assert content.groups["D5"] >= {"CN", "MO"}
    assert set(content.rules) >= {"hq_rule", "remote_access"}


def test_missing_language_is_reported_with_file_and_line(mini_dir):
    _edit(mini_dir, "profile.yaml", 'text: {ko: "직원 수", en: "Staff"}', 'text: {ko: "직원 수"}')
    problems = validate_folder(mini_dir)
    assert [(Path(p.file).name, p.code) for p in problems] == [("profile.yaml", "S001")]
    problem = problems[0]
    text = (mini_dir / "profile.yaml").read_text(encoding="utf-8").splitlines()
    assert "직원 수" in text[problem.line - 1]
    assert "English" in problem.message            # says which language, whatever the words


def test_every_problem_is_listed_at_once(mini_dir):
    _edit(mini_dir, "chips.yaml", "when: \"sells == 'yes'\"", "when: \"sells == 'maybe'\"")
    _edit(mini_dir, "chips.yaml", "rules: [remote_access]", "rules: [remote_acess]")
    _edit(mini_dir, "chips.yaml", "actions: [watch_bill]", "actions: [watch_bil]")
    _edit(mini_dir, "profile.yaml", "id: training", "id: screening")
    assert _found(mini_dir) >= {("chips.yaml", "X007"), ("chips.yaml", "R002"),
                                ("chips.yaml", "N002"), ("chips.yaml", "N005"),
                                ("profile.yaml", "P005")}


def test_bad_expression_names_file_question_and_column(mini_dir):
    _edit(mini_dir, "chips.yaml", "show_if: \"sells == 'yes'\"\n        text: {ko: \"TOPS\"",
          "show_if: \"sells == 'yes' and )\"\n        text: {ko: \"TOPS\"")
    problems = validate_folder(mini_dir)
    assert [p.code for p in problems] == ["X001"]
    message = str(problems[0])
    assert "chips.yaml" in message and "question tops" in message
    assert "column 20" in message


def test_reference_to_a_later_question_is_refused(mini_dir):
    _edit(mini_dir, "chips.yaml", "show_if: \"sells == 'yes'\"\n        text: {ko: \"TOPS\"",
          "show_if: \"kyc == 'yes'\"\n        text: {ko: \"TOPS\"")
    assert ("chips.yaml", "X004") in _found(mini_dir)


def test_unknown_question_and_group(mini_dir):
    _edit(mini_dir, "chips.yaml", "profile.customer_hq has @D5", "profile.customer has @D9")
    assert _found(mini_dir) >= {("chips.yaml", "X003"), ("chips.yaml", "X002")}


def test_watch_item_cannot_be_an_obligation(mini_dir):
    _edit(mini_dir, "chips.yaml", "severity: low", "severity: critical")
    assert _found(mini_dir) == {("chips.yaml", "N003")}


def test_missing_dates_and_misspelt_keys(mini_dir):
    _edit(mini_dir, "chips.yaml", "review_by: 2027-05-31\n", "")
    _edit(mini_dir, "profile.yaml", "severity: high", "severity: high\n    severty: high")
    assert _found(mini_dir) == {("chips.yaml", "S001"), ("profile.yaml", "S002")}


def test_not_yaml_and_not_utf8(mini_dir):
    (mini_dir / "chips.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (mini_dir / "profile.yaml").write_bytes(b"id: \xff\xfe\n")
    assert _found(mini_dir) == {("chips.yaml", "F005"), ("profile.yaml", "F004")}


def test_python_tags_are_refused(mini_dir):
    (mini_dir / "chips.yaml").write_text("id: !!python/object/apply:os.system ['true']\n",
                                         encoding="utf-8")
    assert ("chips.yaml", "F005") in _found(mini_dir)


def test_load_content_raises_with_every_problem(mini_dir):
    _edit(mini_dir, "chips.yaml", "actions: [watch_bill]", "actions: [nope]")
    with pytest.raises(ContentError) as info:
        load_content(mini_dir)
    assert sorted(p.code for p in info.value.problems) == ["N002", "N005"]


def test_empty_or_missing_folder(tmp_path):
    assert [p.code for p in validate_folder(tmp_path)] == ["F001"]
    assert [p.code for p in validate_folder(tmp_path / "nope")] == ["F001"]


# ------------------------------------------------------------------- the rule registry

def test_a_finding_citing_an_unknown_rule_is_refused_at_its_line(mini_dir):
    _edit(mini_dir, "chips.yaml", "rules: [hq_rule]", "rules: [hq_rule, no_such_rule]")
    problems = [p for p in validate_folder(mini_dir) if p.code == "R002"]
    assert len(problems) == 1
    assert Path(problems[0].file).name == "chips.yaml"
    assert problems[0].line == _line_of(mini_dir, "chips.yaml", "- id: hq_licence")
    assert "no_such_rule" in problems[0].message


def test_a_finding_without_rules_is_refused(mini_dir):
    _edit(mini_dir, "chips.yaml", "rules: [remote_access]", "rules: []")
    assert ("chips.yaml", "S003") in _found(mini_dir)


def test_an_exposure_question_without_rules_is_refused(mini_dir):
    _edit(mini_dir, "chips.yaml", "        rules: [bis_guidance]\n", "")
    assert ("chips.yaml", "R001") in _found(mini_dir)


def test_a_timeline_out_of_order_is_refused_at_the_event(mini_dir):
    _edit(mini_dir, "rules.yaml", "      - {date: 2025-01-15, event: in_force}\n  - id: entity_list",
          "      - {date: 2025-01-15, event: in_force}\n      - {date: 2024-01-01, event: amended}"
          "\n  - id: entity_list")
    problems = [p for p in validate_folder(mini_dir) if p.code == "R006"]
    assert [Path(p.file).name for p in problems] == ["rules.yaml"]
    assert problems[0].line == _line_of(mini_dir, "rules.yaml", "2024-01-01")


def test_an_until_before_its_start_is_refused(mini_dir):
    _edit(mini_dir, "rules.yaml", "      - {date: 2026-01-12, event: proposed}",
          "      - {date: 2026-01-12, event: proposed}\n"
          "      - {date: 2026-03-01, event: suspended, until: 2026-02-01}")
    problems = [p for p in validate_folder(mini_dir) if p.code == "R007"]
    assert len(problems) == 1 and problems[0].line == _line_of(mini_dir, "rules.yaml",
                                                                "until: 2026-02-01")


def test_until_is_only_for_suspensions(mini_dir):
    _edit(mini_dir, "rules.yaml", "{date: 2026-01-12, event: proposed}",
          "{date: 2026-01-12, event: proposed, until: 2026-02-01}")
    assert ("rules.yaml", "R008") in _found(mini_dir)


def test_a_registry_entry_nothing_uses_is_refused_at_its_line(mini_dir):
    _edit(mini_dir, "rules.yaml", "rules:\n", "rules:\n  - id: orphan\n    kind: guidance\n"
          "    title: {ko: \"고아\", en: \"Orphan\"}\n    citations: [\"OFAC FAQ 72\"]\n"
          "    source: \"ofac.treasury.gov\"\n    timeline:\n      - {event: guidance}\n")
    problems = [p for p in validate_folder(mini_dir) if p.code == "R009"]
    assert len(problems) == 1
    assert problems[0].line == _line_of(mini_dir, "rules.yaml", "- id: orphan")


def test_one_citation_in_two_entries_and_bad_citations_are_refused(mini_dir):
    _edit(mini_dir, "rules.yaml", 'citations: ["BIS ECG"]', 'citations: ["BIS ECG", "ECCN 3A090"]')
    _edit(mini_dir, "rules.yaml", 'citations: ["15 CFR 748"]', 'citations: ["15CFR748"]')
    assert _found(mini_dir) >= {("rules.yaml", "R004"), ("rules.yaml", "R003")}


def test_timeline_shapes_are_checked(mini_dir):
    _edit(mini_dir, "rules.yaml", "      - {date: 2026-01-12, event: proposed}",
          "      - {date: 2026-01-12, event: proposed}\n      - {event: passed_chamber}")
    _edit(mini_dir, "rules.yaml", "      - {date: 2025-05-13, event: guidance}",
          "      - {date: 2025-05-13, event: amended}")
    assert _found(mini_dir) >= {("rules.yaml", "R011"), ("rules.yaml", "R012"),
                                ("rules.yaml", "R013")}


def test_part_of_must_name_a_rule_and_not_go_round(mini_dir):
    _edit(mini_dir, "rules.yaml", "    source: \"congress.gov\"\n    timeline:\n"
          "      - {date: 2026-01-12, event: proposed}",
          "    source: \"congress.gov\"\n    part_of: nowhere")
    assert ("rules.yaml", "R010") in _found(mini_dir)


def test_packs_naming_rules_without_a_registry_are_told_to_add_one(mini_dir):
    (mini_dir / "rules.yaml").unlink()
    assert _found(mini_dir) == {("profile.yaml", "R014")}
