"""Calculator commands: ``classify-chip``, ``training-compute`` and ``bulk-data``.

Each prints the result with its working (text) or the result's JSON (``--format json``); bad
figures get the calculator's own message and exit code 2.
"""

from __future__ import annotations

import argparse
import json

from wizard.cli.output import add_output_args, write_output
from wizard.i18n import N_, default_language, translate

BULK_FLAGS = ("human_genomic", "other_omic", "biometric", "precise_geolocation",
              "personal_health", "personal_financial", "covered_identifiers")


def _number(text: str) -> float:
    try:
        return float(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None


def _common(parser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--lang", choices=("ko", "en"), default=None,
                        help="language of the notes (default: from the system locale)")
    add_output_args(parser)


def register(sub) -> None:
    chip = sub.add_parser(
        "classify-chip", help="classify a chip under ECCN 3A090 from datasheet figures",
        description="Total processing performance (TPP = 2 x MacTOPS x bit length) and "
                    "performance density (TPP / die area) against the ECCN 3A090 thresholds. "
                    "Example: classify-chip --tops 312 --bits 16 --die-area 826")
    chip.add_argument("--tops", type=_number, help="dense peak TOPS or TFLOPS at --bits")
    chip.add_argument("--mac-tops", type=_number, help="MacTOPS (instead of --tops)")
    chip.add_argument("--bits", type=_number, help="bit length of that operation (e.g. 8, 16)")
    chip.add_argument("--die-area", type=_number, help="applicable die area in mm2")
    _common(chip)
    chip.set_defaults(handler=run_chip)

    compute = sub.add_parser(
        "training-compute", help="training compute against the 10^23/10^25/10^26 thresholds",
        description="Estimate training compute as 6 x parameters x tokens, or take a figure "
                    "you enter, and compare it with the thresholds of 31 CFR Part 850, "
                    "ECCN 4E091 and the Korea AI Basic Act, each with its status.")
    compute.add_argument("--parameters", type=_number, help="model parameters, in billions")
    compute.add_argument("--tokens", type=_number, help="training tokens, in billions")
    compute.add_argument("--operations", type=_number, help="total operations, if known")
    _common(compute)
    compute.set_defaults(handler=run_compute)

    bulk = sub.add_parser(
        "bulk-data", help="US personal data counts against the DOJ bulk thresholds",
        description="Counts of US persons (or devices) per data category over the last 12 "
                    "months with one counterparty, against 28 CFR 202.205.")
    for flag in BULK_FLAGS:
        bulk.add_argument("--" + flag.replace("_", "-"), type=_number, metavar="N")
    _common(bulk)
    bulk.set_defaults(handler=run_bulk)


def _emit(args, result) -> int:
    lang = args.lang or default_language()
    data = result.to_dict(lang)
    if args.format == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        lines = list(data.get("working", []))
        if "thresholds" in data:
            for check in data["thresholds"]:
                mark = translate(N_("exceeded"), lang) if check["exceeded"] else \
                    translate(N_("not exceeded"), lang)
                lines.append(f"- [{mark}] {check['label']}")
        if "categories" in data:
            for cat in data["categories"]:
                mark = translate(N_("over the threshold"), lang) if cat["over"] else \
                    translate(N_("under the threshold"), lang)
                lines.append(f"- [{mark}] {cat.get('label', cat['category'])}: "
                             f"{cat['count']:,} / {cat['threshold']:,}")
        notes = data.get("notes", [])
        if notes:
            lines.append("")
            lines += [f"* {note}" for note in notes]
        text = "\n".join(lines) + "\n"
    write_output(args.output, text, force=args.force)
    return 0


def run_chip(args) -> int:
    from wizard.core.calculators import classify_chip

    return _emit(args, classify_chip(tops=args.tops, bits=args.bits, mac_tops=args.mac_tops,
                                     die_area=args.die_area))


def run_compute(args) -> int:
    from wizard.core.calculators import training_compute

    return _emit(args, training_compute(parameters=args.parameters, tokens=args.tokens,
                                        operations=args.operations))


def run_bulk(args) -> int:
    from wizard.core.calculators import bulk_data

    counts = {flag: getattr(args, flag) for flag in BULK_FLAGS if getattr(args, flag) is not None}
    counts = {k: int(v) if float(v).is_integer() else v for k, v in counts.items()}
    return _emit(args, bulk_data(counts))
