"""Registering the bundled fonts with Qt (wizard windows and PDF reports alike).

``register_fonts()`` adds every font in ``paths.fonts_dir()`` to ``QFontDatabase`` once per
process and returns the family names; ``KOREAN_FAMILY`` has Hangul, ``SYMBOL_FAMILY`` has the
ballot-box and check-mark glyphs. Call it after the QGuiApplication exists.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from wizard import paths

KOREAN_FAMILY = "AITR Sans KR"
SYMBOL_FAMILY = "AITR Symbols"
_registered: list[str] | None = None


def register_fonts() -> list[str]:
    global _registered
    if _registered is not None:
        return _registered

    families: list[str] = []
    for path in sorted(paths.fonts_dir().glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in families:
                    families.append(family)
    QFont.insertSubstitution(KOREAN_FAMILY, SYMBOL_FAMILY)
    _registered = families
    return families


def ui_font(point_size: float | None = None):
    """The application font: the bundled Korean family, symbols as fallback."""

    register_fonts()
    font = QFont(KOREAN_FAMILY)
    font.setFamilies([KOREAN_FAMILY, SYMBOL_FAMILY])
    if point_size:
        font.setPointSizeF(point_size)
    return font
