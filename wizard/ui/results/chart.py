"""The per-area bar chart of the results page, drawn with QPainter: readiness (0-100) as a bar
and exposure as a coloured badge, for every area; areas that do not apply are greyed out.
It only draws the numbers the core computed (``ReportData.areas``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from wizard.i18n import N_
from wizard.ui import lang

READINESS = N_("Readiness")
EXPOSURE = N_("Exposure")
NOT_APPLICABLE = N_("Does not apply")
NO_SCORE = N_("No checklist items")
CHART_NAME = N_("Readiness and exposure by area")
ROW_TEXT = N_("{area}: readiness {readiness}, exposure {exposure}")

EXPOSURE_COLOURS = {"none": "#8a8f98", "low": "#2e7d32", "medium": "#b7791f",
                    "high": "#d35400", "critical": "#b00020"}


@dataclass(frozen=True)
class Bar:
    title: str
    applicable: bool
    readiness: Optional[int]
    exposure: str
    exposure_text: str


def readiness_colour(value: int) -> QColor:
    if value >= 70:
        return QColor("#2e7d32")
    if value >= 40:
        return QColor("#c98a00")
    return QColor("#c0392b")


class AreaChart(QWidget):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("areaChart")

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        rows = []
        for bar in bars:
            if not bar.applicable:
                rows.append(f"{bar.title}: {lang.ui(NOT_APPLICABLE)}")
            else:
                readiness = f"{bar.readiness}/100" if bar.readiness is not None \
                    else lang.ui(NO_SCORE)
                rows.append(lang.ui(ROW_TEXT, area=bar.title, readiness=readiness,
                                    exposure=bar.exposure_text))
        self.setAccessibleName(lang.ui(CHART_NAME))
        self.setAccessibleDescription("; ".join(rows))
        self.setToolTip("\n".join(rows))
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() * 2 + 6

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        header = self.fontMetrics().height() + 12
        return QSize(600, header + self._row_height() * max(len(self.bars), 1) + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(320, self.sizeHint().height())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        width = self.width()
        label_w = min(max(width * 0.32, 140.0), 320.0)
        badge_w = max(fm.horizontalAdvance(lang.ui(EXPOSURE)) + 16,
                      max((fm.horizontalAdvance(b.exposure_text) + 24 for b in self.bars),
                          default=80))
        bar_x = label_w + 12
        bar_w = max(width - bar_x - badge_w - 24, 60.0)
        header_h = fm.height() + 12
        small = QFont(self.font())
        small.setBold(True)
        painter.setFont(small)
        painter.setPen(QColor("#333"))
        painter.drawText(QRectF(bar_x, 0, bar_w, header_h), Qt.AlignmentFlag.AlignVCenter,
                         f"{lang.ui(READINESS)} (0\u2013100)")
        painter.drawText(QRectF(width - badge_w - 8, 0, badge_w, header_h),
                         Qt.AlignmentFlag.AlignCenter, lang.ui(EXPOSURE))
        painter.setFont(self.font())
        row_h = self._row_height()
        for i, bar in enumerate(self.bars):
            top = header_h + i * row_h
            muted = not bar.applicable
            painter.setPen(QColor("#8a8f98") if muted else QColor("#1a1a1a"))
            painter.drawText(QRectF(0, top, label_w, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, bar.title)
            track = QRectF(bar_x, top + row_h * 0.25, bar_w, row_h * 0.5)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#eceff3"))
            painter.drawRoundedRect(track, 4, 4)
            if bar.applicable and bar.readiness is not None:
                fill = QRectF(track)
                fill.setWidth(max(track.width() * bar.readiness / 100.0, 2.0))
                painter.setBrush(readiness_colour(bar.readiness))
                painter.drawRoundedRect(fill, 4, 4)
                text = f"{bar.readiness}"
                painter.setPen(QPen(QColor("#1a1a1a")))
                inside = fill.width() > fm.horizontalAdvance(text) + 12
                rect = QRectF(track.left() + 6, track.top(), track.width() - 12, track.height())
                if inside:
                    painter.setPen(QColor("white"))
                    rect = QRectF(fill.left(), fill.top(), fill.width() - 6, fill.height())
                    painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter
                                     | Qt.AlignmentFlag.AlignRight, text)
                else:
                    rect.setLeft(fill.right() + 6)
                    painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter, text)
            else:
                painter.setPen(QColor("#666"))
                note = lang.ui(NOT_APPLICABLE) if muted else lang.ui(NO_SCORE)
                painter.drawText(track.adjusted(8, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, note)
            if bar.applicable:
                badge = QRectF(width - badge_w - 8, top + row_h * 0.2, badge_w, row_h * 0.6)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(EXPOSURE_COLOURS.get(bar.exposure, "#8a8f98")))
                painter.drawRoundedRect(badge, 6, 6)
                painter.setPen(QColor("white"))
                painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, bar.exposure_text)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()
