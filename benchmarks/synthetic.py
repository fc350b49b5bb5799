"""Synthetic questionnaire content of any size, for the benchmarks.

``write_packs(folder, n_questions)`` writes a profile pack and area packs whose questions carry
show_if conditions on earlier questions (chains and fan-out, as real packs have), findings with
`when` conditions, actions, and the rule registry they name; ``full_answers(content)`` answers
every question.
"""

from __future__ import annotations

from pathlib import Path

AREAS = ("chips", "cloud", "api", "data_transfer", "llm")


def _t(text: str) -> dict:
    return {"ko": f"{text} (ko)", "en": text}


def _question(i: int, kind: str, show_if: str | None) -> dict:
    q = {"id": f"q{i}", "kind": kind, "text": _t(f"Question {i}"), "help": _t("help"),
         "why": _t("why"), "rules": ["hq_rule"]}
    if kind == "single":
        q["options"] = [{"id": "a", "label": _t("A")}, {"id": "b", "label": _t("B")}]
    if kind == "number":
        q.update(min=0, max=1e9)
    if i % 7 == 3 and kind == "yes_no_unsure":
        q.update(role="control", weight=2)
    if show_if:
        q["show_if"] = show_if
    return q


def _pack(pack_id: str, area: str, order: int, count: int, applies: str | None) -> dict:
    questions = []
    kinds = ("yes_no_unsure", "single", "number")
    for i in range(count):
        kind = kinds[i % 3]
        cond = None
        if i >= 3:
            j = i - 3 + (i % 3 == 0)  # an earlier question of a known kind
            jk = kinds[j % 3]
            cond = {"yes_no_unsure": f"q{j} != 'no'", "single": f"q{j} in ['a', 'b']",
                    "number": f"q{j} * 2 + 1 >= 1 or not answered(q{j})"}[jk]
        questions.append(_question(i, kind, cond))
    sections = [{"id": f"s{k}", "title": _t(f"Section {k}"),
                 "questions": questions[k:k + 25]} for k in range(0, count, 25)]
    findings, actions = [], []
    for k in range(max(1, count // 10)):
        i = (k * 10) % count
        kind = kinds[i % 3]
        when = {"yes_no_unsure": f"q{i} == 'yes'", "single": f"q{i} == 'a'",
                "number": f"q{i} > 10"}[kind]
        findings.append({"id": f"{pack_id}_f{k}", "severity": "high", "title": _t(f"F{k}"),
                         "explanation": _t("x"), "when": when,
                         "rules": ["hq_rule"], "actions": [f"{pack_id}_a{k % 20}"]})
    for k in range(min(20, len(findings))):
        actions.append({"id": f"{pack_id}_a{k}", "text": _t(f"Action {k}"),
                        "owner_role": "compliance", "timeframe": "30_days",
                        "rules": ["licence_applications"]})
    pack = {"id": pack_id, "version": "1.0.0", "as_of": "2026-11-23", "review_by": "2027-05-31",
            "order": order, "area": area, "title": _t(pack_id), "intro": _t("intro"),
            "sections": sections, "findings": findings, "actions": actions}
    if applies:
        pack["applies_if"] = applies
    return pack


def write_packs(folder: Path, n_questions: int) -> Path:
    import yaml  # only here: the start-up benchmark imports full_answers and must not pay for it

    folder.mkdir(parents=True, exist_ok=True)
    per_pack = max(3, n_questions // (len(AREAS) + 1))
    packs = [_pack("profile", "programme", 10, per_pack, None)]
    packs[0]["country_groups"] = {"D5": {"name": _t("D:5"), "countries": ["CN", "MO"]}}
    for k, area in enumerate(AREAS):
        packs.append(_pack(area, area, 20 + 10 * k, per_pack, "profile.q0 != 'no'"))
    for pack in packs:
        (folder / f"{pack['id']}.yaml").write_text(
            yaml.safe_dump(pack, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (folder / "rules.yaml").write_text(yaml.safe_dump(REGISTRY, allow_unicode=True,
                                                      sort_keys=False), encoding="utf-8")
    return folder


REGISTRY = {"as_of": "2026-11-23", "review_by": "2027-05-31", "rules": [
    {"id": "hq_rule", "kind": "regulation", "title": _t("Headquarters rule"),
     "citations": ["15 CFR 744.23(a)(3)"], "source": "88 FR 73458",
     "timeline": [{"date": "2023-11-17", "event": "in_force"},
                  {"date": "2025-01-15", "event": "amended"}]},
    {"id": "licence_applications", "kind": "regulation", "title": _t("Licence applications"),
     "citations": ["15 CFR 748"], "source": "ecfr.gov", "timeline": [{"event": "in_force"}]},
]}


def full_answers(content) -> dict:
    """An answer for every question that can be answered (calculators are computed)."""
    answers = {}
    for qid, info in content.questions.items():
        q = info.question
        if q.kind == "yes_no_unsure":
            answers[qid] = "yes"
        elif q.kind == "single":
            answers[qid] = q.options[0].id
        elif q.kind == "multi":
            answers[qid] = [q.options[0].id]
        elif q.kind == "number":
            low = q.min if q.min is not None else 0
            high = q.max if q.max is not None else low + 100
            value = min(max(low, 12), high)
            answers[qid] = int(value) if q.integer or float(value).is_integer() else value
        elif q.kind == "text":
            answers[qid] = "text"
        elif q.kind == "countries":
            answers[qid] = ["CN", "SG"]
    return answers
