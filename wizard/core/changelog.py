"""What changed between two versions of the content, in Korean and English: the changelog a
content bundle carries (``changelog.json``).

Rules are compared by the status the registry gives them, each version on its own as-of date
(a suspension that ended between the two shows as a change even when no text changed);
questions and findings by id: added, changed (any text, option, condition or rule), retired.
"""

from __future__ import annotations

from dataclasses import dataclass

from wizard.core.model import to_plain
from wizard.core.status_words import status_name
from wizard.core.timeline import state_on
from wizard.i18n import LANGUAGES, N_, translate

RULE_STATUS = N_("Rule {rule} ({citation}): {old} -> {new}")
RULE_ADDED = N_("Rule {rule} ({citation}) added: {new}")
RULE_RETIRED = N_("Rule {rule} ({citation}) no longer in the registry")
QUESTION_ADDED = N_("Question {id} added: {text}")
QUESTION_CHANGED = N_("Question {id} changed: {text}")
QUESTION_RETIRED = N_("Question {id} retired: {text}")
FINDING_ADDED = N_("Finding {id} added: {text}")
FINDING_CHANGED = N_("Finding {id} changed: {text}")
FINDING_RETIRED = N_("Finding {id} retired: {text}")
NOTHING = N_("No rule changed status; no question or finding was added, changed or retired.")

KINDS = ("rule_status", "rule_added", "rule_retired", "question_added", "question_changed",
         "question_retired", "finding_added", "finding_changed", "finding_retired")


@dataclass(frozen=True)
class Entry:
    kind: str           # one of KINDS
    id: str
    text: dict          # {ko, en}

    def plain(self) -> dict:
        return {"kind": self.kind, "id": self.id, "ko": self.text["ko"], "en": self.text["en"]}


def _both(msgid: str, **params) -> dict:
    """``msgid`` in each language; a parameter that is ``{ko, en}`` is picked per language."""
    return {lang: translate(msgid, lang, **{k: v[lang] if isinstance(v, dict) else v
                                            for k, v in params.items()})
            for lang in LANGUAGES}


def _status(content, rule) -> str:
    return state_on(rule, content.rules, content.as_of).status


def _statuses(status: str) -> dict:
    return {lang: status_name(status, lang) for lang in LANGUAGES}


def _rules(new, old) -> list[Entry]:
    entries = []
    for rule_id, rule in new.rules.items():
        citation = rule.citations[0] if rule.citations else rule_id
        status = _status(new, rule)
        before = old.rules.get(rule_id)
        if before is None:
            entries.append(Entry("rule_added", rule_id, _both(
                RULE_ADDED, rule=rule_id, citation=citation, new=_statuses(status))))
            continue
        was = _status(old, before)
        if was != status:
            entries.append(Entry("rule_status", rule_id, _both(
                RULE_STATUS, rule=rule_id, citation=citation, old=_statuses(was),
                new=_statuses(status))))
    for rule_id, rule in old.rules.items():
        if rule_id not in new.rules:
            citation = rule.citations[0] if rule.citations else rule_id
            entries.append(Entry("rule_retired", rule_id,
                                 _both(RULE_RETIRED, rule=rule_id, citation=citation)))
    return entries


def _by_id(new: dict, old: dict, kind: str, messages: tuple, text) -> list[Entry]:
    added, changed, retired = messages
    entries = []
    for key, item in new.items():
        before = old.get(key)
        if before is None:
            entries.append(Entry(f"{kind}_added", key, _both(added, id=key, text=text(item))))
        elif to_plain(before) != to_plain(item):
            entries.append(Entry(f"{kind}_changed", key,
                                 _both(changed, id=key, text=text(item))))
    for key, item in old.items():
        if key not in new:
            entries.append(Entry(f"{kind}_retired", key,
                                 _both(retired, id=key, text=text(item))))
    return entries


def compare(new, old) -> list[Entry]:
    """What changed from ``old`` to ``new`` (two loaded :class:`Content`), rules first."""
    questions = _by_id({q: i.question for q, i in new.questions.items()},
                       {q: i.question for q, i in old.questions.items()}, "question",
                       (QUESTION_ADDED, QUESTION_CHANGED, QUESTION_RETIRED),
                       lambda question: question.text.as_dict())
    findings = _by_id({i.finding.id: i.finding for i in new.findings},
                      {i.finding.id: i.finding for i in old.findings}, "finding",
                      (FINDING_ADDED, FINDING_CHANGED, FINDING_RETIRED),
                      lambda finding: finding.title.as_dict())
    return _rules(new, old) + questions + findings


def document(new, old, entries: list[Entry]) -> dict:
    """The ``changelog.json`` of a bundle: from which content to which, and the entries."""
    return {"from": {"id": old.content_id, "version": old.content_version,
                     "as_of": old.as_of.isoformat()},
            "to": {"id": new.content_id, "version": new.content_version,
                   "as_of": new.as_of.isoformat()},
            "entries": [entry.plain() for entry in entries],
            "summary": _both(NOTHING) if not entries else None}
