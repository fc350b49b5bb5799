"""The gettext catalogs against the code: the template is current, every string has a Korean
translation that keeps its placeholders and keyboard mnemonic, nothing is fuzzy, empty or
duplicated, and no Korean is written into the Python code itself."""

from __future__ import annotations

import ast
import collections
import re

import pytest

from tests.i18n.catalogs import (HANGUL, PO, POT, ROOT, extract, fields, forms, is_plural,
                                 msgid_text, msgids, plural_count, raw_entries, read_catalog)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The strings in the code now (a fresh extraction into a temporary .pot)."""
    return extract(tmp_path_factory.mktemp("pot") / "wizard.pot")


@pytest.fixture(scope="module")
def ko():
    return read_catalog(PO["ko"])


def _show(items, limit=25) -> str:
    items = sorted(items)
    more = f"\n... and {len(items) - limit} more" if len(items) > limit else ""
    return "\n".join(f"  {item!r}" for item in items[:limit]) + more


def test_the_template_is_up_to_date_with_the_code(extracted):
    committed = msgids(read_catalog(POT))
    now = msgids(extracted)
    assert now, "extraction found no strings: check [tool.babel] in pyproject.toml"
    missing, stale = now - committed, committed - now
    assert not missing and not stale, (
        "translations/wizard.pot is out of date; refresh it (docs/building.md, 'Extracting "
        f"and updating').\nIn the code, not in the .pot:\n{_show(missing)}\n"
        f"In the .pot, no longer in the code:\n{_show(stale)}")


def test_extraction_covers_python_and_templates(extracted):
    files = {loc[0].split("/")[1] if "/" in loc[0] else loc[0]
             for m in extracted if m.id for loc in m.locations}
    assert {"core", "report", "cli"} <= files
    assert any(loc[0].endswith(".html") for m in extracted if m.id for loc in m.locations), \
        "no strings extracted from the Jinja2 templates"


def test_every_string_has_a_korean_translation(extracted, ko):
    translated = {msgid_text(m): m for m in ko if m.id}
    wanted = msgids(extracted) | msgids(read_catalog(POT))
    untranslated = {i for i in wanted if i not in translated
                    or not all(forms(translated[i]))}
    assert not untranslated, (f"{len(untranslated)} string(s) without a Korean translation in "
                              f"{PO['ko'].relative_to(ROOT)}:\n{_show(untranslated)}")
    fuzzy = {msgid_text(m) for m in ko if m.id and m.fuzzy}
    assert not fuzzy, f"fuzzy (unchecked) translations:\n{_show(fuzzy)}"


def test_korean_translations_read_as_korean(ko):
    """A translation that is still English (copied msgid) is a missing translation, unless
    the string is a code or a name that stays as it is."""
    same = {msgid_text(m) for m in ko if m.id and msgid_text(m) in forms(m)
            and re.search(r"[a-z]{3,}", re.sub(r"\{[^}]*\}", "", msgid_text(m)))}
    assert not same, f"Korean catalog entries that are still English:\n{_show(same)}"
    for m in ko:
        if m.id and all(forms(m)) and re.search(r"[A-Za-z]{4,}\s+[a-z]{3,}\s+[a-z]{3,}",
                                                msgid_text(m)):
            assert all(HANGUL.search(f) for f in forms(m)), f"{m.id!r} -> {m.string!r}"


PERCENT = re.compile(r"%(?:\(\w+\))?[sdr]")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_placeholders_match(lang):
    """Every form keeps the placeholders of the msgid: the program's ``{name}`` and argparse's
    ``%(value)r``/``%s`` (wizard/cli/words.py), which argparse fills. A plural entry's forms
    keep those of msgid_plural (Korean's one form stands for every number)."""
    bad = []
    for m in read_catalog(PO[lang]):
        if not m.id or not any(forms(m)):
            continue
        source = m.id[1] if is_plural(m) else m.id
        for form in forms(m):
            if fields(source) != fields(form) \
                    or sorted(PERCENT.findall(source)) != sorted(PERCENT.findall(form)):
                bad.append(f"{source!r}\n    -> {form!r}")
    assert not bad, "placeholders differ between msgid and msgstr:\n" + "\n".join(bad)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_plural_entries_have_every_form_the_language_needs(lang, extracted):
    """Korean has one plural form (nplurals=1), English two: a plural entry has exactly that
    many translations; the catalogs mark as plural what the code marks NP_()."""
    catalog = read_catalog(PO[lang])
    wanted = plural_count(PO[lang])
    assert wanted == {"ko": 1, "en": 2}[lang]
    plural = {msgid_text(m) for m in catalog if m.id and is_plural(m)}
    assert plural == {msgid_text(m) for m in extracted if m.id and is_plural(m)}, \
        "plural entries differ from the code's NP_() marks: update the catalogs"
    bad = [f"{msgid_text(m)!r}: {len(forms(m))} forms" for m in catalog
           if m.id and is_plural(m) and len(forms(m)) != wanted]
    assert not bad, f"plural entries without {wanted} form(s) in {lang}:\n" + "\n".join(bad)
    if lang == "en":
        wrong = [msgid_text(m) for m in catalog if m.id and is_plural(m)
                 and forms(m) != list(m.id)]
        assert not wrong, f"English plural forms that are not the msgids:\n{_show(wrong)}"


def test_plural_forms_are_chosen_by_number():
    """ngettext through the program's own translate(): "1 watch item", "2 watch items"; one
    Korean form for every number."""
    from wizard.i18n import NP_, translate

    message = NP_("{count} watch item", "{count} watch items")
    assert translate(message, "en", count=1) == "1 watch item"
    assert translate(message, "en", count=2) == "2 watch items"
    assert translate(message, "en", count=1234) == "1,234 watch items"
    korean = {translate(message, "ko", count=n).replace(f"{n:,}", "N") for n in (0, 1, 2, 1234)}
    assert len(korean) == 1 and HANGUL.search(korean.pop())


MNEMONIC = re.compile(r"(?<!&)&([^&\s;])(?![A-Za-z]*;)")


def test_keyboard_mnemonics_are_kept(ko):
    """"&File" -> "파일(&F)": the same key in both languages (Qt's own Korean convention)."""
    bad = []
    for m in ko:
        if not m.id or not m.string or is_plural(m):
            continue
        keys = MNEMONIC.findall(msgid_text(m))
        if keys and not re.search("&" + re.escape(keys[0]), m.string, re.IGNORECASE):
            bad.append(f"{msgid_text(m)!r} -> {m.string!r}")
        if msgid_text(m).endswith("...") and not m.string.endswith("..."):
            bad.append(f"{msgid_text(m)!r} -> {m.string!r} (keep the '...')")
    assert not bad, "mnemonic or ellipsis lost:\n" + "\n".join(bad)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_duplicate_or_obsolete_entries(lang):
    entries = raw_entries(PO[lang])
    live = [(e["msgctxt"], e["msgid"]) for e in entries if not e["obsolete"] and e["msgid"]]
    duplicates = [key for key, count in collections.Counter(live).items() if count > 1]
    assert not duplicates, (f"duplicate msgids in {PO[lang].relative_to(ROOT)} (keep the "
                            f"better translation, delete the other):\n{_show(duplicates)}")
    obsolete = [e["msgid"] for e in entries if e["obsolete"]]
    assert not obsolete, f"obsolete (#~) entries left over:\n{_show(obsolete)}"


def test_the_english_catalog_is_complete_and_identity(extracted):
    en = read_catalog(PO["en"])
    missing = msgids(extracted) - msgids(en)
    assert not missing, f"strings missing from the English catalog:\n{_show(missing)}"
    for m in en:
        if m.id and any(forms(m)):
            source = m.id if is_plural(m) else [m.id]
            assert [fields(s) for s in source] == [fields(f) for f in forms(m)]
            assert not any(HANGUL.search(f) for f in forms(m)), \
                f"Korean in the English catalog: {m.string!r}"


# -- no Korean in the code --------------------------------------------------------------------

def _python_sources():
    yield from (ROOT / "wizard").rglob("*.py")
    yield from (ROOT / "benchmarks").rglob("*.py")
    for name in ("build.spec", "setup.py"):
        if (ROOT / name).is_file():
            yield ROOT / name


def _docstrings(tree) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def test_no_korean_literals_in_the_code():
    """User-visible Korean lives in translations/ (gettext) and questionnaires/ (packs), never
    in a string literal of the code (docstrings and comments may quote Korean)."""
    found = []
    for path in _python_sources():
        if "_data" in path.parts or "__pycache__" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in docs and HANGUL.search(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}")
    assert not found, ("Korean text in the code; mark the English with N_() and translate it in "
                       "translations/ko/LC_MESSAGES/wizard.po instead:\n" + "\n".join(found))


LATE = {"translate", "tr", "bilingual", "Note", "ui", "ui_lines"}


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr \
        if isinstance(func, ast.Attribute) else ""


def _unextractable(tree) -> list[tuple[int, str]]:
    """Calls whose text extraction cannot see: a literal given straight to a late translator
    (translate/tr/bilingual/Note: mark it N_() instead), or N_()/_() of anything but one
    plain string literal (an f-string, a variable, a concatenation)."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name, first = _call_name(node), node.args[0]
        literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
        if name in LATE and (literal or isinstance(first, ast.JoinedStr)):
            found.append((node.lineno, f"{name}() of a bare literal"))
        elif name in ("N_", "_") and isinstance(node.func, ast.Name) and not literal:
            found.append((node.lineno, f"{name}() of {type(first).__name__}, not a literal"))
        elif name == "NP_" and isinstance(node.func, ast.Name) and not (
                len(node.args) == 2 and all(isinstance(a, ast.Constant)
                                            and isinstance(a.value, str) for a in node.args)):
            found.append((node.lineno, "NP_() of anything but two plain string literals"))
    return found


def test_every_program_string_is_marked_where_it_is_written():
    found = []
    for path in (ROOT / "wizard").rglob("*.py"):
        if "_data" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        if path.name == "i18n.py" and path.parent.name == "wizard":
            continue  # defines N_ and translate
        found += [f"{path.relative_to(ROOT)}:{line}: {what}" for line, what in _unextractable(tree)]
    assert not found, ("strings that extraction cannot see (write N_(\"...\") where the text "
                       "is, then translate the constant):\n" + "\n".join(found))


def _marked_literals(tree) -> list[tuple[int, str]]:
    """Every ``N_("...")``/``_("...")`` literal, wherever it is: Python's AST also sees the ones
    inside f-strings, which Babel's extractor cannot see on Python 3.11 (its tokenizer reads an
    f-string as one token), so they would silently drop out of the catalogs."""
    return [(node.lineno, arg.value) for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in ("N_", "_", "NP_") and node.args
            for arg in node.args[:2 if node.func.id == "NP_" else 1]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]


def test_every_marked_string_is_extracted(extracted):
    known = {text for m in extracted if m.id
             for text in (m.id if is_plural(m) else (m.id,))}
    missing = []
    for path in (ROOT / "wizard").rglob("*.py"):
        if "_data" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        missing += [f"{path.relative_to(ROOT)}:{line}: {text!r}"
                    for line, text in _marked_literals(tree) if text not in known]
    assert not missing, ("marked strings that extraction does not see (an N_() inside an "
                         "f-string: give it a name outside the f-string):\n" + "\n".join(missing))


def test_the_marking_check_can_fail():
    tree = ast.parse('x = tr("Save")\ny = N_(f"{a} b")\nz = Note(N_("ok"))\n'
                     'p = NP_("{count} item", plural)\nq = NP_("{count} a", "{count} as")\n')
    assert [line for line, _ in _unextractable(tree)] == [1, 2, 4]


def test_the_hangul_check_can_fail(tmp_path):
    sample = 'TITLE = "진단"\n'
    tree = ast.parse(sample)
    assert [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and HANGUL.search(n.value)]
