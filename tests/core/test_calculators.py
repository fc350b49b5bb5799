"""The three calculators (chip classification, training compute, bulk data) and their registry."""

from __future__ import annotations

import ast
import datetime as dt
import json
import math
import re
import string
from pathlib import Path

import pytest

from wizard.core.calculators import (
    BULK_CATEGORIES,
    CALCULATORS,
    bulk_data,
    classify_chip,
    training_compute,
)
from wizard.core.calculators import bulk as bulk_mod
from wizard.core.calculators import chip as chip_mod
from wizard.core.calculators import compute as compute_mod
from wizard.core.calculators import fmt_compare, fmt_number, fmt_sci
from wizard.core.content import load_content
from wizard.core.errors import CalculatorError, InputError, WizardError
from wizard.i18n import Note, translate

HANGUL = re.compile("[\uac00-\ud7a3]")
CALC_DIR = Path(chip_mod.__file__).resolve().parent
MODULE_FILES = sorted(CALC_DIR.glob("*.py"))


def msgids(result_notes):
    return [note.msgid for note in result_notes]


# --------------------------------------------------------------------------------------------
# chip classification
# --------------------------------------------------------------------------------------------

PUBLISHED = [
    # name, dense TOPS, bits, die mm2, published TPP, classification
    ("A100 FP16", 312, 16, 826, 4992, "3A090.a"),
    ("H100 SXM FP16", 989.4, 16, 814, 15830, "3A090.a"),
    ("H20 FP16", 148, 16, 814, 2368, "none"),
    ("RTX 4090 FP8", 660.6, 8, 609, 5285, "3A090.a"),
]


@pytest.mark.parametrize("name,tops,bits,die,tpp,expected", PUBLISHED, ids=[p[0] for p in PUBLISHED])
def test_published_chips(name, tops, bits, die, tpp, expected):
    result = classify_chip(tops=tops, bits=bits, die_area=die)
    assert result.tpp == pytest.approx(tpp, rel=0.01)
    assert result.classification == expected
    assert result.performance_density == pytest.approx(result.tpp / die)
    assert result.determined


def test_a100_exact_figures_and_working():
    result = classify_chip(tops=312, bits=16, die_area=826)
    assert result.tpp == 4992
    en = result.to_dict("en")
    assert "TPP = 2 x MacTOPS x bit length = 2 x 156 x 16 = 4,992" in en["working"]
    assert any("4,992 / 826 mm2 = 6.04" in line for line in en["working"])
    assert en["working"][-1] == "Result: ECCN 3A090.a"
    assert chip_mod.N_HQ_RULE in msgids(result.notes)
    assert chip_mod.N_NAC in msgids(result.notes)
    assert chip_mod.N_H20 not in msgids(result.notes)


def test_h20_notes_mention_is_informed_letter():
    result = classify_chip(tops=148, bits=16, die_area=814)
    assert result.tpp == 2368
    assert result.performance_density == pytest.approx(2.909, abs=1e-3)
    text = " ".join(result.to_dict("en")["notes"])
    assert "is-informed" in text and "2025-04-09" in text and "2025-04-14" in text
    assert "D:5" in text and "Macau" in text
    assert chip_mod.N_B_VERIFY in msgids(result.notes)   # TPP in the 3A090.b band
    assert chip_mod.N_NAC not in msgids(result.notes)
    assert chip_mod.N_HQ_RULE not in msgids(result.notes)


def test_mac_tops_gives_same_tpp_as_tops():
    a = classify_chip(tops=312, bits=16, die_area=826)
    b = classify_chip(mac_tops=156, bits=16, die_area=826)
    assert a.tpp == b.tpp and a.classification == b.classification
    assert a.performance_density == b.performance_density
    assert b.to_dict("en")["working"][0] == "TPP = 2 x MacTOPS x bit length = 2 x 156 x 16 = 4,992"


def test_full_precision_kept_in_fields():
    result = classify_chip(tops=660.6, bits=8, die_area=609)
    assert result.tpp == pytest.approx(5284.8)
    assert result.performance_density == pytest.approx(5284.8 / 609, rel=1e-12)
    assert "5,284.8" in result.to_dict("en")["working"][1]


# boundaries ---------------------------------------------------------------------------------

def test_exactly_4800_is_a_by_tpp_alone():
    for kwargs in (dict(tops=300, bits=16), dict(mac_tops=150, bits=16), dict(tops=4800, bits=1)):
        result = classify_chip(**kwargs)
        assert result.tpp == 4800
        assert result.classification == "3A090.a"
        assert result.determined
    # a low density does not change that
    assert classify_chip(tops=300, bits=16, die_area=100_000).classification == "3A090.a"


def test_4799_9_is_not_a_by_tpp_alone():
    result = classify_chip(tops=4799.9, bits=1)
    assert result.classification == "none"
    assert not result.determined
    assert CALCULATORS["chip_classification"].value({"tops": 4799.9, "bits": 1}) is None
    # with a die area the density decides
    assert classify_chip(tops=4799.9, bits=1, die_area=4799.9 / 6).classification == "3A090.a"
    assert classify_chip(tops=4799.9, bits=1, die_area=4799.9 / 2).classification == "3A090.b"
    assert classify_chip(tops=4799.9, bits=1, die_area=4799.9 / 1.5).classification == "none"


def test_working_never_prints_a_threshold_for_a_value_below_it():
    result = classify_chip(tops=4799.999, bits=1)
    working = " ".join(result.to_dict("en")["working"])
    assert "4,799.999" in working
    assert fmt_compare(5.91999, (5.92,)) == "5.91999"
    assert fmt_compare(5.92, (5.92,)) == "5.92"


@pytest.mark.parametrize("tops,bits,die,expected", [
    # PD exactly 5.92 with TPP >= 1600 -> .a; a hair below -> .b (TPP 2960 >= 2400, PD >= 1.6)
    (185, 16, 500, "3A090.a"),
    (185, 16, 500.01, "3A090.b"),
    # TPP 1600 exactly, PD 5.92 (float noise in 1600 / 5.92 forgiven)
    (1600, 1, 1600 / 5.92, "3A090.a"),
    # TPP just below 1600: never 3A090, whatever the density
    (1599.9, 1, 1, "none"),
    # first .b branch: TPP 2400 with PD exactly 1.6 -> .b; PD below 1.6 -> none
    (150, 16, 1500, "3A090.b"),
    (150, 16, 1500.1, "none"),
    # TPP below 2400: PD 1.6 is not enough, the second branch needs 3.2
    (2399, 1, 1499.375, "none"),
    # second .b branch: TPP 1600 with PD exactly 3.2 -> .b; a hair below -> none
    (100, 16, 500, "3A090.b"),
    (100, 16, 500.5, "none"),
    (2000, 1, 2000 / 4, "3A090.b"),
    # TPP 2400..4800 with PD between 1.6 and 3.2 -> .b by the first branch
    (3000, 1, 3000 / 2, "3A090.b"),
])
def test_density_boundaries(tops, bits, die, expected):
    assert classify_chip(tops=tops, bits=bits, die_area=die).classification == expected


def test_pd_exactly_on_thresholds():
    assert classify_chip(tops=185, bits=16, die_area=500).performance_density == 5.92
    assert classify_chip(tops=150, bits=16, die_area=1500).performance_density == 1.6
    assert classify_chip(tops=100, bits=16, die_area=500).performance_density == 3.2


# missing die area ---------------------------------------------------------------------------

def test_missing_die_area_in_band_is_undetermined():
    result = classify_chip(tops=200, bits=16)
    assert result.tpp == 3200
    assert result.performance_density is None
    assert result.classification == "none"
    assert not result.determined
    assert chip_mod.N_NO_DIE_UNDECIDED in msgids(result.notes)
    assert chip_mod.N_B_VERIFY in msgids(result.notes)
    assert chip_mod.W_PD_NONE in msgids(result.working)
    assert result.to_dict("en")["performance_density"] is None


def test_missing_die_area_high_tpp_is_a():
    result = classify_chip(tops=312, bits=16)
    assert result.classification == "3A090.a" and result.determined
    assert result.performance_density is None
    assert chip_mod.N_NO_DIE_A in msgids(result.notes)


def test_missing_die_area_low_tpp_is_none():
    result = classify_chip(tops=50, bits=16)       # TPP 800
    assert result.classification == "none" and result.determined
    assert chip_mod.N_NO_DIE_LOW in msgids(result.notes)
    assert chip_mod.N_H20 not in msgids(result.notes)   # below 1000
    assert chip_mod.N_B_VERIFY not in msgids(result.notes)


# conditional notes --------------------------------------------------------------------------

def test_h20_note_rule():
    assert chip_mod.N_H20 in msgids(classify_chip(tops=1000, bits=1).notes)
    assert chip_mod.N_H20 not in msgids(classify_chip(tops=999.9, bits=1).notes)
    assert chip_mod.N_H20 not in msgids(classify_chip(tops=185, bits=16, die_area=500.01).notes)


def test_b_verify_note_rule():
    b = classify_chip(tops=185, bits=16, die_area=500.01)
    assert b.classification == "3A090.b"
    assert chip_mod.N_B_VERIFY in msgids(b.notes)
    assert chip_mod.N_NAC in msgids(b.notes)
    assert chip_mod.N_HQ_RULE not in msgids(b.notes)
    assert chip_mod.N_B_VERIFY in msgids(classify_chip(tops=1440, bits=1).notes)       # near
    assert chip_mod.N_B_VERIFY not in msgids(classify_chip(tops=1439, bits=1).notes)
    assert chip_mod.N_B_VERIFY not in msgids(classify_chip(tops=4800, bits=1).notes)


def test_always_present_notes():
    for kwargs in (dict(tops=1, bits=8), dict(tops=312, bits=16, die_area=826)):
        ids = msgids(classify_chip(**kwargs).notes)
        assert chip_mod.N_METHOD in ids and chip_mod.N_SCREENING in ids


# bad inputs ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs,words", [
    (dict(tops=-312, bits=16), ["'tops'", "-312", "greater than 0"]),
    (dict(tops=0, bits=16), ["'tops'", "0", "greater than 0"]),
    (dict(tops=float("nan"), bits=16), ["'tops'", "NaN", "finite"]),
    (dict(tops=float("inf"), bits=16), ["'tops'", "infinity", "finite"]),
    (dict(tops="312", bits=16), ["'tops'", "'312'", "number"]),
    (dict(tops=None, mac_tops=[1], bits=16), ["'mac_tops'", "[1]", "number"]),
    (dict(tops=True, bits=16), ["'tops'", "True", "number"]),
    (dict(mac_tops=-1, bits=16), ["'mac_tops'", "-1"]),
    (dict(tops=312, bits=0), ["'bits'", "0", "1 to 128"]),
    (dict(tops=312, bits=129), ["'bits'", "129", "1 to 128"]),
    (dict(tops=312, bits=16.5), ["'bits'", "16.5"]),
    (dict(tops=312, bits=-8), ["'bits'", "-8"]),
    (dict(tops=312, bits="16"), ["'bits'", "'16'"]),
    (dict(tops=312, bits=float("nan")), ["'bits'", "NaN"]),
    (dict(tops=312, bits=True), ["'bits'", "True"]),
    (dict(tops=312, bits=16, die_area=0), ["'die_area'", "0", "greater than 0"]),
    (dict(tops=312, bits=16, die_area=-826), ["'die_area'", "-826"]),
    (dict(tops=312, bits=16, die_area=float("inf")), ["'die_area'", "infinity"]),
    (dict(tops=312, bits=16, die_area="big"), ["'die_area'", "'big'"]),
    (dict(tops=312, mac_tops=156, bits=16), ["'tops'", "'mac_tops'", "not both"]),
    (dict(bits=16), ["'tops'", "'mac_tops'"]),
    (dict(), ["'tops'"]),
    (dict(tops=312), ["'bits'", "missing"]),
])
def test_chip_bad_inputs(kwargs, words):
    with pytest.raises(CalculatorError) as info:
        classify_chip(**kwargs)
    message = str(info.value)
    for word in words:
        assert word in message, (word, message)
    assert isinstance(info.value, WizardError)
    assert isinstance(info.value.note, Note)


def test_integral_float_bits_accepted():
    assert classify_chip(tops=312, bits=16.0).tpp == 4992


# --------------------------------------------------------------------------------------------
# training compute
# --------------------------------------------------------------------------------------------

def test_6nd_estimate():
    result = training_compute(parameters=70, tokens=15_000)     # 70B x 15T tokens
    assert result.operations == pytest.approx(6.3e24, rel=1e-12)
    assert result.method == "estimate_6nd"
    working = result.to_dict("en")["working"]
    assert any("6.3 x 10^24" in line for line in working)
    # 10^24 binds only a model trained mainly on biological sequence data: not said here
    assert result.exceeded == ["oisp_notifiable"]
    bio = {c.id: c for c in result.thresholds}["oisp_prohibited_bio"]
    assert bio.above and bio.applies is None and not bio.exceeded


@pytest.mark.parametrize("biological,exceeded,applies", [
    (None, ["oisp_notifiable"], None),
    (False, ["oisp_notifiable"], False),
    (True, ["oisp_notifiable", "oisp_prohibited_bio"], True),
])
def test_the_biological_sequence_threshold_applies_only_when_said(biological, exceeded, applies):
    result = training_compute(operations=2e24, biological=biological)
    assert result.exceeded == exceeded
    check = result.to_dict("en")["thresholds"][1]
    assert check["id"] == "oisp_prohibited_bio" and check["applies"] is applies
    assert check["above"] is True and "biological sequence data" in check["condition"]
    assert all(c["applies"] is True and c["condition"] is None
               for c in result.to_dict("en")["thresholds"] if c["id"] != "oisp_prohibited_bio")


def test_thresholds_are_the_fact_sheet_ones_and_their_rules_are_in_the_registry():
    result = training_compute(operations=1e22)
    table = [(c.id, c.value, c.rule) for c in result.thresholds]
    assert table == [
        ("oisp_notifiable", 1e23, "oisp_notifiable"),
        ("oisp_prohibited_bio", 1e24, "oisp_prohibited_ai"),
        ("oisp_prohibited", 1e25, "oisp_prohibited_ai"),
        ("eccn_4e091", 1e26, "eccn_4e091"),
        ("kr_ai_basic_act", 1e26, "kr_ai_safety"),
    ]
    assert not any(c.exceeded for c in result.thresholds)
    content = load_content()
    assert all(c.rule in content.rules for c in result.thresholds)
    labels = {c.id: c.label.render("en") for c in result.thresholds}
    assert "art. 33" in labels["kr_ai_basic_act"]      # not the high-impact test
    assert not any("Status" in label for label in labels.values())   # no status by hand
    assert "850" in result.thresholds[0].citation and "4E091" in result.thresholds[3].citation


def test_the_korean_threshold_counts_10_26_itself_the_us_ones_only_what_is_more():
    result = training_compute(operations=1e26)
    assert "kr_ai_basic_act" in result.exceeded and "eccn_4e091" not in result.exceeded


@pytest.mark.parametrize("day,status", [("2025-03-01", "in_force"),
                                         ("2026-12-04", "not_enforced")])
def test_a_threshold_says_its_rules_status_on_the_evaluation_day(day, status):
    """4E091 was in force until BIS stopped enforcing it on 2025-05-13: the same figure reads
    differently on either side of that day, in the words of every report."""
    from wizard.core.engine import Rules, calculator_details

    content = load_content()
    rules = Rules(content, dt.date.fromisoformat(day))
    data = calculator_details(training_compute(operations=2e26), "en", rules)
    check = {c["id"]: c for c in data["thresholds"]}["eccn_4e091"]
    assert check["status"] == status
    assert rules.ref("eccn_4e091").label["en"] in check["label"]
    assert "Status on" in check["label"]
    ko = calculator_details(training_compute(operations=2e26), "ko", rules)
    assert rules.ref("eccn_4e091").label["ko"] in {c["id"]: c for c in ko["thresholds"]}[
        "eccn_4e091"]["label"]


@pytest.mark.parametrize("ops,exceeded", [
    (1e23, []),
    (1.0000001e23, ["oisp_notifiable"]),
    (1e24, ["oisp_notifiable"]),
    (2e24, ["oisp_notifiable", "oisp_prohibited_bio"]),
    (1e25, ["oisp_notifiable", "oisp_prohibited_bio"]),
    (1.5e25, ["oisp_notifiable", "oisp_prohibited_bio", "oisp_prohibited"]),
    (1e26, ["oisp_notifiable", "oisp_prohibited_bio", "oisp_prohibited", "kr_ai_basic_act"]),
    (3e26, ["oisp_notifiable", "oisp_prohibited_bio", "oisp_prohibited", "eccn_4e091",
            "kr_ai_basic_act"]),
])
def test_us_threshold_flags_are_strictly_greater_the_korean_one_inclusive(ops, exceeded):
    result = training_compute(operations=ops, biological=True)
    assert result.method == "entered"
    assert result.operations == ops
    assert result.exceeded == exceeded


def test_entered_operations_override_estimate():
    result = training_compute(parameters=70, tokens=15_000, operations=2e25)
    assert result.operations == 2e25 and result.method == "entered"
    assert compute_mod.W_ENTERED_VS_ESTIMATE in msgids(result.working)


def test_near_threshold_value_is_not_printed_as_the_threshold():
    working = " ".join(training_compute(operations=1.0000001e25).to_dict("en")["working"])
    assert "1.0000001 x 10^25 is more than 10^25" in working
    assert fmt_sci(6.3e24) == "6.3 x 10^24" and fmt_sci(1e25) == "10^25"


def test_unit_hint_for_raw_parameter_count():
    result = training_compute(parameters=7e10, tokens=15_000)
    assert compute_mod.N_PARAMETERS_UNIT in msgids(result.notes)
    assert compute_mod.N_PARAMETERS_UNIT not in msgids(training_compute(parameters=70,
                                                                        tokens=15_000).notes)


@pytest.mark.parametrize("kwargs,words", [
    (dict(), ["'parameters'", "'tokens'", "'operations'"]),
    (dict(parameters=70), ["'tokens'", "missing"]),
    (dict(tokens=15_000), ["'parameters'", "missing"]),
    (dict(parameters=-70, tokens=15_000), ["'parameters'", "-70"]),
    (dict(parameters=70, tokens=0), ["'tokens'", "0"]),
    (dict(parameters="70", tokens=15_000), ["'parameters'", "'70'"]),
    (dict(parameters=float("nan"), tokens=15_000), ["'parameters'", "NaN"]),
    (dict(operations=float("inf")), ["'operations'", "infinity"]),
    (dict(operations=-1e24), ["'operations'", "-1e+24"]),
    (dict(operations=0), ["'operations'", "0"]),
    (dict(operations=True), ["'operations'", "True"]),
    (dict(operations=1e24, parameters=-1, tokens=1), ["'parameters'", "-1"]),
])
def test_compute_bad_inputs(kwargs, words):
    with pytest.raises(CalculatorError) as info:
        training_compute(**kwargs)
    for word in words:
        assert word in str(info.value), (word, str(info.value))


def test_compute_to_dict_is_json():
    data = training_compute(parameters=70, tokens=15_000).to_dict("en")
    json.dumps(data)
    assert set(data) == {"operations", "method", "working", "thresholds", "notes"}
    assert set(data["thresholds"][0]) == {"id", "value", "exceeded", "above", "applies",
                                          "condition", "citation", "rule", "status", "status_date",
                                          "label"}


# --------------------------------------------------------------------------------------------
# bulk data
# --------------------------------------------------------------------------------------------

THRESHOLDS_202_205 = {
    "human_genomic": (100, "persons"),
    "other_omic": (1_000, "persons"),
    "biometric": (1_000, "persons"),
    "precise_geolocation": (1_000, "devices"),
    "personal_health": (10_000, "persons"),
    "personal_financial": (10_000, "persons"),
    "covered_identifiers": (100_000, "persons"),
}


def test_bulk_thresholds_match_28_cfr_202_205():
    assert BULK_CATEGORIES == THRESHOLDS_202_205
    assert list(BULK_CATEGORIES) == list(THRESHOLDS_202_205)


@pytest.mark.parametrize("category", list(THRESHOLDS_202_205))
def test_bulk_exactly_at_and_one_over(category):
    threshold, unit = THRESHOLDS_202_205[category]
    at = bulk_data({category: threshold})
    assert at.over == []
    assert at.categories[0].over is False
    assert (at.categories[0].threshold, at.categories[0].unit) == (threshold, unit)
    over = bulk_data({category: threshold + 1})
    assert over.over == [category]
    assert over.categories[0].over is True


def test_bulk_fixed_order_and_missing_not_checked():
    counts = {"covered_identifiers": 200_000, "human_genomic": 101, "biometric": 5}
    result = bulk_data(counts)
    assert [c.category for c in result.categories] == ["human_genomic", "biometric",
                                                       "covered_identifiers"]
    assert result.over == ["human_genomic", "covered_identifiers"]
    assert bulk_data({"biometric": None, "other_omic": 1001}).over == ["other_omic"]
    empty = bulk_data({})
    assert empty.categories == [] and empty.over == []


def test_bulk_notes():
    result = bulk_data({"personal_health": 10})
    ids = msgids(result.notes)
    assert bulk_mod.N_DEIDENTIFIED in ids and bulk_mod.N_OMIC in ids and bulk_mod.N_MORE_THAN in ids
    text = " ".join(result.to_dict("en")["notes"])
    assert "202.206" in text and "202.303" in text
    assert bulk_mod.N_OVER in msgids(bulk_data({"human_genomic": 101}).notes)


def test_bulk_accepts_integral_floats():
    assert bulk_data({"biometric": 1001.0}).over == ["biometric"]
    assert bulk_data({"biometric": 0}).over == []


@pytest.mark.parametrize("counts,words", [
    ({"genomic": 5}, ["'genomic'", "human_genomic"]),
    ({"human_genomic": -1}, ["'human_genomic'", "-1"]),
    ({"biometric": 10.5}, ["'biometric'", "10.5"]),
    ({"biometric": "1200"}, ["'biometric'", "'1200'"]),
    ({"biometric": True}, ["'biometric'", "True"]),
    ({"precise_geolocation": float("nan")}, ["'precise_geolocation'", "NaN", "devices"]),
    ({"personal_health": float("inf")}, ["'personal_health'", "infinity"]),
    ([("biometric", 5)], ["category"]),
])
def test_bulk_bad_inputs(counts, words):
    with pytest.raises(CalculatorError) as info:
        bulk_data(counts)
    for word in words:
        assert word in str(info.value), (word, str(info.value))


def test_bulk_to_dict_is_json():
    data = bulk_data({"human_genomic": 101}).to_dict("ko")
    json.dumps(data, ensure_ascii=False)
    assert set(data) == {"categories", "over", "notes"}
    assert {"category", "count", "threshold", "unit", "over"} <= set(data["categories"][0])


# --------------------------------------------------------------------------------------------
# registry
# --------------------------------------------------------------------------------------------

def test_registry_names_and_slots():
    assert set(CALCULATORS) == {"chip_classification", "training_compute", "bulk_data"}
    assert CALCULATORS["chip_classification"].slots == ("tops", "bits", "mac_tops", "die_area")
    assert CALCULATORS["training_compute"].slots == ("parameters", "tokens", "operations")
    assert CALCULATORS["bulk_data"].slots == tuple(THRESHOLDS_202_205)
    assert CALCULATORS["chip_classification"].values == ("3A090.a", "3A090.b", "none")
    assert CALCULATORS["bulk_data"].values == tuple(THRESHOLDS_202_205)
    assert CALCULATORS["training_compute"].values == ()


@pytest.mark.parametrize("name,inputs", [
    ("chip_classification", {}),
    ("chip_classification", {"tops": None, "bits": None, "die_area": None}),
    ("chip_classification", {"tops": 312}),
    ("chip_classification", {"bits": 16, "die_area": 826}),
    ("chip_classification", {"tops": 200, "bits": 16}),            # TPP 3200: needs die area
    ("training_compute", {}),
    ("training_compute", {"parameters": 70}),
    ("training_compute", {"tokens": 15_000, "operations": None}),
    ("bulk_data", {}),
    ("bulk_data", {"human_genomic": None}),
])
def test_registry_value_none_when_unanswered(name, inputs):
    assert CALCULATORS[name].value(inputs) is None


def test_registry_values():
    chip = CALCULATORS["chip_classification"]
    assert chip.value({"tops": 312, "bits": 16, "die_area": 826}) == "3A090.a"
    assert chip.value({"tops": 312, "bits": 16}) == "3A090.a"
    assert chip.value({"tops": 148, "bits": 16, "die_area": 814}) == "none"
    assert chip.value({"tops": 50, "bits": 16}) == "none"
    assert chip.value({"tops": 185, "bits": 16, "die_area": 500.01}) == "3A090.b"
    assert chip.value({"mac_tops": 156, "bits": 16, "tops": None}) == "3A090.a"
    compute = CALCULATORS["training_compute"]
    assert compute.value({"parameters": 70, "tokens": 15_000}) == pytest.approx(6.3e24)
    assert compute.value({"operations": 2e25, "parameters": None}) == 2e25
    bulk = CALCULATORS["bulk_data"]
    assert bulk.value({"human_genomic": 101, "biometric": 1000}) == ["human_genomic"]
    assert bulk.value({"biometric": 1000}) == []


def test_registry_run_returns_results_and_raises_on_bad_values():
    assert CALCULATORS["chip_classification"].run({"tops": 312, "bits": 16}).tpp == 4992
    assert CALCULATORS["training_compute"].run({"operations": 1e24}).method == "entered"
    assert CALCULATORS["bulk_data"].run({"biometric": 1001}).over == ["biometric"]
    with pytest.raises(CalculatorError):
        CALCULATORS["chip_classification"].run({"tops": 312})
    with pytest.raises(CalculatorError):
        CALCULATORS["chip_classification"].value({"tops": -1, "bits": 16})
    with pytest.raises(CalculatorError):
        CALCULATORS["chip_classification"].value({"die_area": 0})      # bad even while partial
    with pytest.raises(CalculatorError):
        CALCULATORS["chip_classification"].value({"bits": 300})
    with pytest.raises(CalculatorError):
        CALCULATORS["training_compute"].value({"parameters": -1})
    with pytest.raises(CalculatorError):
        CALCULATORS["bulk_data"].value({"biometric": -1})


def test_registry_unknown_slot():
    with pytest.raises(CalculatorError) as info:
        CALCULATORS["chip_classification"].value({"tflops": 312, "bits": 16})
    assert "'tflops'" in str(info.value) and "die_area" in str(info.value)


# --------------------------------------------------------------------------------------------
# output contract and translations
# --------------------------------------------------------------------------------------------

def test_chip_to_dict_contract():
    data = classify_chip(tops=312, bits=16, die_area=826).to_dict("en")
    assert set(data) == {"tpp", "performance_density", "classification", "notes", "working"}
    assert isinstance(data["tpp"], float) and isinstance(data["performance_density"], float)
    assert all(isinstance(x, str) for x in data["notes"] + data["working"])
    json.dumps(data)


def test_to_dict_refuses_unknown_language():
    with pytest.raises(InputError):
        classify_chip(tops=312, bits=16).to_dict("fr")


def test_korean_notes_render_in_hangul():
    for result in (classify_chip(tops=148, bits=16, die_area=814),
                   classify_chip(tops=200, bits=16),
                   training_compute(parameters=70, tokens=15_000),
                   bulk_data({"human_genomic": 101, "biometric": 5})):
        data = result.to_dict("ko")
        lines = list(data["notes"]) + list(data.get("working", []))
        lines += [t["label"] for t in data.get("thresholds", [])]
        for line in data["notes"]:
            assert HANGUL.search(line), line
        assert lines
    ko = classify_chip(tops=312, bits=16, die_area=826).to_dict("ko")
    assert any("4,992" in line for line in ko["working"])
    assert HANGUL.search(ko["working"][-1])


def test_error_note_renders_in_korean():
    with pytest.raises(CalculatorError) as info:
        classify_chip(tops=-1, bits=16)
    assert HANGUL.search(info.value.note.render("ko"))
    assert "-1" in info.value.note.render("ko")


def _module_msgids() -> set[str]:
    found = set()
    for path in MODULE_FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "N_"):
                arg = node.args[0]
                assert isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                found.add(arg.value)
    return found


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_msgid_has_a_korean_translation_with_same_placeholders():
    ids = _module_msgids()
    assert len(ids) > 50
    for msgid in sorted(ids):
        ko = translate(msgid, "ko")
        assert ko != msgid, f"no Korean translation for: {msgid}"
        assert HANGUL.search(ko), msgid
        assert _placeholders(ko) == _placeholders(msgid), msgid


def test_no_hangul_in_calculator_sources():
    for path in MODULE_FILES + [Path(__file__)]:
        assert not HANGUL.search(path.read_text(encoding="utf-8")), path


def test_formatting_helpers():
    assert fmt_number(4992.0) == "4,992"
    assert fmt_number(15830.4) == "15,830.4"
    assert fmt_number(0.00123) == "0.00123"
    assert math.isclose(float(fmt_number(2.909090909).replace(",", "")), 2.91)
