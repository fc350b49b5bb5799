"""The note under every question: a text field that grows from one line to a few as the note
gets longer (then scrolls), shows a long note from its start, and keeps Tab for moving on.

It replaces a one-line field, which showed only the tail of a long note."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy

MAX_LINES = 4            # the field grows up to this many lines, then scrolls


class NoteField(QPlainTextEdit):
    edited = Signal(str)      # the user changed the text (not set_text)

    def __init__(self, max_length: int, parent=None) -> None:
        super().__init__(parent)
        self.max_length = max_length
        self._setting = False
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.textChanged.connect(self._changed)
        self.document().documentLayout().documentSizeChanged.connect(lambda *_: self._fit())
        self._fit()

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        """Show ``text`` from its start (not a user edit)."""
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False
        self.moveCursor(self.textCursor().MoveOperation.Start)
        self._fit()

    def _changed(self) -> None:
        if self._setting:
            return
        text = self.toPlainText()
        if len(text) > self.max_length:          # as a one-line field's maxLength did
            cursor = self.textCursor()
            position = min(cursor.position(), self.max_length)
            self._setting = True
            try:
                self.setPlainText(text[:self.max_length])
            finally:
                self._setting = False
            cursor = self.textCursor()
            cursor.setPosition(position)
            self.setTextCursor(cursor)
            text = self.toPlainText()
        self.edited.emit(text)

    def lines_shown(self) -> int:
        """How many lines of text the field is tall enough for now."""
        return max(1, round((self.height() - self._chrome()) / self.fontMetrics().lineSpacing()))

    def _chrome(self) -> int:
        """Frame and margins around the lines of text, in pixels."""
        margins = self.contentsMargins()
        return int(margins.top() + margins.bottom() + 2 * self.document().documentMargin()) + 2

    def _fit(self) -> None:
        """As tall as the text (wrapped at the field's width), between 1 and MAX_LINES lines."""
        lines = 0
        block = self.document().begin()
        while block.isValid():
            lines += max(block.layout().lineCount(), 1)
            block = block.next()
        lines = min(max(lines, 1), MAX_LINES)
        height = lines * self.fontMetrics().lineSpacing() + self._chrome()
        if self.height() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._fit()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().focusOutEvent(event)
        self.verticalScrollBar().setValue(0)     # show the start of a long note again
