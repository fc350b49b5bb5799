"""Stable codes of the problems ``readiness-wizard validate`` reports, one per kind of problem.

The wording of a message may improve; its code does not change, so tests and authors' tools
match codes. docs/pack-format.md ("Problem codes") lists them with what to do;
``tests/content/test_problem_codes.py`` keeps that list and this table in step.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    # files
    "F001": "the folder cannot be used (missing, no packs, too many files)",
    "F002": "a file cannot be read",
    "F003": "a file is over the size limit",
    "F004": "a file is not UTF-8 text",
    "F005": "not valid YAML (syntax, nesting too deep, aliases)",
    "F006": "the top of a file is not a mapping",
    # the format (pydantic)
    "S001": "a required key is missing",
    "S002": "an unknown key (misspelt?)",
    "S003": "a value of the wrong type or outside its range",
    # packs
    "P001": "a pack id is used by more than one file",
    "P002": "a pack id does not match its file name",
    "P003": "review_by is not after as_of",
    "P004": "a section id is used twice in a pack",
    "P005": "a question id is used twice in a pack",
    "P006": "a country group holds a code that is not ISO 3166 alpha-2",
    # conditions
    "X001": "a condition does not parse",
    "X002": "a condition names an unknown country group",
    "X003": "a condition names an unknown question",
    "X004": "a condition reads a question that comes after it",
    "X005": "a condition reads a pack that is not answered before",
    "X006": "'in' used on a question that holds a list (use 'has')",
    "X007": "a condition compares with an option the question does not have",
    # questions
    "Q001": "a choice question has fewer than two options",
    "Q002": "an option id is used twice in a question",
    "Q003": "options on a question that is not single or multi",
    "Q004": "an exclusive option that is not an option of the question",
    "Q005": "a single-choice control option without a credit",
    "Q006": "a control that is not yes_no_unsure or single",
    "Q007": "a number question's min is above its max",
    "Q008": "calculator keys on a question that is not a calculator",
    # calculators
    "C001": "an unknown calculator",
    "C002": "a calculator input slot that the calculator does not have",
    "C003": "a calculator input names an unknown question",
    "C004": "a calculator input is not a number question",
    "C005": "a calculator input comes after the calculator",
    "C006": "a calculator without inputs",
    # findings and actions
    "N001": "a finding names no action",
    "N002": "a finding names an unknown action",
    "N003": "a watch item marked more severe than medium",
    "N004": "a finding or action id is used in two packs",
    "N005": "an action no finding calls for",
    # the rule registry
    "R001": "a finding, or an exposure or control question, names no rule",
    "R002": "an unknown rule id",
    "R003": "a citation not in canonical form",
    "R004": "one citation in two registry entries",
    "R005": "a rule id is used twice",
    "R006": "a timeline out of date order",
    "R007": "a suspension's until before its start",
    "R008": "until on an event that is not a suspension",
    "R009": "a registry entry nothing uses",
    "R010": "a rule without a timeline, or part_of naming an unknown rule or a circle",
    "R011": "an undated event that is not the first of its timeline",
    "R012": "chamber missing on passed_chamber, or given on another event",
    "R013": "a timeline that starts with a milestone (amended, comment_period_closes)",
    "R014": "packs that name rules but no rules.yaml",
    "R015": "a rule without citations (only a checked claim may have none)",
    # programme elements (frameworks.yaml)
    "M001": "a framework or element id is used twice",
    "M002": "an element named 'outside', which is reserved",
    "M003": "a mapping names an unknown question",
    "M004": "a mapping names a question that is not a control",
    "M005": "a mapping names an unknown framework",
    "M006": "a mapping names an element its framework does not have",
    "M007": "a control not mapped to an element (or 'outside') of every framework",
    # glossary
    "G001": "a glossary term id is used twice",
}
