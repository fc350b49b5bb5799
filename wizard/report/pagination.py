"""Keeping table rows whole on printed pages.

Qt's text layout ignores ``page-break-inside: avoid``: a checklist or action-plan row that
reaches the bottom of a page is cut between its lines, its Korean text on one page and its
English text (without its state or owner) on the next. ``keep_rows_together(doc, page_h)``
looks at the laid-out document and, for a body row that would be cut and is shorter than half
a page, lets the row above it grow to the bottom of the page (extra bottom padding in its
cells), so the row starts on the next page under the repeated header; when it is the table's
first row, the table starts on the next page with the heading just above it.

Every move shifts what follows, so rows are moved one at a time and the document laid out
again; but a section that starts on a new page (``page-break-before``) is laid out the same
whatever happens before it, so one row per section moves in each round. It can be run again
after a page size change: it first takes back what it added before.
"""

from __future__ import annotations

from bisect import bisect_right

# the cell's own bottom padding before we changed it (a user property of the cell format), and
# the mark of a page break we added before a heading or a table
_ORIGINAL_PADDING = 0x100000 + 17
_ADDED_BREAK = 0x100000 + 18
MAX_SHARE = 0.5        # rows taller than this share of a page are left to split
MAX_ROUNDS = 200       # a bound on the work for absurd documents
MAX_TRIES = 3          # a row still cut after this many moves is left as it is


def keep_rows_together(doc, page_h: float) -> int:
    """Move rows that would be cut across a page break to the next page; returns how many."""
    from PySide6.QtGui import QTextCursor

    tables = _tables(doc.rootFrame())
    if not tables:
        return 0
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    try:
        for table in tables:
            _restore(table)
        _remove_breaks(doc)
    finally:
        cursor.endEditBlock()
    breaks = _forced_breaks(doc)
    section = {id(table): bisect_right(breaks, table.firstPosition()) for table in tables}
    layout = doc.documentLayout()
    bottom_margin = doc.rootFrame().frameFormat().bottomMargin()
    tries: dict[tuple[int, int], int] = {}
    moved = 0
    for _round in range(MAX_ROUNDS):
        moves = {}       # section -> (table, row, extra height for the row above or None)
        for table in tables:
            if section[id(table)] in moves:
                continue
            move = _first_cut(doc, layout, table, page_h, bottom_margin, tries)
            if move is not None:
                moves[section[id(table)]] = move
        if not moves:
            break
        cursor.beginEditBlock()          # one layout for the round
        try:
            for table, row, extra in moves.values():
                key = (id(table), row)
                moved += key not in tries
                tries[key] = tries.get(key, 0) + 1
                if extra is None:
                    _break_before(doc, table)
                else:
                    _grow(table, row - 1, extra)
        finally:
            cursor.endEditBlock()
    return moved


def _first_cut(doc, layout, table, page_h: float, bottom_margin: float, tries: dict):
    """(table, row, extra height for the row above) for the first row of ``table`` that is
    cut by a page break, or None. The row above grows just past the end of the page's text
    area (not into the margin, or Qt would carry the rest of the growth to the next page)."""
    first = table.format().headerRowCount()
    for row in range(first, table.rows()):
        top, bottom = _extent(doc, layout, table, row)
        page = int(top // page_h)
        if bottom - top < page_h * MAX_SHARE and int((bottom - 1) // page_h) != page \
                and tries.get((id(table), row), 0) < MAX_TRIES:
            if row == first:        # nothing above it in the table to grow: move the table
                return table, row, None
            text_end = (page + 1) * page_h - bottom_margin
            return table, row, max(1.0, text_end - top + 1)
    return None


def _break_before(doc, table) -> None:
    """Start ``table`` on a new page, with the heading just above it if there is one."""
    from PySide6.QtGui import QTextCursor, QTextFormat

    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    heading = None
    block = doc.findBlock(table.firstPosition() - 1)
    while block.isValid() and (block.blockFormat().headingLevel() > 0 or not block.text()):
        if block.text():
            heading = block
        block = block.previous()
    if heading is not None:
        fmt = heading.blockFormat()
        fmt.setPageBreakPolicy(fmt.pageBreakPolicy() | always)
        fmt.setProperty(_ADDED_BREAK, True)
        QTextCursor(heading).setBlockFormat(fmt)
    else:
        fmt = table.format()
        fmt.setPageBreakPolicy(fmt.pageBreakPolicy() | always)
        fmt.setProperty(_ADDED_BREAK, True)
        table.setFormat(fmt)


def _remove_breaks(doc) -> None:
    from PySide6.QtGui import QTextCursor, QTextFormat

    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.hasProperty(_ADDED_BREAK):
            fmt.setPageBreakPolicy(fmt.pageBreakPolicy() & ~always)
            fmt.clearProperty(_ADDED_BREAK)
            QTextCursor(block).setBlockFormat(fmt)
        block = block.next()
    for table in _tables(doc.rootFrame()):
        fmt = table.format()
        if fmt.hasProperty(_ADDED_BREAK):
            fmt.setPageBreakPolicy(fmt.pageBreakPolicy() & ~always)
            fmt.clearProperty(_ADDED_BREAK)
            table.setFormat(fmt)


def _tables(frame) -> list:
    from PySide6.QtGui import QTextTable

    found = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        found.extend(_tables(child))
    return found


def _forced_breaks(doc) -> list[int]:
    """Positions of the blocks that always start a new page."""
    from PySide6.QtGui import QTextFormat

    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    found = []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().pageBreakPolicy() & always:
            found.append(block.position())
        block = block.next()
    return found


def _extent(doc, layout, table, row: int) -> tuple[float, float]:
    """Top of the first line and bottom of the last line of a row's text."""
    top, bottom = float("inf"), 0.0
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if not cell.isValid() or cell.row() != row:
            continue
        first = layout.blockBoundingRect(doc.findBlock(cell.firstPosition()))
        last = layout.blockBoundingRect(doc.findBlock(max(cell.firstPosition(),
                                                          cell.lastPosition() - 1)))
        top, bottom = min(top, first.top()), max(bottom, last.bottom())
    return top, bottom


def _grow(table, row: int, extra: float) -> None:
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if not cell.isValid() or cell.row() != row:
            continue
        fmt = cell.format().toTableCellFormat()
        if not fmt.hasProperty(_ORIGINAL_PADDING):
            fmt.setProperty(_ORIGINAL_PADDING, fmt.bottomPadding())
        fmt.setBottomPadding(fmt.bottomPadding() + extra)
        cell.setFormat(fmt)


def _restore(table) -> None:
    for row in range(table.rows()):
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            fmt = cell.format().toTableCellFormat()
            if cell.isValid() and fmt.hasProperty(_ORIGINAL_PADDING):
                fmt.setBottomPadding(fmt.doubleProperty(_ORIGINAL_PADDING))
                fmt.clearProperty(_ORIGINAL_PADDING)
                cell.setFormat(fmt)
