"""Typed answers: a number (checked against the question's min, max and whole-number rule as
the user types, with the unit shown) and free text."""

from __future__ import annotations

import math
from typing import Any, Optional

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from wizard.i18n import N_
from wizard.ui import lang
from wizard.ui.questions.base import Editor

E_NUMBER = N_("Enter a number, for example {example}.")
E_WHOLE = N_("Enter a whole number.")
E_MIN = N_("The smallest value allowed is {min}.")
E_MAX = N_("The largest value allowed is {max}.")
PLACEHOLDER_NUMBER = N_("Number")
PLACEHOLDER_RANGE = N_("From {min} to {max}")
PLACEHOLDER_TEXT = N_("Type your answer")


def show_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def parse_number(text: str, question) -> tuple[Optional[float], str]:
    """(value, "") for good input, (None, message) for bad, (None, "") for empty."""
    cleaned = "".join(ch for ch in text if ch not in ", _\u00a0\u2009\u202f")
    if not cleaned:
        return None, ""
    example = show_number(question.min if question.min is not None and question.min > 0
                          else 12)
    try:
        value: Any = float(cleaned)
    except ValueError:
        return None, lang.tr(E_NUMBER, example=example)
    if not math.isfinite(value):
        return None, lang.tr(E_NUMBER, example=example)
    if question.integer and not value.is_integer():
        return None, lang.tr(E_WHOLE)
    if question.min is not None and value < question.min:
        return None, lang.tr(E_MIN, min=show_number(question.min))
    if question.max is not None and value > question.max:
        return None, lang.tr(E_MAX, max=show_number(question.max))
    if value.is_integer() and abs(value) < 2**53:
        value = int(value)
    return value, ""


class NumberEditor(Editor):
    def __init__(self, info, session, parent=None) -> None:
        super().__init__(info, session, parent)
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(40)
        self.unit = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.unit)
        layout.addStretch(1)
        self.edit.textEdited.connect(self._edited)
        self.setFocusProxy(self.edit)
        self.retranslate()
        self.set_value(session.answer(info.qid))

    def retranslate(self) -> None:
        q = self.question
        self.unit.setText(lang.pick(q.unit, " / ") if q.unit else "")
        if q.min is not None and q.max is not None:
            hint = lang.tr(PLACEHOLDER_RANGE, min=show_number(q.min), max=show_number(q.max))
        else:
            hint = lang.tr(PLACEHOLDER_NUMBER)
        self.edit.setPlaceholderText(hint)
        width = self.edit.fontMetrics().horizontalAdvance(hint) + 28
        self.edit.setFixedWidth(min(max(width, 160), 420))
        self.edit.setAccessibleName(self.accessible_question())
        self.edit.setAccessibleDescription(self.unit.text())
        if self.edit.text():
            self.message.emit(parse_number(self.edit.text(), q)[1])

    def _edited(self, text: str) -> None:
        value, problem = parse_number(text, self.question)
        self.message.emit(problem)
        self.edited.emit(value)

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else show_number(value))
        self.message.emit("")


class TextEditor(Editor):
    """One line for short answers; a small multi-line box for long ones (Tab moves on)."""

    def __init__(self, info, session, parent=None) -> None:
        super().__init__(info, session, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        limit = self.question.max_length
        if limit > 120:
            self.edit = QPlainTextEdit(self)
            self.edit.setTabChangesFocus(True)
            self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
            self.edit.textChanged.connect(self._plain_changed)
        else:
            self.edit = QLineEdit(self)
            self.edit.setMaxLength(limit)
            self.edit.textEdited.connect(self._line_edited)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self._loading = False
        self.retranslate()
        self.set_value(session.answer(info.qid))

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(lang.tr(PLACEHOLDER_TEXT))
        self.edit.setAccessibleName(self.accessible_question())

    def _line_edited(self, text: str) -> None:
        self.edited.emit(text or None)

    def _plain_changed(self) -> None:
        if self._loading:
            return
        text = self.edit.toPlainText()
        limit = self.question.max_length
        if len(text) > limit:
            self._loading = True
            self.edit.setPlainText(text[:limit])
            self._loading = False
            text = text[:limit]
        self.edited.emit(text or None)

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            if isinstance(self.edit, QLineEdit):
                self.edit.setText(value or "")
            else:
                self.edit.setPlainText(value or "")
        finally:
            self._loading = False
