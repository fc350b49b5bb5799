"""Every finding of the built-in packs can be triggered: some answer set, with the questions of
one way of making its ``when`` true shown, makes the engine report it (the solver is in
solver.py). A finding that owns a risk raised by several areas reads questions no single company
sees all of, so one alternative is enough. A finding no answers can trigger is dead content:
fix its ``when`` or the ``show_if`` it depends on."""

from __future__ import annotations

import pytest

from tests.conftest import BUILTIN
from tests.content.solver import solve
from wizard.core.answers import check_answer
from wizard.core.content import load_content

CONTENT = load_content(BUILTIN)


@pytest.mark.parametrize("finding_id", [info.finding.id for info in CONTENT.findings])
def test_finding_can_be_triggered(finding_id):
    info = next(i for i in CONTENT.findings if i.finding.id == finding_id)
    answers = solve(CONTENT, info)
    assert answers is not None, (
        f"finding {finding_id} ({info.pack.id}.yaml) cannot be triggered: no answers make "
        f"'{info.finding.when}' true with the questions it refers to shown")
    for qid, value in answers.items():      # what a user could really enter
        assert check_answer(CONTENT.questions[qid].question, value, qid) == value


def test_the_solver_finds_the_chip_figures():
    """The calculator route: 3A090.a needs the datasheet figures, not a typed answer."""
    info = next(i for i in CONTENT.findings if i.finding.id == "chips_hq_rule")
    answers = solve(CONTENT, info)
    assert "chips.chip_class" not in answers
    assert {"chips.tops", "chips.bits"} <= set(answers) or "chips.manufacturer_eccn" in answers
