"""The registry of question editors: question kind -> widget factory.

Every kind in ``wizard.core.model.QuestionKind`` has an entry; ``create`` refuses an unknown
kind with the list of valid ones (as questionary's prompt registry does). A factory takes
``(info, session, parent)`` and returns an :class:`~wizard.ui.questions.base.Editor`.
"""

from __future__ import annotations

from typing import Callable

from wizard.ui.questions.base import Editor
from wizard.ui.questions.calculator import CalculatorView
from wizard.ui.questions.choice import MultiEditor, SingleEditor, YesNoUnsureEditor
from wizard.ui.questions.countries import CountriesEditor
from wizard.ui.questions.scalar import NumberEditor, TextEditor

EDITORS: dict[str, Callable[..., Editor]] = {
    "yes_no_unsure": YesNoUnsureEditor,
    "single": SingleEditor,
    "multi": MultiEditor,
    "number": NumberEditor,
    "text": TextEditor,
    "countries": CountriesEditor,
    "calculator": CalculatorView,
}


def create(info, session, parent=None) -> Editor:
    kind = info.question.kind
    try:
        factory = EDITORS[kind]
    except KeyError:
        raise ValueError(f"no editor for question kind {kind!r}; "
                         f"known kinds: {', '.join(sorted(EDITORS))}") from None
    return factory(info, session, parent)


__all__ = ["EDITORS", "Editor", "create"]
