"""Country names shown to users come from CLDR and cover every code the pickers offer.

``translations/countries.json`` is a snapshot made from Babel's CLDR data (docs/building.md,
"Country names"). The test checks what users rely on, a Korean and an English name for every
accepted code, not that the names equal the installed Babel's: CLDR renames territories between
releases (Babel 2.19 renamed three), and that is not a defect of ours."""

import json
import re

from tests.conftest import ROOT
from wizard.core.iso3166 import ISO_CODES
from wizard.core.presenting import country_name

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_every_accepted_code_has_both_names():
    data = json.loads((ROOT / "translations" / "countries.json").read_text(encoding="utf-8"))
    assert set(data) == set(ISO_CODES)
    for code, names in data.items():
        assert set(names) == {"ko", "en"}, code
        assert names["en"].strip() and names["en"] != code, code
        assert HANGUL.search(names["ko"]), (code, names["ko"])


def test_country_name():
    assert country_name("CN", "en") == "China"
    assert country_name("KR", "ko") == "\ub300\ud55c\ubbfc\uad6d"
    assert country_name("ZZ", "en") == "ZZ"
