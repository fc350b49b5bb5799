"""The executive-summary chart: per area, readiness as a bar (0-100) and exposure as a level.

``chart_rows(report)`` gives the plain data; ``svg(rows, mode)`` draws it as inline SVG for the
HTML report (pure Python, no Qt). :mod:`wizard.report.qtchart` draws the same rows with
QPainter for the PDF. Colours and geometry live here so both drawings agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from markupsafe import Markup

from wizard.core.labels import label
from wizard.core.model import EXPOSURE_LEVELS
from wizard.i18n import N_, translate

EXPOSURE_COLOURS = {"none": "#9e9e9e", "low": "#4f8a3c", "medium": "#d39b1e",
                    "high": "#d0662b", "critical": "#b3261e"}
TRACK = "#e6e9ee"
TEXT = "#1d2733"
MUTED = "#5b6675"


def readiness_colour(value: Optional[int]) -> str:
    if value is None:
        return "#9e9e9e"
    if value < 40:
        return "#b3261e"
    if value < 70:
        return "#d39b1e"
    return "#2e7d4f"


@dataclass(frozen=True)
class ChartRow:
    title: dict
    applicable: bool
    readiness: Optional[int]
    exposure: str

    @property
    def exposure_rank(self) -> int:
        return EXPOSURE_LEVELS.index(self.exposure)


def chart_rows(report) -> list[ChartRow]:
    return [ChartRow(a.title, a.applicable, a.readiness, a.exposure) for a in report.areas]


# geometry shared with the Qt drawing (in CSS pixels)
WIDTH = 640
LABEL_W = 200
BAR_X = LABEL_W + 10
BAR_W = 230
EXPO_X = BAR_X + BAR_W + 40
HEADER_H = 26


def text_width(text: str, size: float) -> float:
    """A generous estimate of the drawn width (wide for Hangul and other CJK)."""
    return sum(size if ord(ch) >= 0x1100 else size * 0.58 for ch in text)


def label_size(lines: list[str], base: float = 12) -> float:
    """The font size at which every line of an area title fits the label column."""
    widest = max((text_width(line, base) for line in lines), default=0)
    return base if widest <= LABEL_W else max(8.0, base * LABEL_W / widest)


def row_height(mode: str) -> int:
    return 40 if mode == "both" else 30


def height(rows: list[ChartRow], mode: str) -> int:
    return HEADER_H + row_height(mode) * len(rows) + 8


def texts(mode: str) -> dict[str, str]:
    """Captions in one line per language (``both``: Korean / English)."""
    def tr(msgid: str) -> str:
        if mode == "both":
            ko, en = translate(msgid, "ko"), translate(msgid, "en")
            return ko if ko == en else f"{ko} / {en}"
        return translate(msgid, mode)

    return {"readiness": tr(N_("Readiness (0-100)")), "exposure": tr(N_("Exposure")),
            "na": tr(N_("Does not apply")), "no_score": tr(N_("No control applies"))}


def row_lines(row: ChartRow, mode: str) -> list[str]:
    if mode == "both":
        ko, en = row.title.get("ko", ""), row.title.get("en", "")
        return [ko] if ko == en else [ko, en]
    return [row.title.get(mode, "")]


def exposure_text(row: ChartRow, mode: str) -> str:
    if mode == "both":
        ko, en = label("exposure", row.exposure, "ko"), label("exposure", row.exposure, "en")
        return ko if ko == en else f"{ko} / {en}"
    return label("exposure", row.exposure, mode)


def svg(rows: list[ChartRow], mode: str) -> Markup:
    """Inline SVG (no external references) with a text alternative for screen readers."""
    cap = texts(mode)
    rh = row_height(mode)
    h = height(rows, mode)
    font = ("font-family=\"'AITR Sans KR','Noto Sans KR','Noto Sans CJK KR','Malgun Gothic',"
            "'Apple SD Gothic Neo',sans-serif\"")
    parts = [Markup(f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" '
                    f'height="{h}" viewBox="0 0 {WIDTH} {h}" {font} font-size="12" '
                    f'class="chart">')]
    summary = "; ".join(
        f"{' / '.join(row_lines(r, mode))}: "
        f"{r.readiness if r.readiness is not None else '-'}, {exposure_text(r, mode)}"
        for r in rows)
    parts.append(Markup("<title>{}</title>").format(summary))
    parts.append(Markup('<text x="{}" y="16" fill="{}" font-weight="bold">{}</text>').format(
        BAR_X, MUTED, cap["readiness"]))
    parts.append(Markup('<text x="{}" y="16" fill="{}" font-weight="bold">{}</text>').format(
        EXPO_X, MUTED, cap["exposure"]))
    for i, row in enumerate(rows):
        top = HEADER_H + i * rh
        mid = top + rh / 2
        lines = row_lines(row, mode)
        size = label_size(lines)
        for j, line in enumerate(lines):
            y = mid + 4 + (j - (len(lines) - 1) / 2) * 15
            colour = TEXT if j == 0 else MUTED
            parts.append(Markup('<text x="0" y="{:.1f}" fill="{}" font-size="{:.1f}">{}</text>'
                                ).format(y, colour, size, line))
        bar_y = mid - 7
        parts.append(Markup('<rect x="{}" y="{:.1f}" width="{}" height="14" rx="2" '
                            'fill="{}"/>').format(BAR_X, bar_y, BAR_W, TRACK))
        if not row.applicable or row.readiness is None:
            parts.append(Markup('<text x="{}" y="{:.1f}" fill="{}">{}</text>').format(
                BAR_X + 6, mid + 4, MUTED, cap["na"] if not row.applicable else cap["no_score"]))
        else:
            width = BAR_W * row.readiness / 100
            parts.append(Markup('<rect x="{}" y="{:.1f}" width="{:.1f}" height="14" rx="2" '
                                'fill="{}"/>').format(BAR_X, bar_y, width,
                                                      readiness_colour(row.readiness)))
            parts.append(Markup('<text x="{:.1f}" y="{:.1f}" fill="{}">{}</text>').format(
                BAR_X + BAR_W + 6, mid + 4, TEXT, row.readiness))
        if row.applicable:
            for k in range(1, len(EXPOSURE_LEVELS)):
                filled = k <= row.exposure_rank
                colour = EXPOSURE_COLOURS[row.exposure] if filled else TRACK
                parts.append(Markup('<rect x="{}" y="{:.1f}" width="10" height="14" '
                                    'fill="{}"/>').format(EXPO_X + (k - 1) * 12, bar_y, colour))
            parts.append(Markup('<text x="{}" y="{:.1f}" fill="{}">{}</text>').format(
                EXPO_X + 4 * 12 + 6, mid + 4, TEXT, exposure_text(row, mode)))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)

