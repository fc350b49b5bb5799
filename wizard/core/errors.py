"""Errors the core raises. Every one is a :class:`WizardError`; nothing else escapes the core's
loaders for bad input.

    WizardError                 base: message a person can act on, exit code
    ├── ExpressionError         a condition that does not parse or evaluate (column of bad token)
    ├── ContentError            questionnaire packs that fail to load or validate (list of problems)
    ├── AssessmentError         an assessment file that cannot be read or does not fit the packs
    ├── CalculatorError         calculator inputs that are out of range or not numbers
    ├── BundleError             a content bundle refused (signature, archive, manifest, packs)
    └── InputError              anything else a user typed or passed that we refuse

Raise them with ``raise ... from exc`` when they wrap another exception.
"""

from __future__ import annotations

from wizard.i18n import Note


class WizardError(Exception):
    """Base class: ``str(err)`` is a message that says what is wrong, where and what to do.

    An error made with :meth:`said` also keeps its message as a program string with
    parameters (``note``), so that the wizard and the command line show it in the reader's
    language (:meth:`render`); ``str(err)`` is always the English text."""

    exit_code = 2

    def __init__(self, message: str, *, note=None) -> None:
        super().__init__(message)
        self.note = note  # a wizard.i18n.Note, when the message is a program string

    @classmethod
    def said(cls, msgid: str, /, carries: dict | None = None, **params):
        """This error with ``msgid`` (an English program string marked with ``N_``) filled
        from ``params`` as its message; a parameter that is a Note is rendered alike.
        ``carries``: what the error's class takes besides its message (``problems``)."""

        note = Note(msgid, params)
        return cls(note.english(), note=note, **(carries or {}))

    def render(self, lang: str) -> str:
        """The message in ``lang`` (``ko`` or ``en``)."""
        return self.note.render(lang) if self.note is not None else str(self)


class ExpressionError(WizardError):
    """A condition that cannot be parsed or evaluated.

    ``column`` is 1-based, pointing at the bad token; ``source`` is the expression text. The
    validator says where the condition is (file, line, question) in the problem it reports.
    """

    def __init__(self, message: str, *, source: str = "", column: int | None = None,
                 note=None) -> None:
        self.message = message
        self.source = source
        self.column = column
        super().__init__(self._render(), note=note)

    def _render(self) -> str:
        text = self.message
        if self.column is not None:
            text = f"{text} (column {self.column})"
        if self.source:
            text = f"{text}\n    {self.source}"
            if self.column is not None:
                text = f"{text}\n    {' ' * (self.column - 1)}^"
        return text


class ContentError(WizardError):
    """Questionnaire content that cannot be used. ``problems`` lists every one found."""

    exit_code = 1

    def __init__(self, message: str, problems: list | None = None, *, note=None) -> None:
        super().__init__(message, note=note)
        self.problems = list(problems or [])


class AssessmentError(WizardError):
    """An assessment file that cannot be read, or answers that do not fit the packs.
    ``problem``: for an answer refused, what is wrong with it alone (a Note), without the
    place, for the wizard to show beside the question."""

    def __init__(self, message: str, problem=None, *, note=None) -> None:
        super().__init__(message, note=note)
        self.problem = problem


class CalculatorError(WizardError):
    """Calculator inputs that are missing, not numbers or out of range."""


class BundleError(WizardError):
    """A content bundle (``*.aitr-content``) that is refused: nothing was installed.
    ``code`` names the reason (``wizard.core.bundle``: ``B...``) for tests and tools;
    ``problems``: the pack problems when the bundle's content does not validate."""

    def __init__(self, message: str, code: str = "", problems: list | None = None, *,
                 note=None) -> None:
        super().__init__(message, note=note)
        self.code = code
        self.problems = list(problems or [])


class InputError(WizardError):
    """Other input a user gave that we refuse (command-line values, output paths, ...)."""
