"""Country names shown to users come from CLDR and cover every code the pickers offer.

``translations/countries.json`` is a snapshot of the names in the Babel release the test extra
pins (a new Babel brings new CLDR names: regenerate the file as docs/building.md says, then move
the pin)."""

import json

from babel import Locale

from tests.conftest import ROOT
from wizard.core.iso3166 import ISO_CODES
from wizard.core.presenting import country_name


def test_every_accepted_code_has_both_names_matching_cldr():
    data = json.loads((ROOT / "translations" / "countries.json").read_text(encoding="utf-8"))
    assert set(data) == set(ISO_CODES)
    ko, en = Locale("ko").territories, Locale("en").territories
    for code, names in data.items():
        assert names == {"ko": ko[code], "en": en[code]}, code


def test_country_name():
    assert country_name("CN", "en") == "China"
    assert country_name("KR", "ko") == "\ub300\ud55c\ubbfc\uad6d"
    assert country_name("ZZ", "en") == "ZZ"
