"""Every program string of the wizard has a Korean translation (msgids are found the way an
extractor would: the first argument of ``N_()`` and ``tr()`` calls in wizard/ui)."""

from __future__ import annotations

import ast
import re

from babel.messages.pofile import read_po

from tests.conftest import ROOT

HANGUL = re.compile("[\uac00-\ud7a3]")
UI = ROOT / "wizard" / "ui"
PO = ROOT / "translations" / "ko" / "LC_MESSAGES" / "wizard.po"
SAME_IN_KOREAN = {"From {min} to {max}"}     # rendered "{min}~{max}"


def ui_msgids() -> list[str]:
    found = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            first = node.args[0]
            if name in ("N_", "tr") and isinstance(first, ast.Constant) \
                    and isinstance(first.value, str):
                found.append(first.value)
    return list(dict.fromkeys(found))


def test_every_wizard_string_is_translated_to_korean():
    with PO.open("rb") as fh:
        catalog = read_po(fh, locale="ko")
    ids = ui_msgids()
    assert len(ids) > 150
    missing, not_korean = [], []
    for msgid in ids:
        message = catalog.get(msgid)
        if message is None or not message.string:
            missing.append(msgid)
            continue
        letters = re.sub(r"\{[^}]*\}|[^A-Za-z]", "", msgid)
        if letters and not HANGUL.search(message.string) and msgid not in SAME_IN_KOREAN:
            not_korean.append(msgid)
    assert missing == []
    assert not_korean == []


def test_translations_keep_placeholders_and_mnemonics():
    with PO.open("rb") as fh:
        catalog = read_po(fh, locale="ko")
    placeholder = re.compile(r"\{[a-z_]+\}")
    for msgid in ui_msgids():
        string = catalog.get(msgid).string
        assert sorted(placeholder.findall(string)) == sorted(placeholder.findall(msgid)), msgid
        if re.search(r"&[A-Za-z]", msgid):
            assert re.search(r"&[A-Za-z]", string), f"mnemonic lost: {msgid}"
