"""Text that wraps inside item views (the steps panel, the review tree, the action plan), so
that no row is cut off with "...".

Qt's item views size a row from its delegate's ``sizeHint``, which does not know the width a
column really has; and ``Qt.TextWordWrap`` never breaks a word longer than the line, which
Korean compounds such as the cloud area's name ("cloud·GPU" written as one word) are in a
narrow panel. Here the height is measured at
the column's width with ``QTextLayout`` (word boundaries first, anywhere if a word does not
fit), and the text is drawn the same way, so measuring and drawing agree.

* ``text_height(font, width, text)`` and ``draw_text(painter, rect, text)``;
* ``WrapDelegate``: a delegate for tree and table views whose rows grow to show all their
  text at the column widths (the view must re-lay out its rows when a column is resized:
  ``WrapDelegate.install(view)`` does both).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import (QAbstractItemView, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QTreeView)

PADDING = 3          # above and below the text inside a cell, in pixels
SIDE = 4             # left and right of it (a cell's text is never wider than its width - 8)


def _option() -> QTextOption:
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


def _lines(font: QFont, width: float, text: str) -> list[tuple[QTextLayout, float]]:
    """One laid-out QTextLayout per paragraph, with its height."""
    layouts = []
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(_option())
        layout.beginLayout()
        height = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 1.0))
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        layouts.append((layout, height or QFontMetrics(font).height()))
    return layouts


def text_height(font: QFont, width: float, text: str) -> int:
    """The height ``text`` needs when wrapped at ``width`` pixels."""
    if not text:
        return 0
    return int(sum(height for _layout, height in _lines(font, width, text)) + 0.999)


def draw_text(painter, rect: QRect, text: str) -> None:
    """Draw ``text`` wrapped inside ``rect`` (top-left aligned) with the painter's font/pen."""
    top = float(rect.top())
    for layout, height in _lines(painter.font(), rect.width(), text):
        layout.draw(painter, QPointF(rect.left(), top))
        top += height


def _cell_width(view, index) -> int:
    width = view.columnWidth(index.column())
    if isinstance(view, QTreeView) and index.column() == 0:
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        width -= view.indentation() * (depth + (1 if view.rootIsDecorated() else 0))
    return width


class WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the columns' current widths."""

    @classmethod
    def install(cls, view: QAbstractItemView) -> "WrapDelegate":
        delegate = cls(view)
        view.setItemDelegate(delegate)
        view.setWordWrap(True)
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        header.sectionResized.connect(lambda *_: delegate.relayout())
        return delegate

    def relayout(self) -> None:
        view = self.parent()
        if isinstance(view, QTreeView):
            view.scheduleDelayedItemsLayout()
        else:
            view.resizeRowsToContents()

    def _text_rect(self, option: QStyleOptionViewItem) -> QRect:
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return option.rect.adjusted(SIDE, PADDING, -SIDE, -PADDING)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
        return rect.adjusted(SIDE, PADDING, -SIDE, -PADDING)

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt naming
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = self.parent()
        width = _cell_width(view, index)
        opt.rect = QRect(0, 0, max(width, 20), 10_000)
        text_w = self._text_rect(opt).width()
        height = max(text_height(opt.font, text_w, opt.text),
                     QFontMetrics(opt.font).height())
        return QSize(width, height + 2 * PADDING + 2)

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:            # background, selection, focus and icon
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(opt.font)
        if selected:
            painter.setPen(opt.palette.color(opt.palette.ColorRole.HighlightedText))
        else:
            brush = index.data(Qt.ItemDataRole.ForegroundRole)
            painter.setPen(brush.color() if brush is not None
                           else opt.palette.color(opt.palette.ColorRole.Text))
        draw_text(painter, self._text_rect(opt), text)
        painter.restore()

