"""Loading and validating questionnaire packs: every problem listed at once, with file and line."""

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


def _messages(folder: Path) -> list[str]:
    return [str(p) for p in validate_folder(folder)]


def test_clean_fixture_has_no_problems(mini_dir):
    assert validate_folder(mini_dir) == []
    content = load_content(mini_dir)
    assert [p.id for p in content.packs] == ["profile", "chips"]
    assert "chips.chip_class" in content.questions
    assert content.groups["D5"] >= {"CN", "MO"}


def test_missing_language_is_reported_with_file_and_line(mini_dir):
    _edit(mini_dir, "profile.yaml", 'text: {ko: "직원 수", en: "Staff"}', 'text: {ko: "직원 수"}')
    problems = validate_folder(mini_dir)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.file.endswith("profile.yaml")
    text = (mini_dir / "profile.yaml").read_text(encoding="utf-8").splitlines()
    assert "직원 수" in text[problem.line - 1]
    assert "English text is missing" in problem.message


def test_every_problem_is_listed_at_once(mini_dir):
    _edit(mini_dir, "chips.yaml", "when: \"sells == 'yes'\"", "when: \"sells == 'maybe'\"")
    _edit(mini_dir, "chips.yaml", 'citations: ["H.R. 2683"]', 'citations: ["HR2683"]')
    _edit(mini_dir, "chips.yaml", "actions: [watch_bill]", "actions: [watch_bil]")
    _edit(mini_dir, "profile.yaml", "id: training", "id: screening")
    messages = "\n".join(_messages(mini_dir))
    assert "'chips.sells' has no option 'maybe'" in messages
    assert "citation 'HR2683' is not in canonical form" in messages
    assert "unknown action 'watch_bil'" in messages
    assert "action watch_bill: no finding calls for it" in messages
    assert "question id 'screening' is used 2 times" in messages


def test_bad_expression_names_file_question_and_column(mini_dir):
    _edit(mini_dir, "chips.yaml", "show_if: \"sells == 'yes'\"\n        text: {ko: \"TOPS\"",
          "show_if: \"sells == 'yes' and )\"\n        text: {ko: \"TOPS\"")
    problems = validate_folder(mini_dir)
    assert len(problems) == 1
    message = str(problems[0])
    assert "chips.yaml" in message and "question tops" in message
    assert "column 20" in message


def test_reference_to_a_later_question_is_refused(mini_dir):
    _edit(mini_dir, "chips.yaml", "show_if: \"sells == 'yes'\"\n        text: {ko: \"TOPS\"",
          "show_if: \"kyc == 'yes'\"\n        text: {ko: \"TOPS\"")
    messages = "\n".join(_messages(mini_dir))
    assert "refers to 'chips.kyc', which comes after it" in messages


def test_unknown_question_and_group(mini_dir):
    _edit(mini_dir, "chips.yaml", "profile.customer_hq has @D5", "profile.customer has @D9")
    messages = "\n".join(_messages(mini_dir))
    assert "unknown question 'profile.customer'" in messages
    assert "unknown country group @D9" in messages


def test_finding_without_citation_and_missing_date(mini_dir):
    _edit(mini_dir, "profile.yaml", "    citations: [\"15 CFR 744 Supp. 4\"]\n    rule: "
          "{status: in_force, date: 2025-01-15}", "    rule: {status: in_force}")
    _edit(mini_dir, "chips.yaml", "{status: proposed, date: 2026-01-12}", "{status: proposed}")
    messages = "\n".join(_messages(mini_dir))
    assert "finding no_screening: no citation" in messages
    assert "no_screening: rule status" not in messages  # in force, date unknown: allowed
    assert "remote_access_watch: rule status 'proposed' needs its date" in messages


def test_watch_item_cannot_be_an_obligation(mini_dir):
    _edit(mini_dir, "chips.yaml", "severity: low", "severity: critical")
    messages = "\n".join(_messages(mini_dir))
    assert "watch item, not an obligation" in messages


def test_missing_dates_and_misspelt_keys(mini_dir):
    _edit(mini_dir, "chips.yaml", "review_by: 2027-05-31\n", "")
    _edit(mini_dir, "profile.yaml", "severity: high", "severity: high\n    severty: high")
    messages = "\n".join(_messages(mini_dir))
    assert "review_by: missing" in messages
    assert "severty: unknown key" in messages


def test_not_yaml_and_not_utf8(mini_dir):
    (mini_dir / "chips.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (mini_dir / "profile.yaml").write_bytes(b"id: \xff\xfe\n")
    messages = "\n".join(_messages(mini_dir))
    assert "chips.yaml" in messages and "not valid YAML" in messages
    assert "profile.yaml:1: the YAML file is not UTF-8" in messages


def test_python_tags_are_refused(mini_dir):
    (mini_dir / "chips.yaml").write_text("id: !!python/object/apply:os.system ['true']\n",
                                         encoding="utf-8")
    messages = "\n".join(_messages(mini_dir))
    assert "chips.yaml" in messages and "not valid YAML" in messages


def test_load_content_raises_with_every_problem(mini_dir):
    _edit(mini_dir, "chips.yaml", "actions: [watch_bill]", "actions: [nope]")
    with pytest.raises(ContentError) as info:
        load_content(mini_dir)
    assert len(info.value.problems) == 2


def test_empty_or_missing_folder(tmp_path):
    assert "no questionnaire packs" in str(validate_folder(tmp_path)[0])
    assert "no such folder" in str(validate_folder(tmp_path / "nope")[0])
