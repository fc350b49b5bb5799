"""The command line as a first-time user meets it, in Korean (a Korean locale) and English:
``--help`` and argparse's own errors in the system language, messages that name the option as
typed, the bulk-data categories with their thresholds, a missing folder said once, a warning
when two different companies are compared, the biological-sequence threshold only when the
user says so, and calculator working written with "≥"."""

from __future__ import annotations

import json
import re

import pytest

from tests.cli.test_cli import GOOD, _assessment, _no_traceback, run
from tests.conftest import EXAMPLES, MINI
from tests.i18n.catalogs import HANGUL
from wizard.core.calculators import BULK_CATEGORIES
from wizard.core.calculators.bulk import LABELS
from wizard.i18n import translate

pytestmark = pytest.mark.slow  # runs the command line in subprocesses, in both languages

LOCALES = {"ko": "ko_KR.UTF-8", "en": "C.UTF-8"}
COMMANDS = [[], ["report"], ["blank"], ["compare"], ["validate"], ["open"], ["classify-chip"],
            ["training-compute"], ["bulk-data"]]


def say(lang: str, msgid: str, **params) -> str:
    return translate(msgid, lang, **params)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0] if c else "main")
def test_help_is_in_the_system_language(command, lang):
    result = run(*command, "--help", lang=LOCALES[lang])
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith(say(lang, "usage: "))
    assert say(lang, "show this help message and exit") in text
    # every option is explained in the user's language, not only argparse's own words
    explained = [line for line in text.splitlines() if re.match(r"\s+-", line)]
    assert explained
    if lang == "ko":
        assert HANGUL.search(text)
        assert "show this help message" not in text and "options:" not in text
    else:
        assert not HANGUL.search(text), [line for line in text.splitlines()
                                         if HANGUL.search(line)]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_argparse_errors_are_in_the_system_language(lang):
    result = run("report", lang=LOCALES[lang])
    assert result.returncode == 2
    required = say(lang, "the following arguments are required: %s") % "ASSESSMENT"
    assert required in result.stderr
    assert result.stderr.startswith(say(lang, "usage: "))
    result = run("report", "x.json", "--format", "odt", lang=LOCALES[lang])
    assert result.returncode == 2 and "'odt'" in result.stderr
    invalid = say(lang, "invalid choice: %(value)r (choose from %(choices)s)").split("%")[0]
    assert invalid.strip() in result.stderr
    _no_traceback(result)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("args,option", [
    (("classify-chip", "--tops", 312, "--bits", 16, "--die-area", 0), "--die-area"),
    (("classify-chip", "--tops", -5, "--bits", 16), "--tops"),
    (("classify-chip", "--tops", 312, "--bits", 0), "--bits"),
    (("classify-chip", "--tops", 312), "--bits"),
    (("classify-chip", "--tops", 312, "--mac-tops", 156, "--bits", 16), "--mac-tops"),
    (("training-compute", "--parameters", 70), "--tokens"),
    (("training-compute", "--parameters", -70, "--tokens", 15000), "--parameters"),
    (("bulk-data", "--human-genomic", 1.5), "--human-genomic"),
])
def test_messages_name_the_option_as_typed(args, option, lang):
    result = run(*args, lang=LOCALES[lang])
    assert result.returncode == 2, result.stdout
    assert option in result.stderr, result.stderr
    slot = option[2:].replace("-", "_")
    assert f"'{slot}'" not in result.stderr                     # not the program's own name
    assert bool(HANGUL.search(result.stderr)) == (lang == "ko")
    _no_traceback(result)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_bulk_data_help_gives_each_category_its_threshold(lang):
    result = run("bulk-data", "--help", lang=LOCALES[lang])
    assert result.returncode == 0
    text = re.sub(r"\s+", " ", result.stdout)
    for category, (threshold, _unit) in BULK_CATEGORIES.items():
        option = "--" + category.replace("_", "-")
        after = text.split(f"{option} N ", 2)[-1]
        assert after.startswith(say(lang, LABELS[category])), (option, after[:80])
        assert f"{threshold:,}" in after.split(" --")[0], (option, after[:120])


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_validate_of_a_missing_folder_says_so_once(lang, tmp_path):
    missing = tmp_path / "no-such-folder"
    result = run("validate", missing, lang=LOCALES[lang])
    assert result.returncode == 2
    assert result.stderr.count(str(missing)) == 1, result.stderr
    assert ":0:" not in result.stderr
    assert say(lang, "{folder}: no such folder. Give the folder that holds the questionnaire "
                     "packs (*.yaml), or no folder for the built-in ones.",
               folder=str(missing)) in result.stderr
    _no_traceback(result)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_problems_are_counted_with_the_right_plural(lang, tmp_path):
    broken = tmp_path / "packs"
    broken.mkdir()
    for src in MINI.glob("*.yaml"):
        (broken / src.name).write_text(src.read_text(encoding="utf-8").replace(
            "actions: [watch_bill]", "actions: [gone]"), encoding="utf-8")
    result = run("validate", broken, lang=LOCALES[lang])
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last == say(lang, ("{count} problem in {folder}", "{count} problems in {folder}"),
                       count=2, folder=str(broken))
    assert "(s)" not in last


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_compare_warns_when_the_files_are_different_companies(lang, tmp_path):
    old = _assessment(tmp_path, GOOD, "old.json")
    other = _assessment(tmp_path, {**GOOD, "meta": {**GOOD["meta"], "company": "Daehan Chips"}},
                        "other.json")
    same = _assessment(tmp_path, {**GOOD, "meta": {**GOOD["meta"],
                                                   "company": "hanbit  <SEMI>"}}, "same.json")
    result = run("compare", old, other, "--packs", MINI, "--lang", lang, lang=LOCALES[lang])
    assert result.returncode == 0, result.stderr
    warning = say(lang, "OLD and NEW are assessments of different companies, \u201c{old}\u201d "
                        "and \u201c{new}\u201d: what follows compares two companies, not one "
                        "company over time. Check that these are the files you meant to compare.",
                  old="Hanbit <Semi>", new="Daehan Chips")
    assert warning in result.stderr
    report = result.stdout
    attributed = say(lang, "How changes are attributed")
    assert say(lang, "Different companies") in report
    assert report.index(say(lang, "Different companies")) < report.index(attributed)
    result = run("compare", old, same, "--packs", MINI, "--lang", lang, lang=LOCALES[lang])
    assert result.returncode == 0 and not result.stderr
    assert say(lang, "Different companies") not in result.stdout


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_biological_sequence_threshold_only_when_the_user_says_so(lang):
    condition = say(lang, "applies only if {condition}", condition=say(
        lang, "the model was trained mainly on biological sequence data"))
    exceeded = say(lang, "exceeded")

    def bio_line(*flags) -> str:
        result = run("training-compute", "--operations", "2e24", *flags, "--lang", lang,
                     lang=LOCALES[lang])
        assert result.returncode == 0, result.stderr
        lines = [line for line in result.stdout.splitlines()
                 if line.startswith("- [") and "10^24" in line]
        assert len(lines) == 1, result.stdout
        return lines[0]

    assert bio_line().startswith(f"- [{condition}]")
    assert bio_line("--biological-sequence-data").startswith(f"- [{exceeded}]")
    result = run("training-compute", "--operations", "2e24", "--format", "json",
                 lang=LOCALES[lang])
    data = json.loads(result.stdout)
    assert "oisp_prohibited_bio" not in [t["id"] for t in data["thresholds"] if t["exceeded"]]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_calculator_working_uses_the_comparison_signs(lang):
    result = run("classify-chip", "--tops", 512, "--bits", 8, "--die-area", 650, "--lang", lang)
    assert result.returncode == 0
    assert "\u2265" in result.stdout and ">=" not in result.stdout
    assert "742.6(a)(6)(iii)(A)" in result.stdout           # citations keep their tight form


@pytest.mark.skipif(not (EXAMPLES / "gpu_cloud_reseller.json").is_file(),
                    reason="the example assessments are not there")
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_report_detail_is_offered_and_checked(lang, tmp_path):
    out = tmp_path / "short.md"
    result = run("report", EXAMPLES / "gpu_cloud_reseller.json", "--detail", "summary",
                 "--lang", lang, "-o", out, lang=LOCALES[lang])
    assert result.returncode == 0, result.stderr
    short = out.read_text(encoding="utf-8")
    assert say(lang, "The most serious findings") in short
    assert say(lang, "Appendix {letter}: All answers and notes", letter="A") not in short
    result = run("report", EXAMPLES / "gpu_cloud_reseller.json", "--detail", "brief",
                 lang=LOCALES[lang])
    assert result.returncode == 2 and "'brief'" in result.stderr
