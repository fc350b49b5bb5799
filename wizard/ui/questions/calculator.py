"""A calculator question: read-only, shows the value the core computes and its working, live
as the inputs are typed (``CALCULATORS[name].run(inputs).to_dict(lang)``)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from wizard.core.calculators import CALCULATORS
from wizard.core.engine import calculator_inputs
from wizard.core.errors import CalculatorError, WizardError
from wizard.core.presenting import answer_text
from wizard.i18n import N_, translate
from wizard.ui import lang, style
from wizard.ui.questions.base import Editor

RESULT = N_("Result: {value}")
WORKING = N_("Working")
NOTES = N_("Notes")
WAITING = N_("Enter the figures above to see the result.")
NAME = N_("Calculated result")


def _message(exc: WizardError, code: str) -> str:
    return exc.render(code)


class CalculatorView(Editor):
    def __init__(self, info, session, parent=None) -> None:
        super().__init__(info, session, parent)
        self.view = QLabel(self)
        self.view.setWordWrap(True)
        self.view.setTextFormat(Qt.TextFormat.RichText)
        self.view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        style.look(self.view, "calculatorView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)
        self.text = ""
        self.refresh(session.state)

    def set_value(self, value: Any) -> None:
        self.refresh(self.session.state)

    def retranslate(self) -> None:
        self.refresh(self.session.state)

    def _inputs(self, state) -> dict[str, Any]:
        return calculator_inputs(self.session.content, self.qid, state.values)

    def refresh(self, state) -> None:
        calc = CALCULATORS[self.question.calculator]
        error = state.calc_errors.get(self.qid)
        parts: list[str] = []
        if error is not None:
            try:
                calc.run(self._inputs(state))
            except WizardError as exc:
                error = "<br>".join(html.escape(_message(exc, c)) for c in lang.langs())
            parts.append(f"<p style='color:#b00020'>{error}</p>")
        else:
            try:
                result = calc.run(self._inputs(state))
            except CalculatorError as exc:
                waiting = "<br>".join(html.escape(_message(exc, c)) for c in lang.langs())
                parts.append(f"<p style='color:#555'>{waiting}</p>")
            else:
                value = state.values.get(self.qid)
                shown = answer_text(self.session.content, self.qid, value) if value is not None \
                    else None
                for code in lang.langs():
                    parts.append(self._render(code, result.to_dict(code), shown))
        self.text = "".join(parts) or html.escape(lang.tr(WAITING))
        self.view.setText(self.text)
        plain = self.view.text()
        self.view.setAccessibleName(f"{lang.tr(NAME)}: {self.accessible_question()}")
        self.view.setAccessibleDescription(plain[:500])

    @staticmethod
    def _render(code: str, data: dict, shown) -> str:
        out = []
        if shown is not None:
            out.append("<p><b>" + html.escape(translate(RESULT, code, value=shown[code]))
                       + "</b></p>")
        working = data.get("working") or []
        if working:
            out.append(f"<p style='margin-bottom:0'>{html.escape(translate(WORKING, code))}</p>")
            out.append("<ul style='margin-top:0'>" + "".join(
                f"<li>{html.escape(line)}</li>" for line in working) + "</ul>")
        notes = data.get("notes") or []
        if notes:
            out.append(f"<p style='margin-bottom:0'>{html.escape(translate(NOTES, code))}</p>")
            out.append("<ul style='margin-top:0;color:#444'>" + "".join(
                f"<li>{html.escape(line)}</li>" for line in notes) + "</ul>")
        return "".join(out)
