"""Printed pages that read well: no table row cut in two, no heading alone at a page foot, no
page left nearly empty at the end of a section.

Qt's text layout ignores ``page-break-inside: avoid`` and ``page-break-after: avoid``.
``paginate(doc, page_h)`` looks at the laid-out document and moves content to the next page
where a reader would trip:

* a **cut row**: a body row that a page break would cut (its Korean text on one page, its
  English text and its state on the next) and that is shorter than half a page starts on the
  next page under the repeated header: the row above it grows to the bottom of the page (extra
  bottom padding in its cells); when it is the table's first row, the table starts on the next
  page with the heading just above it;
* a **lonely heading**: a heading whose text is the last thing on its page (its section's first
  lines, or its table's first body row, are on the next) starts the next page, with the
  headings just above it;
* a **short tail**: the last page of a section holding only a line or a row or two (under
  ``MIN_TAIL`` of a page) takes the last heading, finding or rows of the page before with it,
  as long as that page stays at least ``MIN_FILL`` full.

Every move shifts what follows, so moves are made one at a time per section, the first place
in reading order first, and the document laid out again; what was moved further on in the
section is taken back first, as the shift may have made it wrong. A section that starts on a
new page (``page-break-before``) is laid out the same whatever happens before it, so each
section moves one thing per round. It can be run again after a page size change: it first
takes back what it added before.

``page_fill(doc, page_h)`` and ``lonely_headings(doc, page_h)`` describe the result (tests and
benchmarks use them).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from PySide6.QtGui import QTextCursor, QTextFormat, QTextTable

# the cell's own bottom padding before we changed it (a user property of the cell format), and
# the mark of a page break we added before a heading or a table
_ORIGINAL_PADDING = 0x100000 + 17
_ADDED_BREAK = 0x100000 + 18
MAX_SHARE = 0.5        # rows taller than this share of a page are left to split
MIN_FILL = 0.5         # a page that does not end its section is at least this full
MIN_TAIL = 0.15        # the last page of a section spanning pages holds at least this much
MAX_ROUNDS = 200       # a bound on the work for absurd documents
MAX_TRIES = 3          # a place still wrong after this many moves is left as it is


@dataclass(frozen=True)
class Page:
    """One printed page: how full its text area is (0-1), and whether it ends its section."""

    number: int
    fill: float
    ends_section: bool
    starts_section: bool


def paginate(doc, page_h: float) -> int:
    """Move cut rows, lonely headings and short tails to the next page; returns how many
    places were moved."""

    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    try:
        for table in _tables(doc.rootFrame()):
            _restore(table)
        _remove_breaks(doc)
    finally:
        cursor.endEditBlock()
    tries: dict[tuple, int] = {}
    breaks = _forced_breaks(doc)            # the sections: the same in every round
    headings = _View(doc, page_h, breaks).headings()      # formats change, positions do not
    moved = 0
    for _round in range(MAX_ROUNDS):
        view = _View(doc, page_h, breaks, headings)
        moves = {}                          # section -> the first move in reading order
        # short tails last: once rows and headings are settled (a tail is a section's end)
        for finders in ((view.cut_rows, view.lonely), (view.short_tails,)):
            for finder in finders:
                for section, move in finder(tries):
                    if section not in moves or move.at < moves[section].at:
                        moves[section] = move
            if moves:
                break
        if not moves:
            break
        cursor.beginEditBlock()          # one layout for the round
        try:
            for section, move in moves.items():
                end = view.breaks[section] if section < len(view.breaks) else 1 << 62
                _undo_between(doc, move.at, end)
                moved += move.key not in tries
                tries[move.key] = tries.get(move.key, 0) + 1
                move.apply(doc)
        finally:
            cursor.endEditBlock()
    return moved


def page_fill(doc, page_h: float) -> list[Page]:
    """How full each page's text area is, and which pages end (and start) a section."""
    return _View(doc, page_h).pages()


def cut_rows(doc, page_h: float) -> list[tuple[int, int]]:
    """(table position, row) of every row a page break cuts that ``paginate`` would move: rows
    shorter than ``MAX_SHARE`` of a page whose move leaves their page at least ``MIN_FILL``
    full (a finding that would leave a page nearly empty starts on it instead)."""
    view = _View(doc, page_h)
    return [move.key[1:] for _section, move in view.cut_rows({})]


def lonely_headings(doc, page_h: float) -> list[tuple[int, str]]:
    """(page, text) of every heading that is the last thing on its page."""
    view = _View(doc, page_h)
    return [(view.page_of(block) + 1, block.text()) for block in view.lonely_blocks()]


# -- the moves ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Move:
    key: tuple
    at: int = 0                     # where the problem is, in reading order
    table: object = None            # grow row ``row - 1`` of this table by ``extra`` ...
    row: int = 0
    extra: float = 0.0
    block_position: int = -1        # ... or start a new page at the block at this position ...
    whole_table: object = None      # ... or before this table (with the heading above it)

    def apply(self, doc) -> None:
        if self.whole_table is not None:
            _break_before_table(doc, self.whole_table)
        elif self.table is not None:
            _grow(self.table, self.row - 1, self.extra)
        else:
            _break_before_block(doc, doc.findBlock(self.block_position))


class _View:
    """The laid-out document as pages, sections, headings and table rows."""

    def __init__(self, doc, page_h: float, breaks: list[int] | None = None,
                 headings: list[tuple[int, int]] | None = None) -> None:
        self.doc = doc
        self._headings = headings
        self.page_h = page_h
        self.layout = doc.documentLayout()
        frame = doc.rootFrame().frameFormat()
        self.top_margin, self.bottom_margin = frame.topMargin(), frame.bottomMargin()
        self.text_h = page_h - self.top_margin - self.bottom_margin
        self.tables = _tables(doc.rootFrame())
        self.breaks = _forced_breaks(doc) if breaks is None else breaks
        self._rects: dict[int, object] = {}       # the layout does not change within a view
        self._extents: dict[tuple[int, int], tuple[float, float]] = {}

    # geometry
    def rect(self, block):
        position = block.position()
        if position not in self._rects:
            self._rects[position] = self.layout.blockBoundingRect(block)
        return self._rects[position]

    def extent(self, table, row: int) -> tuple[float, float]:
        key = (table.firstPosition(), row)
        if key not in self._extents:
            self._extents[key] = _extent(self.doc, self.layout, table, row)
        return self._extents[key]

    def page_of(self, block) -> int:
        return int(self.rect(block).top() // self.page_h)

    def section_of(self, position: int) -> int:
        return bisect_right(self.breaks, position)

    def used(self, page: int, top: float) -> float:
        """The share of ``page``'s text area above ``top`` (document y)."""
        return (top - page * self.page_h - self.top_margin) / self.text_h

    # cut rows
    def cut_rows(self, tries: dict):
        for table in self.tables:
            move = self._first_cut(table, tries)
            if move is not None:
                yield self.section_of(table.firstPosition()), move

    def _first_cut(self, table, tries: dict):
        first = table.format().headerRowCount()
        if table.rows() <= first:
            return None
        top, _ = self.extent(table, first)
        _, bottom = self.extent(table, table.rows() - 1)
        if int(top // self.page_h) == int((bottom - 1) // self.page_h):
            return None                      # all on one page: no row can be cut
        for row in range(first, table.rows()):
            top, bottom = self.extent(table, row)
            page = int(top // self.page_h)
            key = ("row", table.firstPosition(), row)
            if bottom - top < self.page_h * MAX_SHARE and int((bottom - 1) // self.page_h) != page \
                    and tries.get(key, 0) < MAX_TRIES:
                at = table.cellAt(row, 0).firstPosition()
                if row == first:     # nothing above it in the table to grow: move the table
                    start = self._table_start(table)
                    if self.used(page, start) < MIN_FILL:
                        continue     # it would leave the page nearly empty: let it run on
                    return _Move(key, at, whole_table=table)
                return _Move(key, at, table=table, row=row,
                             extra=self._to_page_end(page, top))
        return None

    def _table_start(self, table) -> float:
        """Where a table moved to the next page starts: at the heading just above it."""
        block = self.doc.findBlock(table.firstPosition() - 1)
        start = None
        while block.isValid() and (block.blockFormat().headingLevel() > 0 or not block.text()):
            if block.text():
                start = block
            block = block.previous()
        if start is not None:
            return self.rect(start).top()
        return self.extent(table, 0)[0]

    def _to_page_end(self, page: int, top: float) -> float:
        """How much a row ending at ``top`` must grow to push what follows to the next page:
        just past the end of the text area (not into the margin, or Qt would carry the rest of
        the growth to the next page)."""
        return max(1.0, (page + 1) * self.page_h - self.bottom_margin - top + 1)

    # lonely headings
    def headings(self) -> list[tuple[int, int]]:
        """(position, position of the text that follows) of every heading with text after it."""
        if self._headings is None:
            found = []
            block = self.doc.begin()
            while block.isValid():
                if block.blockFormat().headingLevel() > 0 and block.text().strip():
                    after = self._next_content(block)
                    if after is not None:
                        found.append((block.position(), after.position()))
                block = block.next()
            self._headings = found
        return self._headings

    def lonely_blocks(self):
        for position, after in self.headings():
            block = self.doc.findBlock(position)
            if self.page_of(self.doc.findBlock(after)) > self.page_of(block):
                yield block

    def _next_content(self, block):
        """The next block a reader reads after ``block``: not empty, not a heading (a heading
        group moves together) and not in a table's header row (a header repeats)."""

        block = block.next()
        while block.isValid():
            if block.text().strip() and block.blockFormat().headingLevel() == 0:
                table = QTextCursor(block).currentTable()
                if table is None or \
                        table.cellAt(block.position()).row() >= table.format().headerRowCount():
                    return block
            block = block.next()
        return None

    def lonely(self, tries: dict):
        done = set()
        for block in self.lonely_blocks():
            section = self.section_of(block.position())
            if section in done:
                continue
            start = self._group_start(block)
            key = ("heading", start.position())
            page = self.page_of(block)
            if tries.get(key, 0) < MAX_TRIES and self.used(page, self.rect(start).top()) \
                    >= MIN_FILL:
                done.add(section)
                yield section, self._break_move(key, start)

    def _group_start(self, block):
        """The first of the headings (and empty blocks) just above ``block``."""
        start, previous = block, block.previous()
        while previous.isValid() and (previous.blockFormat().headingLevel() > 0
                                      or not previous.text().strip()):
            if previous.text().strip():
                start = previous
            previous = previous.previous()
        return start

    def _break_move(self, key: tuple, block) -> _Move:
        table = QTextCursor(block).currentTable()
        if table is not None:             # a heading inside a finding's band: move the band
            return _Move(key, block.position(), whole_table=_outermost(table))
        return _Move(key, block.position(), block_position=block.position())

    # short tails
    def pages(self) -> list[Page]:
        count = max(self.doc.pageCount(), 1)
        bottoms = [0.0] * count
        block = self.doc.begin()
        while block.isValid():
            if block.text().strip():
                rect = self.rect(block)
                page = min(int(rect.top() // self.page_h), count - 1)
                bottoms[page] = max(bottoms[page], self.used(page, rect.bottom()))
            block = block.next()
        starts = {int(self.rect(self.doc.findBlock(p)).top() // self.page_h)
                  for p in self.breaks} | {0}
        return [Page(n + 1, max(0.0, bottoms[n]), n + 1 in starts or n == count - 1,
                     n in starts) for n in range(count)]

    def short_tails(self, tries: dict):
        pages = self.pages()
        for page in pages:
            index = page.number - 1
            if not page.ends_section or page.starts_section or page.fill >= MIN_TAIL:
                continue
            move = self._tail_move(index, page.fill, tries)
            if move is not None:
                yield self.section_of(self._first_position_on(index)), move

    def _first_position_on(self, page: int) -> int:
        block = self.doc.begin()
        while block.isValid():
            if block.text().strip() and self.page_of(block) >= page:
                return block.position()
            block = block.next()
        return self.doc.characterCount()

    def _tail_move(self, tail: int, fill: float, tries: dict):
        """The latest place on the page before ``tail`` that can start a new page and gives
        the tail at least ``MIN_TAIL``, leaving that page at least ``MIN_FILL`` full."""
        page = tail - 1
        page_end = (page + 1) * self.page_h - self.bottom_margin
        best = None
        for top, move in self._break_places(page):
            moved = (page_end - top) / self.text_h
            if self.used(page, top) >= MIN_FILL and fill + moved >= MIN_TAIL \
                    and fill + moved <= 1.0 and tries.get(move.key, 0) < MAX_TRIES:
                if best is None or top > best[0]:
                    best = (top, move)
        return best[1] if best else None

    @staticmethod
    def _starts_text(block) -> bool:
        """A paragraph, or the first item of a list, that no heading introduces (a heading
        moves with what follows it)."""
        items = block.textList()
        if items is not None and items.itemNumber(block) > 0:
            return False
        previous = block.previous()
        while previous.isValid() and not previous.text().strip():
            previous = previous.previous()
        return not (previous.isValid() and previous.blockFormat().headingLevel() > 0)

    def _break_places(self, page: int):
        """(top, move) of every place on ``page`` where a new page could start: a heading
        group, a paragraph or list, a table (a finding's band) or a table body row with a row
        above it."""

        block = self.doc.begin()
        while block.isValid():
            if block.text().strip() and self.page_of(block) == page:
                if block.blockFormat().headingLevel() > 0:
                    start = self._group_start(block)
                    yield self.rect(start).top(), self._break_move(("tail", start.position()),
                                                                   start)
                elif QTextCursor(block).currentTable() is None and self._starts_text(block):
                    yield self.rect(block).top(), _Move(("tail", block.position()),
                                                        block.position(),
                                                        block_position=block.position())
            block = block.next()
        for table in self.tables:
            outer = _outermost(table).firstPosition() == table.firstPosition()
            first = table.format().headerRowCount()
            for row in range(first, table.rows()):
                top, _bottom = self.extent(table, row)
                if int(top // self.page_h) != page:
                    continue
                key = ("tail-row", table.firstPosition(), row)
                at = table.cellAt(row, 0).firstPosition()
                if row > first:
                    yield top, _Move(key, at, table=table, row=row,
                                     extra=self._to_page_end(page, top))
                elif outer:           # the table's first row: the table moves, heading and all
                    yield top, _Move(key, at, whole_table=table)


# -- changing the document ----------------------------------------------------------------------

def _outermost(table):
    frame = table
    while frame.parentFrame() is not None and isinstance(frame.parentFrame(), QTextTable):
        frame = frame.parentFrame()
    return frame


def _break_before_table(doc, table) -> None:
    """Start ``table`` on a new page, with the heading just above it if there is one."""
    heading = None
    block = doc.findBlock(table.firstPosition() - 1)
    while block.isValid() and (block.blockFormat().headingLevel() > 0 or not block.text()):
        if block.text():
            heading = block
        block = block.previous()
    if heading is not None:
        _break_before_block(doc, heading)
    else:
        always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
        fmt = table.format()
        if not fmt.pageBreakPolicy() & always:       # never take over a break of the template
            fmt.setPageBreakPolicy(fmt.pageBreakPolicy() | always)
            fmt.setProperty(_ADDED_BREAK, True)
            table.setFormat(fmt)


def _break_before_block(doc, block) -> None:
    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    fmt = block.blockFormat()
    if fmt.pageBreakPolicy() & always:              # a section's own break: already there
        return
    fmt.setPageBreakPolicy(fmt.pageBreakPolicy() | always)
    fmt.setProperty(_ADDED_BREAK, True)
    QTextCursor(block).setBlockFormat(fmt)


def _undo_between(doc, low: int, high: int) -> None:
    """Take back what was added after position ``low`` and before ``high`` (the rest of a
    section): breaks before blocks and tables, grown rows."""

    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    block = doc.findBlock(low + 1)
    while block.isValid() and block.position() < high:
        fmt = block.blockFormat()
        if block.position() > low and fmt.hasProperty(_ADDED_BREAK):
            fmt.setPageBreakPolicy(fmt.pageBreakPolicy() & ~always)
            fmt.clearProperty(_ADDED_BREAK)
            QTextCursor(block).setBlockFormat(fmt)
        block = block.next()
    for table in _tables(doc.rootFrame()):
        if table.lastPosition() <= low or table.firstPosition() >= high:
            continue
        fmt = table.format()
        if table.firstPosition() > low and fmt.hasProperty(_ADDED_BREAK):
            fmt.setPageBreakPolicy(fmt.pageBreakPolicy() & ~always)
            fmt.clearProperty(_ADDED_BREAK)
            table.setFormat(fmt)
        _restore(table, after=low)


def _remove_breaks(doc) -> None:
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
    found = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        found.extend(_tables(child))
    return found


def _forced_breaks(doc) -> list[int]:
    """Positions of the blocks that always start a new page (the sections' own breaks)."""

    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    found = []
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.pageBreakPolicy() & always and not fmt.hasProperty(_ADDED_BREAK):
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


_UNSET = -1.0          # the cell had no padding of its own: the table's cellpadding applied


def _grow(table, row: int, extra: float) -> None:
    own = QTextFormat.Property.TableCellBottomPadding
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if not cell.isValid() or cell.row() != row:
            continue
        fmt = cell.format().toTableCellFormat()
        padding = fmt.bottomPadding() if fmt.hasProperty(own) else table.format().cellPadding()
        if not fmt.hasProperty(_ORIGINAL_PADDING):
            fmt.setProperty(_ORIGINAL_PADDING, fmt.bottomPadding() if fmt.hasProperty(own)
                            else _UNSET)
        fmt.setBottomPadding(padding + extra)
        cell.setFormat(fmt)


def _restore(table, after: int = -1) -> None:
    """Give the grown rows of ``table`` (those after position ``after``) their padding back."""

    for row in range(table.rows()):
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            fmt = cell.format().toTableCellFormat()
            if cell.isValid() and fmt.hasProperty(_ORIGINAL_PADDING) \
                    and cell.firstPosition() > after:
                original = fmt.doubleProperty(_ORIGINAL_PADDING)
                if original == _UNSET:
                    fmt.clearProperty(QTextFormat.Property.TableCellBottomPadding)
                else:
                    fmt.setBottomPadding(original)
                fmt.clearProperty(_ORIGINAL_PADDING)
                cell.setFormat(fmt)
