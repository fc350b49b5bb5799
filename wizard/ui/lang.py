"""The wizard's display language: Korean, English or bilingual, switchable at run time.

* Program strings: ``tr(msgid)`` through ``wizard.i18n.translate`` in the *chrome* language
  (Korean for ``ko`` and ``both``, English for ``en``); msgids are English, marked ``N_`` when
  they are module constants. The wizard's own labels (menus, buttons, tabs, headings, column
  headers, steps) use ``ui(msgid)``: in bilingual mode both languages, "<Korean> / File(&F)", with
  the one mnemonic both share; ``ui_lines`` puts the English on a second line (tabs, toolbar
  buttons, hints).
* Questionnaire texts (``{ko, en}``): ``pick(text)``; in bilingual mode both, Korean first.
* Qt's own strings (wizard buttons, standard dialogs): a QTranslator with Qt's shipped
  ``qtbase_ko.qm``, installed while the chrome language is Korean.

The mode is process-wide, like Qt's own translators; windows re-translate themselves when
``set_mode`` is called (they listen to ``notifier().changed``).
"""

from __future__ import annotations

import html
import re
from typing import Any, Optional

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from wizard.core.labels import label as core_label
from wizard.i18n import translate

MODES = ("ko", "en", "both")
_MNEMONIC = re.compile(r"\(&[^&)]\)")
_mode = "en"
_translator: Optional[QTranslator] = None
_notifier: Optional["_Notifier"] = None


class _Notifier(QObject):
    changed = Signal(str)


def notifier() -> _Notifier:
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def system_mode() -> str:
    """Korean when the system locale is Korean, else English."""
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def mode() -> str:
    return _mode


def chrome() -> str:
    """The language of program strings: ``ko`` or ``en``."""
    return "en" if _mode == "en" else "ko"


def set_mode(new_mode: str) -> None:
    """Switch the display language; windows re-translate on ``notifier().changed``."""
    global _mode
    if new_mode not in MODES:
        new_mode = "en"
    _mode = new_mode
    _install_qt_translator(chrome())
    notifier().changed.emit(new_mode)


def _install_qt_translator(lang: str) -> None:
    global _translator
    app = QApplication.instance()
    if app is None:
        return
    if lang == "ko":
        if _translator is None:
            translator = QTranslator(app)
            folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if translator.load("qtbase_ko", folder):
                _translator = translator
        if _translator is not None:
            QApplication.installTranslator(_translator)
    elif _translator is not None:
        QApplication.removeTranslator(_translator)


def tr(msgid: str, /, **params: Any) -> str:
    """A program string in the chrome language."""
    return translate(msgid, chrome(), **params)


def _mnemonic(text: str) -> str:
    """The mnemonic letter of "&File" or of Korean "...(&F)" (empty when there is none)."""
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1) if match else ""


def ui(msgid: str, sep: str = " / ", /, **params: Any) -> str:
    """A label of the wizard's own chrome in the display language; in bilingual mode Korean,
    ``sep``, English ("<Korean> / File(&F)", "<Korean> / Open(&O)..."): the mnemonic is written once, in
    Qt's Korean style after the text, and a trailing "..." once at the end."""
    if _mode != "both":
        return tr(msgid, **params)
    return pair(translate(msgid, "ko", **params), translate(msgid, "en", **params), sep)


def qt_ui(context: str, source: str) -> str:
    """One of Qt's own labels ("&Next >" of QWizard) as ``ui`` would write it: Qt's Korean
    from its translator, and in bilingual mode both languages."""

    korean = QCoreApplication.translate(context, source)
    return pair(korean, source) if _mode == "both" else korean


_AROUND = re.compile(r"^([<\s]*)(.*?)([\s>]*|\.\.\.)$", re.S)


def pair(ko: str, en: str, sep: str = " / ") -> str:
    """Korean and English labels as one ("<Korean>(&F)" + "&File" -> "<Korean> / File(&F)"): the
    mnemonic once, after the Korean when ``sep`` breaks the line, else at the end; an arrow
    ("< ", " >") or "..." once, where the labels have it."""
    if ko == en:
        return ko
    key = _mnemonic(en) or _mnemonic(ko)
    (lead, ko_core, tail), (lead_en, en_core, tail_en) = (
        _AROUND.match(plain(t)).groups() for t in (ko, en))
    lead = "< " if "<" in lead + lead_en else ""
    tail = " >" if ">" in tail + tail_en else "..." if "..." in tail + tail_en else ""
    ko_core, en_core = ko_core.strip(), en_core.strip()
    if key:                          # a mnemonic text: any other "&" stays an ampersand
        ko_core, en_core = ko_core.replace("&", "&&"), en_core.replace("&", "&&")
    mark = f"(&{key.upper()})" if key else ""
    if "\n" in sep:
        return f"{lead}{ko_core}{mark}{sep}{en_core}{tail}"
    return f"{lead}{ko_core}{sep}{en_core}{mark}{tail}"


def each(render, sep: str = "\n") -> str:
    """``render(code)`` for the language shown; bilingual mode gives Korean, ``sep``, English
    (once when they are equal). For text put together from several messages."""
    if _mode != "both":
        return render(chrome())
    return pick({"ko": render("ko"), "en": render("en")}, sep)


def ui_lines(msgid: str, /, **params: Any) -> str:
    """Like ``ui`` with the English on a line of its own (tabs, toolbar buttons, hints)."""
    return ui(msgid, "\n", **params)


def plain(text: str) -> str:
    """A label without its mnemonic: "&Save" -> "Save", "Save(&S)" -> "Save"."""
    return _MNEMONIC.sub("", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def _get(text: Any, lang: str) -> str:
    if text is None:
        return ""
    if isinstance(text, dict):
        return text.get(lang, "")
    return text.get(lang)


def pick(text: Any, sep: str = "\n") -> str:
    """A questionnaire text (``Text`` or ``{ko, en}``) in the display language; bilingual
    mode gives Korean, ``sep``, English (once when they are equal)."""
    if _mode != "both":
        return _get(text, _mode)
    ko, en = _get(text, "ko"), _get(text, "en")
    return ko if ko == en or not en else f"{ko}{sep}{en}"


def pick_html(text: Any) -> str:
    """Like ``pick`` but as escaped HTML; the English line of bilingual mode is muted."""

    if _mode != "both":
        return html.escape(_get(text, _mode))
    ko, en = _get(text, "ko"), _get(text, "en")
    if ko == en or not en:
        return html.escape(ko)
    return f"{html.escape(ko)}<br><span style='color:#555'>{html.escape(en)}</span>"


def say(note: Any) -> str:
    """A program message with parameters (``wizard.i18n.Note``) in the display language;
    bilingual mode gives Korean, a blank line, English."""
    return pick(note.both(), "\n\n")


def error_text(exc: BaseException) -> str:
    """What went wrong, for a dialog: the core's message in the display language when it has
    one (``WizardError.note``), else the exception's own words (a system error)."""
    note = getattr(exc, "note", None)
    return say(note) if note is not None else str(exc)


def langs() -> tuple[str, ...]:
    """The content languages shown: one, or both (Korean first)."""
    return ("ko", "en") if _mode == "both" else (_mode,)


def label(kind: str, key: str) -> str:
    """A fixed vocabulary label (severity, state, ...) in the display language; bilingual
    mode gives "<Korean> / High"."""

    return each(lambda code: core_label(kind, key, code), " / ")
