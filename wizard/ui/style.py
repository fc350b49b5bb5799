"""The few looks the wizard adds to the platform style: headings, question texts and tags, the
help panel, inline messages. Sizes are in points so that 200 % scaling works.

They are set on the widgets that have them (fonts and palettes; a small style sheet on the
three boxed panels only), never as an application style sheet: with one, Qt puts a style-sheet
proxy on every widget of the program, which cost 22 MiB over a full session (24 pages) and
slowed every page's first show, for rules that concern a dozen kinds of label.

``look(widget, name)`` names the widget (tests and accessibility tools find it by that name)
and gives it the look of that name.

``MenuStyle`` is the one proxy style (not a style sheet): Qt sizes a menu item by the text's
bounding box without its "&", but the Fusion style elides it against the text's advance with
the "&" counted, so Korean items such as Help > "Help on this question" came out elided in the middle ("…").
The proxy makes every menu item as wide as the text is drawn.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPalette
from PySide6.QtWidgets import QFrame, QProxyStyle, QStyle, QWidget

# name -> (point size or None, bold, text colour or None)
_TEXT = {
    "pageHeading": (15.0, True, None),
    "sectionHeading": (11.5, True, None),
    "pageSteps": (None, False, "#4a4a4a"),
    "questionText": (11.0, False, None),
    "questionTag": (9.0, False, "#1f4fa0"),
    "inlineError": (None, False, "#b00020"),
    "scoringNote": (9.0, False, "#555555"),
    "noteLabel": (None, False, "#555555"),
    "questionRule": (None, False, "#dddddd"),   # the colour a plain line is drawn in
}

# name -> (background, border): boxed panels, styled on their own widget only
_PANELS = {
    "helpPanel": ("#f4f7fb", "#c9d6e8", "6px 8px"),
    "packIntro": ("#f7f7f2", "#e2e2d5", "8px 10px"),
    "calculatorView": ("#f6f9f4", "#d5e3cc", "6px 8px"),
    "staleBanner": ("#fdecea", "#b3261e", "6px 8px"),   # out-of-date content, results page
}


def look(widget: QWidget, name: str) -> None:
    """Name ``widget`` and give it the look registered under ``name`` (if any)."""
    widget.setObjectName(name)
    if name in _TEXT:
        size, bold, colour = _TEXT[name]
        if size is not None or bold:
            font = QFont()              # only what is set here; the rest follows the parent
            if size is not None:
                font.setPointSizeF(size)
            if bold:
                font.setBold(True)
            widget.setFont(font)
        if colour is not None:
            palette = widget.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            palette.setColor(QPalette.ColorRole.Text, QColor(colour))
            widget.setPalette(palette)
        if isinstance(widget, QFrame) and name == "questionRule":
            widget.setFrameShadow(QFrame.Shadow.Plain)
    elif name in _PANELS:
        background, border, padding = _PANELS[name]
        weight = " font-weight: bold; color: #8a1c14;" if name == "staleBanner" else ""
        widget.setStyleSheet(f"background: {background}; border: 1px solid {border}; "
                             f"border-radius: 4px; padding: {padding};{weight}")


class MenuStyle(QProxyStyle):
    """The platform style, with menu items wide enough for their whole text."""

    def sizeFromContents(self, kind, option, size, widget=None) -> QSize:  # noqa: N802
        result = super().sizeFromContents(kind, option, size, widget)
        if kind == QStyle.ContentsType.CT_MenuItem and option is not None and option.text:
            label = option.text.split("\t")[0]
            measured = QFontMetrics(option.font).boundingRect(
                0, 0, 0, 0, int(Qt.TextFlag.TextShowMnemonic), label).width()
            drawn = math.ceil(QFontMetricsF(option.font).horizontalAdvance(label)) + 1
            if drawn > measured:
                result.setWidth(result.width() + drawn - measured)
        return result
