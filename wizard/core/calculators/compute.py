"""Training compute (operations) and the compute thresholds in the fact sheet.

Estimate: 6 x N x D operations, N = parameters and D = training tokens (both entered in
billions). An ``operations`` figure the user enters overrides the estimate.

Thresholds, each compared as "more than" (the rules say "greater than" / "trained with > ..."),
except the Korean one ("10^26 or more"), each with the registry rule (``questionnaires/rules.yaml``)
whose status the engine and the command line compute for the evaluation day:

======  =========================================================  ==========================
10^23   31 CFR 850.217 notifiable transaction (outbound investment)  ``oisp_notifiable``
10^24   31 CFR 850.224 prohibited, AI trained mainly on biological   ``oisp_prohibited_ai``
        sequence data
10^25   31 CFR 850.224 prohibited transaction                        ``oisp_prohibited_ai``
10^26   ECCN 4E091 closed model weights (90 FR 4544)                 ``eccn_4e091``
10^26   Korea AI Basic Act art. 32 safety duties (the Enforcement    ``kr_ai_safety``
        Decree's threshold for frontier models)
======  =========================================================  ==========================

10^26 appears twice because the two rules have different citations and statuses. No status is
written here: a calculator knows figures, the registry knows the law's history
(:func:`with_statuses`).

The 10^24 threshold applies only to a model trained mainly on biological sequence data: unless
the caller says so (``biological=True``) or says not (``False``), its check is marked
``applies=None`` and it is never counted as exceeded; a reader is told "applies only if ...".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wizard.core.calculators import (
    fail,
    fmt_number,
    fmt_sci,
    input_name,
    positive_number,
    render_notes,
)
from wizard.core.localize import date_text
from wizard.i18n import N_, Note, translate

BILLION = 1e9
# parameters/tokens are entered in billions; beyond these a raw count was probably typed
PARAMETERS_HINT_BILLIONS = 1e5     # 100 trillion parameters
TOKENS_HINT_BILLIONS = 1e6         # a quadrillion tokens

STATUS_SENTENCE = N_("{label} Status on {day}: {status}.")

E_MISSING_ONE = N_("{missing} is missing: the 6 x N x D estimate needs both {parameters} and "
                   "{tokens} (in billions). Enter it, or enter the training compute directly in "
                   "{operations}.")
E_MISSING_ALL = N_("No training figures entered. Enter the model's {parameters} and training "
                   "{tokens} (both in billions, e.g. 70 and 15000), or the training compute in "
                   "{operations} (e.g. 6.3e24).")
NAMES = {slot: input_name(slot) for slot in ("parameters", "tokens", "operations")}

W_PARAMETERS = N_("N = {parameters} billion parameters = {n}")
W_TOKENS = N_("D = {tokens} billion tokens = {d}")
W_6ND = N_("Operations = 6 x N x D = 6 x ({n}) x ({d}) = {operations}")
W_ENTERED = N_("Operations entered: {operations} (used instead of any estimate)")
W_ENTERED_VS_ESTIMATE = N_("The 6 x N x D estimate would be {estimate}; the entered figure "
                           "{operations} is used.")
W_OVER = N_("{operations} is more than {threshold}")
W_NOT_OVER = N_("{operations} is not more than {threshold}")

N_ESTIMATE = N_("6 x N x D is a rule of thumb for training a dense model (about 6 operations per "
                "parameter per training token). The rules count the operations actually used to "
                "train the model: if you know that figure, enter it as operations; it overrides "
                "the estimate.")
N_ENTERED = N_("The training compute entered was used as given; the thresholds below compare it "
               "with the rules' figures.")
N_PARAMETERS_UNIT = N_("{field} is in billions: {parameters} billion is {n} parameters. If you "
                       "entered a raw count, divide it by 1,000,000,000.")
N_TOKENS_UNIT = N_("{field} is in billions: {tokens} billion is {d} tokens. If you entered a raw "
                   "count, divide it by 1,000,000,000.")
N_COVERED_FOREIGN = N_("31 CFR Part 850 binds US persons investing in covered foreign persons "
                       "(China including Hong Kong and Macau). A company outside China can be a "
                       "covered foreign person when more than 50% of its revenue, net income, "
                       "capital expenditure or operating expenses comes from covered Chinese "
                       "activity; US investors in such a company have to notify or may be barred "
                       "from investing.")

L_OISP_NOTIFY = N_("31 CFR 850.217 (outbound investment): a US person's investment in a covered "
                   "foreign person developing an AI system trained with more than 10^23 "
                   "operations must be notified to the US Treasury.")
L_OISP_BIO = N_("31 CFR 850.224: the investment is prohibited if the AI system was trained with "
                "more than 10^24 operations using mainly biological sequence data.")
L_OISP_PROHIBITED = N_("31 CFR 850.224: the investment is prohibited if the AI system was "
                       "trained with more than 10^25 operations.")
L_4E091 = N_("ECCN 4E091: weights of closed models trained with more than 10^26 operations need "
             "a licence worldwide (published weights excluded). The rescission was announced "
             "but no removal from the Federal Register has been found, and counsel disagree on "
             "the rule's legal force.")
L_KR_AI_ACT = N_("Korea AI Basic Act art. 32: 10^26 operations or more is the Enforcement "
                 "Decree's threshold for the safety duties of frontier models; it is not the test "
                 "of high-impact AI (art. 33). Breaching art. 32 leads first to investigation "
                 "and orders (art. 40), not to a fine.")


@dataclass(frozen=True)
class ThresholdCheck:
    """One compute threshold and whether the operations exceed it (strictly greater).

    ``applies`` is True for a threshold that applies to every model; for one with a condition
    (``condition``: the 10^24 threshold for models trained mainly on biological sequence data)
    it is what the user said, or None when they did not say. ``exceeded`` is True only for a
    threshold that applies and that the operations exceed; ``above`` is the bare comparison."""

    id: str
    value: float
    exceeded: bool
    citation: str
    rule: str              # the registry rule whose status applies (with_statuses)
    label: Note
    above: bool = False
    applies: bool | None = True
    condition: Note | None = None

    def to_dict(self, lang: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "value": self.value,
            "exceeded": self.exceeded,
            "above": self.above,
            "applies": self.applies,
            "condition": render_notes([self.condition], lang)[0] if self.condition else None,
            "citation": self.citation,
            "rule": self.rule,
            "status": None,       # with_statuses fills these from the registry
            "status_date": None,
            "label": render_notes([self.label], lang)[0],
        }


# (id, value, citation, registry rule, label)
THRESHOLDS: tuple[tuple[str, float, str, str, str], ...] = (
    ("oisp_notifiable", 1e23, "31 CFR 850.217", "oisp_notifiable", L_OISP_NOTIFY),
    ("oisp_prohibited_bio", 1e24, "31 CFR 850.224(j), (k)", "oisp_prohibited_ai", L_OISP_BIO),
    ("oisp_prohibited", 1e25, "31 CFR 850.224(j), (k)", "oisp_prohibited_ai", L_OISP_PROHIBITED),
    ("eccn_4e091", 1e26, "ECCN 4E091 (15 CFR 774 Supp. 1); 90 FR 4544", "eccn_4e091", L_4E091),
    ("kr_ai_basic_act", 1e26, "AI Basic Act art. 32", "kr_ai_safety", L_KR_AI_ACT),
)
AT_LEAST = {"kr_ai_basic_act"}   # "10^26 or more"; the US rules say "more than"
THRESHOLD_VALUES = tuple(sorted({t[1] for t in THRESHOLDS}))
BIOLOGICAL = "oisp_prohibited_bio"          # the threshold with a condition on the training data
C_BIOLOGICAL = N_("the model was trained mainly on biological sequence data")


@dataclass(frozen=True)
class ComputeResult:
    """Outcome of :func:`training_compute`."""

    operations: float
    method: str                        # 'entered' | 'estimate_6nd'
    working: list[Note] = field(default_factory=list)
    thresholds: list[ThresholdCheck] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def exceeded(self) -> list[str]:
        """Ids of the thresholds exceeded, in order."""
        return [check.id for check in self.thresholds if check.exceeded]

    def to_dict(self, lang: str) -> dict[str, Any]:
        return {
            "operations": self.operations,
            "method": self.method,
            "working": render_notes(self.working, lang),
            "thresholds": [check.to_dict(lang) for check in self.thresholds],
            "notes": render_notes(self.notes, lang),
        }


def training_compute(*, parameters: Any = None, tokens: Any = None,
                     operations: Any = None, biological: bool | None = None) -> ComputeResult:
    """Training compute from ``parameters`` and ``tokens`` (billions, 6·N·D), or a user-entered
    ``operations`` figure that overrides the estimate; checked against the fact-sheet thresholds.
    ``biological``: whether the model was trained mainly on biological sequence data (None:
    not said), which decides whether the 10^24 threshold applies.

    Every figure given is validated, even one the entered ``operations`` makes unnecessary.
    Raises :class:`~wizard.core.errors.CalculatorError` for missing or bad inputs."""
    n_billions = (positive_number("parameters", parameters, example="70")
                  if parameters is not None else None)
    d_billions = (positive_number("tokens", tokens, example="15000")
                  if tokens is not None else None)
    entered = (positive_number("operations", operations, example="6.3e24")
               if operations is not None else None)

    if entered is None:
        if n_billions is None and d_billions is None:
            fail(E_MISSING_ALL, **NAMES)
        if n_billions is None or d_billions is None:
            fail(E_MISSING_ONE, missing=NAMES["parameters" if n_billions is None else "tokens"],
                 **NAMES)

    working: list[Note] = []
    notes: list[Note] = []
    estimate = None
    if n_billions is not None and d_billions is not None:
        n = n_billions * BILLION
        d = d_billions * BILLION
        estimate = 6 * n * d
        n_text, d_text = fmt_sci(n), fmt_sci(d)
        working.append(Note(W_PARAMETERS, {"parameters": fmt_number(n_billions, 3), "n": n_text}))
        working.append(Note(W_TOKENS, {"tokens": fmt_number(d_billions, 3), "d": d_text}))
        if n_billions > PARAMETERS_HINT_BILLIONS:
            notes.append(Note(N_PARAMETERS_UNIT, {"parameters": fmt_number(n_billions, 3),
                                                  "n": n_text, "field": NAMES["parameters"]}))
        if d_billions > TOKENS_HINT_BILLIONS:
            notes.append(Note(N_TOKENS_UNIT, {"tokens": fmt_number(d_billions, 3), "d": d_text,
                                              "field": NAMES["tokens"]}))

    if entered is not None:
        ops, method = entered, "entered"
        ops_text = fmt_sci(ops, near=THRESHOLD_VALUES)
        working.append(Note(W_ENTERED, {"operations": ops_text}))
        if estimate is not None:
            working.append(Note(W_ENTERED_VS_ESTIMATE, {"estimate": fmt_sci(estimate),
                                                        "operations": ops_text}))
        notes.insert(0, Note(N_ENTERED))
    else:
        assert estimate is not None
        ops, method = estimate, "estimate_6nd"
        ops_text = fmt_sci(ops, near=THRESHOLD_VALUES)
        working.append(Note(W_6ND, {"n": n_text, "d": d_text, "operations": ops_text}))
        notes.insert(0, Note(N_ESTIMATE))

    checks = []
    seen: set[float] = set()
    for check_id, value, citation, rule, label in THRESHOLDS:
        above = ops >= value if check_id in AT_LEAST else ops > value
        conditional = check_id == BIOLOGICAL
        applies = (None if biological is None else bool(biological)) if conditional else True
        checks.append(ThresholdCheck(id=check_id, value=value, exceeded=above and bool(applies),
                                     citation=citation, rule=rule, label=Note(label), above=above, applies=applies,
                                     condition=Note(C_BIOLOGICAL) if conditional else None))
        if value not in seen:
            seen.add(value)
            working.append(Note(W_OVER if above else W_NOT_OVER,
                                {"operations": ops_text, "threshold": fmt_sci(value)}))
    notes.append(Note(N_COVERED_FOREIGN))

    return ComputeResult(operations=ops, method=method, working=working, thresholds=checks,
                         notes=notes)


def with_statuses(data: dict[str, Any], lang: str, ref, day: str) -> dict[str, Any]:
    """``data`` (``ComputeResult.to_dict(lang)``) with each threshold's rule as it stands on
    ``day``: ``ref(rule_id)`` gives the engine's rule reference (status, since, citations,
    label) or None for a rule the content does not have, which is then left without a status.
    Its status joins the label in the same words every report uses."""
    for check in data.get("thresholds", ()):
        rule = ref(check["rule"])
        if rule is None:
            continue
        check.update(status=rule.status, status_date=rule.since,
                     citation="; ".join(rule.citations) or check["citation"])
        check["label"] = translate(STATUS_SENTENCE, lang, label=check["label"],
                                   day=date_text(day, lang), status=rule.label[lang])
    return data
