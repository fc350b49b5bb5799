"""The three calculators a questionnaire can use (``kind: calculator``), and their registry.

======================  ==========================================  ===============================
name                    slots                                       ``value()`` seen by expressions
======================  ==========================================  ===============================
``chip_classification`` ``tops``, ``bits``, ``mac_tops``,           ``"3A090.a"``, ``"3A090.b"``
                        ``die_area``                                or ``"none"``
``training_compute``    ``parameters``, ``tokens``, ``operations``  operations (float)
``bulk_data``           one slot per 28 CFR 202.205 category        list of category ids over
======================  ==========================================  ===============================

``Calculator.value(inputs)`` returns ``None`` when the inputs it needs are unanswered (the
expression language then treats the question as having no value); ``Calculator.run(inputs)``
returns the full result object. Both raise :class:`~wizard.core.errors.CalculatorError` for
values that are present but wrong (negative, not a number, ...). Every result has
``to_dict(lang)`` giving plain JSON-able data with its notes rendered in ``lang`` (``ko``/``en``).

Every sentence a user reads is an English msgid in a :class:`~wizard.i18n.Note`; a
``CalculatorError`` carries its message as ``err.note`` too, so a UI can show it in Korean.
Messages name an input as ``'die_area'`` (``input_name``); a caller that asks for it under
another name renames it with ``rename_inputs`` (the command line says ``--die-area``).

The small helpers below are shared by ``chip``, ``compute`` and ``bulk``; they are defined before
those modules are imported (the modules import them from this package).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real
from typing import Any, Callable, NoReturn

from wizard.core.errors import CalculatorError, InputError
from wizard.i18n import LANGUAGES, N_, Note

# --------------------------------------------------------------------------------------------
# shared helpers (used by chip.py, compute.py, bulk.py)
# --------------------------------------------------------------------------------------------

E_NOT_NUMBER = N_("{field} must be a number; got {value}. Enter a plain number such as {example}.")
E_NOT_FINITE = N_("{field} must be a finite number; got {value}. Enter a plain number such as "
                  "{example}.")
E_NOT_POSITIVE = N_("{field} must be greater than 0; got {value}. Enter a positive number such as "
                    "{example}.")
E_UNKNOWN_SLOT = N_("Calculator '{name}' has no input '{slot}'. Its inputs are: {allowed}.")
E_UNKNOWN_LANGUAGE = N_("Unknown language '{lang}': use 'ko' or 'en'.")


def fail(msgid: str, **params: Any) -> NoReturn:
    """Raise a :class:`CalculatorError` whose message is ``msgid`` (English), kept as ``.note``."""
    raise CalculatorError.said(msgid, **params)


def input_name(slot: str) -> str:
    """An input as a message names it (``'die_area'``) until ``rename_inputs`` renames it."""
    return f"'{slot}'"


def rename_note(note: Note, names: dict[str, str]) -> Note:
    """``note`` with every input named as ``names`` (slot -> name) says."""
    wanted = {input_name(slot): name for slot, name in names.items()}
    return Note(note.msgid, {key: wanted.get(value, value) if isinstance(value, str) else value
                             for key, value in note.params.items()})


def rename_inputs(error: CalculatorError, names: dict[str, str]) -> CalculatorError:
    """The same error with its inputs named as the caller's user knows them (``names``: slot ->
    name, e.g. ``{"die_area": "--die-area"}`` on the command line)."""
    if error.note is None:
        return error
    note = rename_note(error.note, names)
    return CalculatorError(note.english(), note=note)


def show(value: Any) -> str:
    """A short, unambiguous rendering of a bad input value for an error message."""
    if isinstance(value, str):
        text = repr(value)
    elif isinstance(value, float) and math.isnan(value):
        text = "NaN"
    elif isinstance(value, float) and math.isinf(value):
        text = "infinity" if value > 0 else "-infinity"
    else:
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def finite_number(field: str, value: Any, *, example: str) -> float:
    """``value`` as a float; refuses bools, text, None, NaN and infinities."""
    if isinstance(value, bool) or not isinstance(value, Real):
        fail(E_NOT_NUMBER, field=input_name(field), value=show(value), example=example)
    number = float(value)
    if not math.isfinite(number):
        fail(E_NOT_FINITE, field=input_name(field), value=show(value), example=example)
    return number


def positive_number(field: str, value: Any, *, example: str) -> float:
    """A finite number greater than 0."""
    number = finite_number(field, value, example=example)
    if number <= 0:
        fail(E_NOT_POSITIVE, field=input_name(field), value=show(value), example=example)
    return number


def at_least(value: float, threshold: float) -> bool:
    """``value >= threshold``, forgiving float noise in the last bits (e.g. 5.919999999999999)."""
    return value >= threshold or math.isclose(value, threshold, rel_tol=1e-12, abs_tol=0.0)


def fmt_number(value: float, decimals: int = 2) -> str:
    """``4992.0`` -> ``"4,992"``; ``5284.8`` -> ``"5,284.8"``; small values keep 3 significant digits."""
    if value != 0 and abs(value) < 1:
        decimals = max(decimals, 2 - math.floor(math.log10(abs(value))))
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt_compare(value: float, thresholds: tuple[float, ...], decimals: int = 2) -> str:
    """Like :func:`fmt_number`, with more decimals when rounding would print a threshold for a
    value that is not equal to it (``5.9199`` is shown as ``5.9199``, not ``5.92``)."""
    text = fmt_number(value, decimals)
    for threshold in thresholds:
        while value != threshold and decimals < 9 and text == fmt_number(threshold, decimals):
            decimals += 1
            text = fmt_number(value, decimals)
    return text


def fmt_sci(value: float, digits: int = 3, near: tuple[float, ...] = ()) -> str:
    """``6.3e24`` -> ``"6.3 x 10^24"``; more digits when rounding would hide a difference from a
    value in ``near`` (a threshold)."""

    def render(d: int) -> str:
        if value == 0:
            return "0"
        mantissa, exponent = f"{value:.{d - 1}e}".split("e")
        if "." in mantissa:
            mantissa = mantissa.rstrip("0").rstrip(".")
        exp = int(exponent)
        if mantissa in ("1", "-1"):
            return f"{'-' if mantissa == '-1' else ''}10^{exp}"
        return f"{mantissa} x 10^{exp}"

    text = render(digits)
    for threshold in near:
        while value != threshold and digits < 15 and text == fmt_sci(threshold, digits):
            digits += 1
            text = render(digits)
    return text


def check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise InputError.said(E_UNKNOWN_LANGUAGE, lang=str(lang))
    return lang


def render_notes(notes: list[Note], lang: str) -> list[str]:
    check_lang(lang)
    return [note.render(lang) for note in notes]


# --------------------------------------------------------------------------------------------
# the calculators (imported after the helpers they use)
# --------------------------------------------------------------------------------------------

from wizard.core.calculators.bulk import (  # noqa: E402
    BULK_CATEGORIES,
    BulkResult,
    CategoryCheck,
    bulk_data,
)
from wizard.core.calculators.chip import ChipResult, classify_chip  # noqa: E402
from wizard.core.calculators.compute import (  # noqa: E402
    ComputeResult,
    ThresholdCheck,
    training_compute,
)


def _present(inputs: dict[str, Any]) -> dict[str, Any]:
    """The answered inputs (``None`` = unanswered or hidden)."""
    return {slot: value for slot, value in inputs.items() if value is not None}


@dataclass(frozen=True)
class Calculator:
    """One calculator: its input slots, its full result and the value an expression sees.

    ``values`` is the closed set of strings its value can be (or contain), for checking the
    literals a condition compares it with; empty for a numeric value."""

    name: str
    slots: tuple[str, ...]
    _run: Callable[[dict[str, Any]], Any]
    _value: Callable[[dict[str, Any]], Any]
    values: tuple[str, ...] = ()

    def _checked(self, inputs: dict[str, Any] | None) -> dict[str, Any]:
        inputs = dict(inputs or {})
        for slot in inputs:
            if slot not in self.slots:
                fail(E_UNKNOWN_SLOT, name=self.name, slot=str(slot), allowed=", ".join(self.slots))
        return _present(inputs)

    def run(self, inputs: dict[str, Any] | None) -> Any:
        """The full result (``ChipResult``, ``ComputeResult`` or ``BulkResult``).

        Raises ``CalculatorError`` for bad or missing inputs."""
        return self._run(self._checked(inputs))

    def value(self, inputs: dict[str, Any] | None) -> Any | None:
        """The value an expression sees, or ``None`` while the needed inputs are unanswered.

        Raises ``CalculatorError`` for inputs that are answered but wrong."""
        return self._value(self._checked(inputs))


def _chip_run(inputs: dict[str, Any]) -> ChipResult:
    return classify_chip(**inputs)


def _chip_value(inputs: dict[str, Any]) -> str | None:
    if "bits" not in inputs or not ("tops" in inputs or "mac_tops" in inputs):
        # still validate what is there, so a bad figure is reported as soon as it is typed
        for slot, example in (("tops", "312"), ("mac_tops", "156"), ("die_area", "826")):
            if slot in inputs:
                positive_number(slot, inputs[slot], example=example)
        if "bits" in inputs:
            classify_chip(mac_tops=1, bits=inputs["bits"])
        return None
    result = classify_chip(**inputs)
    # Without a die area, a chip with 1,600 <= TPP < 4,800 cannot be classified: it may be
    # 3A090.a, 3A090.b or outside 3A090 depending on its performance density. An expression must
    # not read that as "none", so the value stays unanswered until the die area is entered.
    if not result.determined:
        return None
    return result.classification


def _compute_run(inputs: dict[str, Any]) -> ComputeResult:
    return training_compute(**inputs)


def _compute_value(inputs: dict[str, Any]) -> float | None:
    if "operations" not in inputs and not ("parameters" in inputs and "tokens" in inputs):
        # still validate what is there, so a bad figure is reported as soon as it is typed
        for slot, example in (("parameters", "70"), ("tokens", "15000")):
            if slot in inputs:
                positive_number(slot, inputs[slot], example=example)
        return None
    return training_compute(**inputs).operations


def _bulk_run(inputs: dict[str, Any]) -> BulkResult:
    return bulk_data(inputs)


def _bulk_value(inputs: dict[str, Any]) -> list[str] | None:
    if not inputs:
        return None
    return list(bulk_data(inputs).over)


CALCULATORS: dict[str, Calculator] = {
    "chip_classification": Calculator(
        "chip_classification", ("tops", "bits", "mac_tops", "die_area"), _chip_run, _chip_value,
        values=("3A090.a", "3A090.b", "none")),
    "training_compute": Calculator(
        "training_compute", ("parameters", "tokens", "operations"), _compute_run, _compute_value),
    "bulk_data": Calculator("bulk_data", tuple(BULK_CATEGORIES), _bulk_run, _bulk_value,
                            values=tuple(BULK_CATEGORIES)),
}

__all__ = [
    "CALCULATORS",
    "BULK_CATEGORIES",
    "BulkResult",
    "Calculator",
    "CategoryCheck",
    "ChipResult",
    "ComputeResult",
    "ThresholdCheck",
    "bulk_data",
    "classify_chip",
    "training_compute",
]
