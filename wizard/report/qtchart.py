"""The executive-summary chart drawn with QPainter into a QImage, for the PDF (Qt's rich text
cannot show SVG). Same rows, colours and geometry as the SVG in :mod:`wizard.report.chart`."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from wizard.core.model import EXPOSURE_LEVELS
from wizard.fonts import KOREAN_FAMILY, SYMBOL_FAMILY
from wizard.report import chart

SCALE = 3  # pixels per CSS pixel: about 290 dpi on paper


def render_image(rows: list[chart.ChartRow], mode: str, scale: int = SCALE):
    """A white QImage of the chart, ``scale`` times the CSS size (``chart.WIDTH`` wide)."""

    width, height = chart.WIDTH, chart.height(rows, mode)
    image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)

        def font(size: float, bold: bool = False) -> QFont:
            f = QFont(KOREAN_FAMILY)
            f.setFamilies([KOREAN_FAMILY, SYMBOL_FAMILY])
            f.setPixelSize(max(1, round(size)))
            f.setBold(bold)
            return f

        def text(x: float, baseline: float, value: str, colour: str, size: float = 12,
                 bold: bool = False) -> None:
            painter.setFont(font(size, bold))
            painter.setPen(QColor(colour))
            painter.drawText(QPointF(x, baseline), value)

        def rect(x: float, y: float, w: float, h: float, colour: str) -> None:
            painter.fillRect(QRectF(x, y, w, h), QColor(colour))

        cap = chart.texts(mode)
        text(chart.BAR_X, 16, cap["readiness"], chart.MUTED, bold=True)
        text(chart.EXPO_X, 16, cap["exposure"], chart.MUTED, bold=True)
        rh = chart.row_height(mode)
        painter.setPen(Qt.PenStyle.NoPen)
        for i, row in enumerate(rows):
            top = chart.HEADER_H + i * rh
            mid = top + rh / 2
            lines = chart.row_lines(row, mode)
            size = chart.label_size(lines)
            for j, line in enumerate(lines):
                y = mid + 4 + (j - (len(lines) - 1) / 2) * 15
                text(0, y, line, chart.TEXT if j == 0 else chart.MUTED, size)
            bar_y = mid - 7
            rect(chart.BAR_X, bar_y, chart.BAR_W, 14, chart.TRACK)
            if not row.applicable or row.readiness is None:
                text(chart.BAR_X + 6, mid + 4, cap["na"] if not row.applicable
                     else cap["no_score"], chart.MUTED)
            else:
                rect(chart.BAR_X, bar_y, chart.BAR_W * row.readiness / 100, 14,
                     chart.readiness_colour(row.readiness))
                text(chart.BAR_X + chart.BAR_W + 6, mid + 4, str(row.readiness), chart.TEXT)
            if row.applicable:
                for k in range(1, len(EXPOSURE_LEVELS)):
                    filled = k <= row.exposure_rank
                    rect(chart.EXPO_X + (k - 1) * 12, bar_y, 10, 14,
                         chart.EXPOSURE_COLOURS[row.exposure] if filled else chart.TRACK)
                text(chart.EXPO_X + 4 * 12 + 6, mid + 4, chart.exposure_text(row, mode),
                     chart.TEXT)
    finally:
        painter.end()
    return image
