"""Calculator commands: ``classify-chip``, ``training-compute`` and ``bulk-data``.

Each prints the result with its working (text) or the result's JSON (``--format json``); bad
figures get the calculator's own message, naming the option as typed (``--die-area``), and
exit code 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json

from wizard.cli.output import add_output_args, write_output
from wizard.cli.words import say
from wizard.core.calculators import (BULK_CATEGORIES, bulk_data, classify_chip, rename_inputs,
                                     rename_note, render_notes, training_compute)
from wizard.core.calculators.bulk import LABELS
from wizard.core.errors import CalculatorError, ContentError
from wizard.i18n import N_, default_language, translate

BULK_FLAGS = ("human_genomic", "other_omic", "biometric", "precise_geolocation",
              "personal_health", "personal_financial", "covered_identifiers")

NOT_A_NUMBER = N_("{value} is not a number")
FORMAT_HELP = N_("text (the result with its working) or json")
LANG_HELP = N_("language of the result (default: the system's)")
CHIP_HELP = N_("classify a chip under ECCN 3A090 from datasheet figures")
CHIP_DESCRIPTION = N_("Total processing performance (TPP = 2 x MacTOPS x bit length) and "
                      "performance density (TPP / die area) against the ECCN 3A090 thresholds. "
                      "Example: classify-chip --tops 312 --bits 16 --die-area 826")
TOPS_HELP = N_("dense peak TOPS or TFLOPS at --bits")
MAC_TOPS_HELP = N_("MacTOPS (instead of --tops)")
BITS_HELP = N_("bit length of that operation (e.g. 8, 16)")
DIE_AREA_HELP = N_("applicable die area in mm2")
COMPUTE_HELP = N_("training compute against the 10^23/10^24/10^25/10^26 thresholds")
COMPUTE_DESCRIPTION = N_("Estimate training compute as 6 x parameters x tokens, or take a figure "
                         "you enter, and compare it with the thresholds of 31 CFR Part 850, "
                         "ECCN 4E091 and the Korea AI Basic Act, each with its status. The 10^24 "
                         "threshold applies only to a model trained mainly on biological "
                         "sequence data: say so with --biological-sequence-data.")
PARAMETERS_HELP = N_("model parameters, in billions")
TOKENS_HELP = N_("training tokens, in billions")
OPERATIONS_HELP = N_("total training operations, if known (overrides the estimate)")
BIOLOGICAL_HELP = N_("the model was trained mainly on biological sequence data (the 10^24 "
                     "threshold of 31 CFR Part 850 then applies)")
BULK_HELP = N_("US personal data counts against the DOJ bulk thresholds")
BULK_DESCRIPTION = N_("Counts of US persons (or devices) per data category over the last 12 "
                      "months with one counterparty, against the bulk thresholds of 28 CFR "
                      "202.205: a count is bulk when it is more than the threshold. Give only "
                      "the categories you hold.")
BULK_PERSONS = N_("{label}: number of US persons; bulk when more than {threshold}")
BULK_DEVICES = N_("{label}: number of US devices; bulk when more than {threshold}")
EXCEEDED = N_("exceeded")
NOT_EXCEEDED = N_("not exceeded")
APPLIES_ONLY_IF = N_("applies only if {condition}")
DOES_NOT_APPLY = N_("does not apply")
OVER = N_("over the threshold")
UNDER = N_("under the threshold")


def _number(text: str):
    try:
        value = float(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(say(NOT_A_NUMBER, value=repr(text))) from None
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def _option(slot: str) -> str:
    return "--" + slot.replace("_", "-")


def _common(parser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help=say(FORMAT_HELP))
    parser.add_argument("--lang", choices=("ko", "en"), default=None, help=say(LANG_HELP))
    add_output_args(parser)


def register(sub) -> None:
    chip = sub.add_parser("classify-chip", help=say(CHIP_HELP),
                          description=say(CHIP_DESCRIPTION))
    chip.add_argument("--tops", type=_number, help=say(TOPS_HELP))
    chip.add_argument("--mac-tops", type=_number, help=say(MAC_TOPS_HELP))
    chip.add_argument("--bits", type=_number, help=say(BITS_HELP))
    chip.add_argument("--die-area", type=_number, help=say(DIE_AREA_HELP))
    _common(chip)
    chip.set_defaults(handler=run_chip)

    compute = sub.add_parser("training-compute", help=say(COMPUTE_HELP),
                             description=say(COMPUTE_DESCRIPTION))
    compute.add_argument("--parameters", type=_number, help=say(PARAMETERS_HELP))
    compute.add_argument("--tokens", type=_number, help=say(TOKENS_HELP))
    compute.add_argument("--operations", type=_number, help=say(OPERATIONS_HELP))
    compute.add_argument("--biological-sequence-data", action="store_true", default=None,
                         dest="biological", help=say(BIOLOGICAL_HELP))
    _common(compute)
    compute.set_defaults(handler=run_compute)

    bulk = sub.add_parser("bulk-data", help=say(BULK_HELP), description=say(BULK_DESCRIPTION))
    for flag in BULK_FLAGS:
        threshold, unit = BULK_CATEGORIES[flag]
        text = BULK_DEVICES if unit == "devices" else BULK_PERSONS
        bulk.add_argument(_option(flag), type=_number, metavar="N",
                          help=say(text, label=say(LABELS[flag]), threshold=f"{threshold:,}"))
    _common(bulk)
    bulk.set_defaults(handler=run_bulk)


def _threshold_mark(check: dict, lang: str) -> str:
    if check.get("applies") is None:
        return translate(APPLIES_ONLY_IF, lang, condition=check["condition"])
    if check.get("applies") is False:
        return translate(DOES_NOT_APPLY, lang)
    return translate(EXCEEDED if check["exceeded"] else NOT_EXCEEDED, lang)


def _statuses(data: dict, lang: str) -> dict:
    """The thresholds' rules as they stand today, from the content the program uses (a
    calculator knows figures, the rule registry knows the law's history)."""
    from wizard.content_store import active_folder
    from wizard.core.content import load_content
    from wizard.core.engine import Rules, thresholds_on_day

    try:
        rules = Rules(load_content(active_folder()), dt.date.today())
    except ContentError:
        return data   # the figures stand without statuses; 'validate' says what is wrong
    return thresholds_on_day(data, lang, rules)


def _emit(args, result, names: dict[str, str]) -> int:
    lang = args.lang or default_language()
    data = result.to_dict(lang)
    if "thresholds" in data:
        data = _statuses(data, lang)
    # the notes and working name inputs as the options the user typed
    for key in ("notes", "working"):
        if key in data:
            data[key] = render_notes([rename_note(n, names) for n in getattr(result, key)], lang)
    if args.format == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        lines = list(data.get("working", []))
        if "thresholds" in data:
            for check in data["thresholds"]:
                lines.append(f"- [{_threshold_mark(check, lang)}] {check['label']}")
        if "categories" in data:
            for cat in data["categories"]:
                mark = translate(OVER if cat["over"] else UNDER, lang)
                lines.append(f"- [{mark}] {cat.get('label', cat['category'])}: "
                             f"{cat['count']:,} / {cat['threshold']:,}")
        notes = data.get("notes", [])
        if notes:
            lines.append("")
            lines += [f"* {note}" for note in notes]
        text = "\n".join(lines) + "\n"
    write_output(args.output, text, force=args.force)
    return 0


def _calculate(function, names: dict[str, str], **inputs):
    """``function(**inputs)``; a bad figure's message names the option (``--die-area``)."""

    try:
        return function(**inputs)
    except CalculatorError as exc:
        raise rename_inputs(exc, names) from exc


def run_chip(args) -> int:
    names = {slot: _option(slot) for slot in ("tops", "bits", "mac_tops", "die_area")}
    result = _calculate(classify_chip, names, tops=args.tops, bits=args.bits,
                        mac_tops=args.mac_tops, die_area=args.die_area)
    return _emit(args, result, names)


def run_compute(args) -> int:
    names = {slot: _option(slot) for slot in ("parameters", "tokens", "operations")}
    result = _calculate(training_compute, names, parameters=args.parameters, tokens=args.tokens,
                        operations=args.operations, biological=args.biological)
    return _emit(args, result, names)


def run_bulk(args) -> int:
    names = {flag: _option(flag) for flag in BULK_FLAGS}
    counts = {flag: getattr(args, flag) for flag in BULK_FLAGS if getattr(args, flag) is not None}
    return _emit(args, _calculate(bulk_data, names, counts=counts), names)
