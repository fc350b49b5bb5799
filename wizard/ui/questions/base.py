"""What every question editor shares, and the option button that wraps long labels."""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractButton, QCheckBox, QHBoxLayout, QLabel, QRadioButton,
                               QSizePolicy, QWidget)

from wizard.ui import lang


class Editor(QWidget):
    """The input part of a question. Emits ``edited(value)`` when the user changes the answer
    (``None`` clears it); ``set_value`` shows a stored answer without emitting."""

    edited = Signal(object)
    message = Signal(str)   # an inline message for the user ("" clears it)

    def __init__(self, info, session, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.info = info
        self.session = session
        self.question = info.question

    @property
    def qid(self) -> str:
        return self.info.qid

    def set_value(self, value: Any) -> None:  # pragma: no cover - every editor overrides
        raise NotImplementedError

    def retranslate(self) -> None:
        """Re-read every text in the current display language."""

    def refresh(self, state) -> None:
        """Called after every change of the answers (calculators recompute here)."""

    def focus_widget(self) -> QWidget:
        return self

    def accessible_question(self) -> str:
        return lang.pick(self.question.text, " / ")


class OptionButton(QWidget):
    """A radio button or check box with a word-wrapping label beside it (Qt's own button
    texts never wrap, and Korean-English option labels are long). Clicking the label toggles
    the button; the button carries the label as its accessible name."""

    toggled = Signal(bool)

    def __init__(self, exclusive: bool, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.button: QAbstractButton = QRadioButton(self) if exclusive else QCheckBox(self)
        self.button.toggled.connect(self.toggled)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.mousePressEvent = self._label_clicked  # type: ignore[method-assign]
        self.label.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.setFocusProxy(self.button)

    def _label_clicked(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            if isinstance(self.button, QRadioButton):
                self.button.setChecked(True)
            else:
                self.button.toggle()
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)

    def set_text(self, text: str, accessible: str) -> None:
        self.label.setText(text)
        self.button.setAccessibleName(accessible)
        self.label.setAccessibleName(accessible)

    def isChecked(self) -> bool:  # noqa: N802 - Qt naming
        return self.button.isChecked()

    def setChecked(self, checked: bool) -> None:  # noqa: N802 - Qt naming
        self.button.setChecked(checked)
