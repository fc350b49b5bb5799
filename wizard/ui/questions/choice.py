"""Choice questions: yes / no / unsure, one option (radios), several options (check boxes)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QVBoxLayout

from wizard.core.labels import YES_NO
from wizard.ui import lang
from wizard.ui.questions.base import Editor, OptionButton


class _Choices(Editor):
    exclusive = True
    horizontal = False

    def __init__(self, info, session, parent=None) -> None:
        super().__init__(info, session, parent)
        # Radios share a group (arrow keys move inside it, Tab leaves it); check boxes do not,
        # so that Tab visits each of them.
        self.group = QButtonGroup(self) if self.exclusive else None
        self.buttons: dict[str, OptionButton] = {}
        layout = QHBoxLayout(self) if self.horizontal else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16 if self.horizontal else 4)
        for key in self.keys():
            button = OptionButton(self.exclusive, self)
            if self.group is not None:
                self.group.addButton(button.button)
            button.toggled.connect(lambda checked, k=key: self._toggled(k, checked))
            self.buttons[key] = button
            layout.addWidget(button, 0 if self.horizontal else 0)
        if self.horizontal:
            layout.addStretch(1)
        self._loading = False
        self.retranslate()
        self.set_value(session.answer(info.qid))

    def keys(self) -> list[str]:
        return [option.id for option in self.question.options]

    def text_for(self, key: str, sep: str) -> str:
        option = self.question.option(key)
        return lang.pick(option.label, sep) if option else key

    def retranslate(self) -> None:
        for key, button in self.buttons.items():
            button.set_text(self.text_for(key, "\n" if not self.horizontal else " / "),
                            self.text_for(key, " / "))
        self.setAccessibleName(self.accessible_question())

    def focus_widget(self):
        for button in self.buttons.values():
            if button.isChecked():
                return button.button
        return next(iter(self.buttons.values())).button

    def _toggled(self, key: str, checked: bool) -> None:
        if self._loading:
            return
        if self.exclusive:
            if checked:
                self.edited.emit(key)
        else:
            self.edited.emit(self.value())

    def value(self) -> Any:
        chosen = [key for key, button in self.buttons.items() if button.isChecked()]
        if self.exclusive:
            return chosen[0] if chosen else None
        return chosen or None

    def set_value(self, value: Any) -> None:
        self._loading = True
        try:
            chosen = set(value) if isinstance(value, list) else {value}
            if self.exclusive:
                self.group.setExclusive(False)
            for key, button in self.buttons.items():
                button.setChecked(key in chosen)
            if self.exclusive:
                self.group.setExclusive(True)
        finally:
            self._loading = False


class YesNoUnsureEditor(_Choices):
    """Three radio buttons; Unsure is a real answer (a question for counsel)."""

    horizontal = True

    def keys(self) -> list[str]:
        return list(YES_NO)

    def text_for(self, key: str, sep: str) -> str:
        return lang.ui(YES_NO[key])


class SingleEditor(_Choices):
    """One option, as radio buttons."""


class MultiEditor(_Choices):
    """Several options, as check boxes; an ``exclusive`` option (such as "none of these")
    clears the others when ticked, and is cleared when another is ticked."""

    exclusive = False

    def _toggled(self, key: str, checked: bool) -> None:
        if self._loading:
            return
        if checked:
            solo = set(self.question.exclusive)
            self._loading = True
            try:
                for other, button in self.buttons.items():
                    if other != key and (key in solo or other in solo):
                        button.setChecked(False)
            finally:
                self._loading = False
        self.edited.emit(self.value())
