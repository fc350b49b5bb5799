"""ECCN 3A090 screening from a chip's datasheet figures.

TPP (total processing performance) = 2 x MacTOPS x bit length of the operation. A datasheet's
dense peak TOPS/TFLOPS at a bit length is 2 x MacTOPS, so TPP = TOPS x bits. PD (performance
density) = TPP / applicable die area in mm2. Thresholds (fact sheet, 15 CFR 774 Supp. 1;
88 FR 73458, in force):

* 3A090.a: TPP >= 4800, or TPP >= 1600 and PD >= 5.92;
* 3A090.b: TPP >= 2400 and < 4800 with PD >= 1.6 and < 5.92, or TPP >= 1600 with PD >= 3.2 and
  < 5.92 (secondary source: the notes say to verify against the CCL text).

The working a user reads writes the comparisons with "≥" (the bundled Korean font draws ">" as
a tall angle bracket, so ">=" read like ")=") and "under" for "<".

Without a die area only the TPP test can be decided: TPP >= 4800 is 3A090.a and TPP < 1600 is
outside 3A090 either way; in between the classification is ``"none"`` by TPP alone and the result
is marked ``determined=False`` (the registry's ``value()`` then returns ``None``).

Rules for the conditional notes (documented here because the fact sheet does not fix them):

* the 3A090.b "verify against the CCL" note appears when the result is 3A090.b or the TPP lies in
  [1440, 4800), i.e. wherever the 3A090.b figures decide the outcome or are within 10% of doing so;
* the H20 "is-informed" letter note appears when the result is ``"none"`` and TPP >= 1000: the
  letter reaches chips below 3A090 by TPP and density (H20: 2,368) and chips matching the H20's
  memory or interconnect bandwidth, so it is worth checking well below the H20's own TPP; below
  1000 (e.g. ordinary consumer parts) the note would be noise;
* License Exception NAC and ECCN 4A090 are mentioned for any 3A090 result, the worldwide
  headquarters rule (15 CFR 742.6(a)(6)(iii)(A) / 744.23(a)(3)) for 3A090.a.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wizard.core.calculators import (
    at_least,
    fail,
    fmt_compare,
    fmt_number,
    input_name,
    positive_number,
    render_notes,
    show,
)
from wizard.i18n import N_, Note

A_TPP = 4800.0          # 3A090.a by TPP alone
MIN_TPP = 1600.0        # every density test needs at least this TPP
B_TPP = 2400.0          # 3A090.b first branch, lower TPP bound
A_PD = 5.92             # 3A090.a density; also the upper bound of 3A090.b
B_PD_LOW = 1.6          # 3A090.b first branch (TPP 2400..4800)
B_PD_HIGH = 3.2         # 3A090.b second branch (TPP >= 1600)
B_NEAR_TPP = 1440.0     # 10% below MIN_TPP: from here on the 3A090.b figures matter
H20_NOTE_TPP = 1000.0   # 'none' results from this TPP on get the H20 is-informed letter note
MIN_BITS, MAX_BITS = 1, 128

TPP_MARKS = (MIN_TPP, B_TPP, A_TPP)
PD_MARKS = (B_PD_LOW, B_PD_HIGH, A_PD)

# errors ------------------------------------------------------------------------------------
E_BITS = N_("{bits} must be a whole number of bits from 1 to 128 (typically 4, 8, 16, 32 or 64); "
            "got {value}. Enter the bit length of the operation the TOPS figure is for, e.g. 16 "
            "for FP16 or 8 for FP8/INT8.")
E_BITS_MISSING = N_("{bits} is missing. Enter the bit length of the operation the TOPS figure is "
                    "for, e.g. 16 for FP16 or 8 for FP8/INT8.")
E_BOTH = N_("Enter either {tops} (dense peak TOPS/TFLOPS) or {mac_tops} (MacTOPS), not both: got "
            "{tops} {tops_value} and {mac_tops} {mac_tops_value}. Dense peak TOPS = 2 x MacTOPS, "
            "so one of them is enough.")
E_NEITHER = N_("No performance figure entered. Enter the chip's dense peak TOPS/TFLOPS as {tops} "
               "(or its MacTOPS as {mac_tops}) together with the bit length in {bits}.")
NAMES = {slot: input_name(slot) for slot in ("tops", "mac_tops", "bits", "die_area")}

# working -----------------------------------------------------------------------------------
W_MAC_FROM_TOPS = N_("MacTOPS = dense peak TOPS / 2 = {tops} / 2 = {mac_tops}")
W_TPP = N_("TPP = 2 x MacTOPS x bit length = 2 x {mac_tops} x {bits} = {tpp}")
W_PD = N_("PD = TPP / die area = {tpp} / {die_area} mm2 = {pd}")
W_PD_NONE = N_("PD: not computed (no die area entered)")
W_A_TPP = N_("TPP {tpp} \u2265 4,800: 3A090.a by TPP alone")
W_A_PD = N_("TPP {tpp} \u2265 1,600 and PD {pd} \u2265 5.92: 3A090.a by performance density")
W_B_FIRST = N_("TPP {tpp} is at least 2,400 and under 4,800, and PD {pd} is at least 1.6 and under "
               "5.92: 3A090.b")
W_B_SECOND = N_("TPP {tpp} is at least 1,600, and PD {pd} is at least 3.2 and under 5.92: 3A090.b")
W_NONE_LOW = N_("TPP {tpp} is under 1,600: below every 3A090 test")
W_NONE_PD = N_("TPP {tpp} is at least 1,600 and under 4,800, but PD {pd} is under {floor}, the "
               "lowest 3A090.b density for this TPP: not 3A090")
W_UNDECIDED = N_("TPP {tpp} is at least 1,600 and under 4,800: the density tests need the die "
                 "area, so only the TPP test was run (not 3A090.a by TPP alone)")
R_A = N_("Result: ECCN 3A090.a")
R_B = N_("Result: ECCN 3A090.b")
R_NONE = N_("Result: not in ECCN 3A090 (none)")
R_UNDECIDED = N_("Result by TPP alone: not 3A090.a; 3A090.a, 3A090.b or none cannot be decided "
                 "until the die area is entered")

# notes -------------------------------------------------------------------------------------
N_NO_DIE_A = N_("No die area entered, so performance density was not computed. It is not needed "
                "here: the TPP test alone places the chip in 3A090.a.")
N_NO_DIE_LOW = N_("No die area entered, so performance density was not computed. It is not needed "
                  "here: every 3A090 test requires a TPP of at least 1,600.")
N_NO_DIE_UNDECIDED = N_("No die area entered: only the TPP test could be decided. With a TPP of "
                        "{tpp}, the chip is 3A090.a if its performance density is 5.92 or more, "
                        "3A090.b if it is at least {floor} and under 5.92, and outside 3A090 "
                        "otherwise. Enter the applicable die area in mm2 to decide; the "
                        "classification shown ('none') reflects the TPP test alone.")
N_B_VERIFY = N_("The 3A090.b thresholds used here (TPP 2,400 to under 4,800 with PD 1.6 to under "
                "5.92, or TPP 1,600 or more with PD 3.2 to under 5.92) come from a secondary "
                "source: verify them against the CCL text (15 CFR 774 Supp. 1) before relying on "
                "this result.")
N_HQ_RULE = N_("3A090.a items need a licence to Country Groups D:1, D:4 and D:5 (except countries "
               "also in A:5 or A:6), and worldwide to any entity headquartered in Macau or a D:5 "
               "country, or whose ultimate parent is, wherever the entity is located: a "
               "Chinese-owned company in Korea is included. Cite 15 CFR 742.6(a)(6)(iii)(A) "
               "(formerly 744.23(a)(3)); BIS confirmed in May 2025 that this rule still applies. "
               "Status: in force.")
N_NAC = N_("Consumer (non-datacenter) chips in 3A090 may be able to use License Exception NAC "
           "(notified advanced computing, 15 CFR 740.8): notify BIS with the TPP, performance "
           "density and datasheet; BIS may still require a licence; one consignee and end user, "
           "at most six items. Status: in force.")
N_4A090 = N_("Computers containing 3A090 chips fall under ECCN 4A090.")
N_H20 = N_("H20-class chips (the H20 has a TPP of 2,368) fall outside 3A090 by TPP and density, "
           "yet BIS told the maker by an \"is-informed\" letter of 2025-04-09, made indefinite on "
           "2025-04-14, that they need a licence for China (including Hong Kong and Macau) and "
           "Country Group D:5; chips matching the H20's memory or interconnect bandwidth are "
           "covered too. With a TPP of {tpp}, check whether this chip is of that class or "
           "matches those bandwidths. Some licences have been issued since August 2025. Status: "
           "in force.")
N_METHOD = N_("TPP counts all processing units of the chip. Where the chip supports several bit "
              "lengths, the highest TPP counts: enter the dense (not sparse) peak figure of the "
              "format that gives the highest TPP (3A090 technical note).")
N_SCREENING = N_("This is a screening calculation from the figures entered (ECCN 3A090, 15 CFR 774 "
                 "Supp. 1; 88 FR 73458; status: in force). The classification of record rests on "
                 "the CCL text and the manufacturer's ECCN: confirm before relying on it.")


@dataclass(frozen=True)
class ChipResult:
    """Outcome of :func:`classify_chip`. Fields keep full precision; ``working`` shows rounded
    figures. ``determined`` is False when the die area is missing and TPP is between 1,600 and
    4,800, where the classification depends on performance density."""

    tpp: float
    performance_density: float | None
    classification: str                 # '3A090.a' | '3A090.b' | 'none'
    notes: list[Note] = field(default_factory=list)
    working: list[Note] = field(default_factory=list)
    determined: bool = True

    def to_dict(self, lang: str) -> dict[str, Any]:
        """The ``classify-chip --format json`` contract: exactly these five keys."""
        return {
            "tpp": self.tpp,
            "performance_density": self.performance_density,
            "classification": self.classification,
            "notes": render_notes(self.notes, lang),
            "working": render_notes(self.working, lang),
        }


def _bits(value: Any) -> int:
    if isinstance(value, bool):
        fail(E_BITS, bits=NAMES["bits"], value=show(value))
    if isinstance(value, int):
        bits = value
    elif isinstance(value, float) and value.is_integer():
        bits = int(value)
    else:
        fail(E_BITS, bits=NAMES["bits"], value=show(value))
    if not MIN_BITS <= bits <= MAX_BITS:
        fail(E_BITS, bits=NAMES["bits"], value=show(value))
    return bits


def classify_chip(*, tops: Any = None, bits: Any = None, mac_tops: Any = None,
                  die_area: Any = None) -> ChipResult:
    """Classify a chip against ECCN 3A090 from dense peak ``tops`` (TOPS/TFLOPS) at ``bits`` bit
    length, or ``mac_tops`` at ``bits``; ``die_area`` in mm2 is optional.

    Raises :class:`~wizard.core.errors.CalculatorError` for missing or bad inputs."""
    if tops is not None and mac_tops is not None:
        fail(E_BOTH, tops=NAMES["tops"], mac_tops=NAMES["mac_tops"], tops_value=show(tops),
             mac_tops_value=show(mac_tops))
    if tops is None and mac_tops is None:
        fail(E_NEITHER, **{k: NAMES[k] for k in ("tops", "mac_tops", "bits")})
    if bits is None:
        fail(E_BITS_MISSING, bits=NAMES["bits"])

    working: list[Note] = []
    if tops is not None:
        tops_f = positive_number("tops", tops, example="312")
        mac = tops_f / 2
    else:
        mac = positive_number("mac_tops", mac_tops, example="156")
    n_bits = _bits(bits)
    area = positive_number("die_area", die_area, example="826") if die_area is not None else None

    tpp = 2 * mac * n_bits
    pd = tpp / area if area is not None else None

    tpp_text = fmt_compare(tpp, TPP_MARKS)
    pd_text = fmt_compare(pd, PD_MARKS) if pd is not None else ""
    if tops is not None:
        working.append(Note(W_MAC_FROM_TOPS, {"tops": fmt_number(tops_f), "mac_tops": fmt_number(mac)}))
    working.append(Note(W_TPP, {"mac_tops": fmt_number(mac), "bits": str(n_bits), "tpp": tpp_text}))
    if area is not None:
        working.append(Note(W_PD, {"tpp": tpp_text, "die_area": fmt_number(area), "pd": pd_text}))
    else:
        working.append(Note(W_PD_NONE))

    floor = B_PD_LOW if at_least(tpp, B_TPP) else B_PD_HIGH
    determined = True
    if at_least(tpp, A_TPP):
        classification = "3A090.a"
        working.append(Note(W_A_TPP, {"tpp": tpp_text}))
    elif not at_least(tpp, MIN_TPP):
        classification = "none"
        working.append(Note(W_NONE_LOW, {"tpp": tpp_text}))
    elif pd is None:
        classification = "none"
        determined = False
        working.append(Note(W_UNDECIDED, {"tpp": tpp_text}))
    elif at_least(pd, A_PD):
        classification = "3A090.a"
        working.append(Note(W_A_PD, {"tpp": tpp_text, "pd": pd_text}))
    elif at_least(tpp, B_TPP) and at_least(pd, B_PD_LOW):
        classification = "3A090.b"
        working.append(Note(W_B_FIRST, {"tpp": tpp_text, "pd": pd_text}))
    elif at_least(pd, B_PD_HIGH):
        classification = "3A090.b"
        working.append(Note(W_B_SECOND, {"tpp": tpp_text, "pd": pd_text}))
    else:
        classification = "none"
        working.append(Note(W_NONE_PD, {"tpp": tpp_text, "pd": pd_text,
                                        "floor": fmt_number(floor)}))

    if not determined:
        working.append(Note(R_UNDECIDED))
    else:
        working.append(Note({"3A090.a": R_A, "3A090.b": R_B, "none": R_NONE}[classification]))

    notes: list[Note] = []
    if area is None:
        if classification == "3A090.a":
            notes.append(Note(N_NO_DIE_A))
        elif determined:
            notes.append(Note(N_NO_DIE_LOW))
        else:
            notes.append(Note(N_NO_DIE_UNDECIDED, {"tpp": tpp_text, "floor": fmt_number(floor)}))
    if classification == "3A090.b" or (at_least(tpp, B_NEAR_TPP) and not at_least(tpp, A_TPP)):
        notes.append(Note(N_B_VERIFY))
    if classification == "3A090.a":
        notes.append(Note(N_HQ_RULE))
    if classification in ("3A090.a", "3A090.b"):
        notes.append(Note(N_NAC))
        notes.append(Note(N_4A090))
    if classification == "none" and at_least(tpp, H20_NOTE_TPP):
        notes.append(Note(N_H20, {"tpp": tpp_text}))
    notes.append(Note(N_METHOD))
    notes.append(Note(N_SCREENING))

    return ChipResult(tpp=tpp, performance_density=pd, classification=classification,
                      notes=notes, working=working, determined=determined)
