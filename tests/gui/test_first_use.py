"""A first-time user's laptop: the real questionnaires with an example company loaded, at
800x600, 1366x768 and 1920x1080, in Korean, English and bilingual mode. Nothing a user needs
may be out of reach or cut off:

1. the results overview shows every area (scrolling when the window is small), and its
   summary lines are whole;
2. the action plan's action text keeps a readable width and wraps;
3. no menu item, toolbar button, tab or button is elided or squeezed;
5. each area's count sits on its step's line in the steps panel, and bilingual mode says
   "does not apply" in both languages;
6. the review page says "Unsure" once and its rows wrap to show their whole text.

Every page is saved as a screenshot (``--screenshots DIR`` keeps them) to look at.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import (QAbstractButton, QApplication, QMenu, QPushButton,
                               QRadioButton, QScrollArea, QTabBar, QToolButton)

from tests.conftest import BUILTIN, EXAMPLES
from wizard.core.labels import label
from wizard.ui.readiness_wizard import PageId

SIZES = [(800, 600), (1366, 768), (1920, 1080)]
MODES = ["ko", "en", "both"]
EXAMPLE = EXAMPLES / "gpu_cloud_reseller.json"     # 6 areas, 3 apply, Unsure answers


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


@pytest.fixture
def shown(make_window, request):
    """The main window at ``size`` in ``mode`` with the example open."""
    size, mode = request.param
    window = make_window(file=EXAMPLE, packs=BUILTIN, size=size)
    window.set_language(mode)
    window.resize(*size)
    settle()
    return window, size, mode


def _in_window(widget, rect: QRect, window) -> QRect:
    return QRect(widget.mapTo(window, rect.topLeft()), rect.size())


def visible(widget, rect: QRect, window) -> bool:
    """Whether ``rect`` (in ``widget``'s coordinates) is inside every widget around it, i.e.
    not clipped away by a parent or hidden outside a scroll area's viewport."""
    if not widget.isVisible():
        return False
    target = _in_window(widget, rect, window)
    parent = widget.parentWidget()
    while parent is not None and parent is not window.parentWidget():
        if not _in_window(parent, parent.rect(), window).contains(target):
            return False
        if parent is window:
            break
        parent = parent.parentWidget()
    return True


def reveal(widget, rect: QRect) -> None:
    """Scroll every scroll area around ``widget`` so that ``rect`` comes into view, as a user
    would with the scroll bar."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            centre = widget.mapTo(parent.widget(), rect.center())
            parent.ensureVisible(centre.x(), centre.y(), rect.width() // 2 + 1,
                                 rect.height() // 2 + 1)
            settle()
        parent = parent.parentWidget()


def reachable(widget, rect: QRect, window) -> bool:
    reveal(widget, rect)
    return visible(widget, rect, window)


def results_tab(window, tab: int):
    """The results page, showing tab ``tab``."""
    assert window.wizard.go_to(PageId.RESULTS)
    page = window.wizard.currentPage()
    page.tabs.setCurrentIndex(tab)
    settle()
    return page


# -- 1. the results overview ------------------------------------------------------------------

def overview_problems(window) -> list[str]:
    page = results_tab(window, 0)
    problems = []
    report = window.session.report()
    if len(page.chart.bars) != len(report.areas):
        problems.append(f"chart has {len(page.chart.bars)} of {len(report.areas)} areas")
    needed = page.chart.sizeHint().height()
    if page.chart.height() < needed:
        problems.append(f"chart squeezed to {page.chart.height()} of {needed} px")
    step = 20
    for top in range(0, needed, step):        # every band of the chart, scrolled into view
        band = QRect(0, top, page.chart.width(), min(step, needed - top))
        if not reachable(page.chart, band, window):
            problems.append(f"chart rows at y={top}..{top + band.height()} cannot be seen")
            break
    summary = page.summary
    whole = summary.heightForWidth(summary.width())
    if summary.height() < whole:
        problems.append(f"summary lines cut: {summary.height()} of {whole} px")
    if not reachable(summary, summary.rect(), window):
        problems.append("summary lines cannot be seen")
    return problems


# -- 2. the action plan -----------------------------------------------------------------------

def plan_problems(window) -> list[str]:
    from wizard.ui.results.plan import ACTION

    page = results_tab(window, 3)
    table = page.plan
    problems = []
    readable = table.fontMetrics().horizontalAdvance("x") * 25
    if table.columnWidth(ACTION) < readable:
        problems.append(f"action column {table.columnWidth(ACTION)} px wide (< {readable})")
    for row in range(min(table.model().rowCount(), 5)):
        if table.rowHeight(row) < table.sizeHintForRow(row):
            problems.append(f"plan row {row} cut: {table.rowHeight(row)} of "
                            f"{table.sizeHintForRow(row)} px")
    total = sum(table.columnWidth(c) for c in range(table.model().columnCount()))
    if total > table.viewport().width() and (
            table.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            or table.horizontalScrollBar().maximum() <= 0):
        problems.append("the plan is wider than its view and cannot scroll sideways")
    page.tabs.setCurrentIndex(0)
    return problems


# -- 3. nothing elided ------------------------------------------------------------------------

def _menu_image(menu: QMenu, width: int) -> QImage:
    menu.setMinimumWidth(width)
    menu.popup(QPoint(0, 0))
    settle()
    image = menu.grab().toImage()
    menu.hide()
    menu.setMinimumWidth(0)
    return image


def _elided_items(menu: QMenu) -> list[str]:
    """Items whose text is drawn differently in the menu as sized than with ample room: the
    style elided them ("이 문항 …말")."""
    menu.popup(QPoint(0, 0))
    settle()
    natural = menu.width()
    tight = menu.grab().toImage()            # the menu as the user sees it
    items = []
    for action in menu.actions():
        if action.isSeparator() or not action.text():
            continue
        text, _tab, key = action.text().partition("\t")
        key = key or action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        items.append((text, key, menu.actionGeometry(action)))
    menu.hide()
    roomy = _menu_image(menu, natural + 300)
    bad = []
    # the text runs from the left; the shortcuts share a column at the right, which moves when
    # the menu is wider: compare all but that column
    column = max((menu.fontMetrics().horizontalAdvance(key) for _t, key, _r in items),
                 default=0)
    for text, key, rect in items:
        keep = rect.right() - (column + 30 if column else 10)
        for y in range(rect.top(), rect.bottom()):
            if any(tight.pixel(x, y) != roomy.pixel(x, y) for x in range(rect.left(), keep)):
                bad.append(text)
                break
    return bad


def _menus(window) -> list[QMenu]:
    found, todo = [], [a.menu() for a in window.menuBar().actions() if a.menu()]
    while todo:
        menu = todo.pop(0)
        menu.aboutToShow.emit()           # fill menus that are built when opened (recent)
        found.append(menu)
        todo += [a.menu() for a in menu.actions() if a.menu()]
    return found


def elision_problems(window) -> list[str]:
    problems = []
    for menu in _menus(window):
        problems += [f"menu item elided: {text!r}" for text in _elided_items(menu)]
    bar = window.menuBar()
    for action in bar.actions():
        if not bar.actionGeometry(action).intersects(bar.rect()):
            problems.append(f"menu {action.text()!r} does not fit the menu bar")
    toolbar = window.toolbar
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    if extension is not None and extension.isVisible():
        problems.append("the toolbar hides buttons behind its extension arrow")
    wizard = window.wizard
    for page_id in (PageId.RESULTS, PageId.EXPORT, PageId.REVIEW):
        assert wizard.go_to(page_id)
        settle()
        widgets = [w for w in window.findChildren(QAbstractButton) if w.isVisible()
                   and isinstance(w, (QPushButton, QRadioButton, QToolButton)) and w.text()]
        for widget in widgets:
            if widget.width() < widget.sizeHint().width():
                problems.append(f"{type(widget).__name__} {widget.text()!r} squeezed to "
                                f"{widget.width()} of {widget.sizeHint().width()} px")
        for tabs in window.findChildren(QTabBar):
            if not tabs.isVisible():
                continue
            for i in range(tabs.count()):
                rect, hint = tabs.tabRect(i), tabs.tabSizeHint(i)
                if rect.width() < hint.width() or rect.height() < hint.height() \
                        or not tabs.rect().contains(rect):
                    problems.append(f"tab {tabs.tabText(i)!r} cut: {rect.size()} of {hint}")
    return sorted(set(problems))


# -- 5. the steps panel -----------------------------------------------------------------------

def _count_line(panel, row: int) -> tuple[int, int]:
    """(line of the step's name the count is drawn on, 0 = first; lines of the name)."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from wizard.ui.wrapping import text_height

    view = panel.list
    item = view.item(row)
    index = view.indexFromItem(item)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    option.font = item.font()
    line = view.fontMetrics().lineSpacing()
    delegate = view.itemDelegate()
    if hasattr(delegate, "layout"):           # name and count laid out side by side
        name, count, _note = delegate.layout(option, index)
        return (count.top() - name.top()) // line, max(name.height() // line, 1)
    # a plain list item: the count is the end of the text, wrapped with it
    text = item.text()
    width = option.rect.width() - 8
    with_count = text_height(item.font(), width, text)
    without = text_height(item.font(), width, text.rsplit(" ", 1)[0].rstrip())
    return (with_count // line) - 1, without // line


def steps_problems(window, mode: str) -> list[str]:
    panel = window.steps
    settle()
    problems = []
    for row in range(panel.list.count()):
        item = panel.list.item(row)
        key = item.data(Qt.ItemDataRole.UserRole + 1)
        if not isinstance(key, str):
            continue
        pack = next(p for p in window.session.content.packs if p.id == key)
        answered, total = window.session.pack_progress(pack.id)
        shown = " ".join(str(item.data(role) or "") for role in
                         (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole + 2,
                          Qt.ItemDataRole.UserRole + 3))
        if item.flags() & Qt.ItemFlag.ItemIsEnabled:
            assert f"{answered}/{total}" in shown, shown
            line, lines = _count_line(panel, row)
            if line != 0:
                problems.append(f"step {key}: its count {answered}/{total} is on line "
                                f"{line + 1}, not on the step's first line")
        elif mode == "both" and not ("해당 없음" in shown and "does not apply" in shown):
            problems.append(f"step {key} does not say in both languages that it does not "
                            f"apply: {shown!r}")
    return problems


# -- 6. the review page -----------------------------------------------------------------------

def review_problems(window, mode: str) -> list[str]:
    from wizard.ui.wrapping import text_height

    wizard = window.wizard
    assert wizard.go_to(PageId.REVIEW)
    page = wizard.currentPage()
    settle()
    tree = page.tree
    problems = []
    unsure = {code: label("yes_no", "unsure", code) for code in ("ko", "en")}
    rows = 0
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            item = top.child(j)
            qid = item.data(0, Qt.ItemDataRole.UserRole + 1)
            answer = item.text(1)
            if qid in page.unsure:
                for code in ("ko", "en") if mode == "both" else ("en" if mode == "en" else "ko",):
                    if answer.count(unsure[code]) != 1:
                        problems.append(f"{qid}: {unsure[code]!r} said "
                                        f"{answer.count(unsure[code])} times in {answer!r}")
            if rows < 12:                    # the first rows: whole text shown, wrapped
                for column in range(3):
                    index = tree.indexFromItem(item, column)
                    rect = tree.visualRect(index)
                    needed = text_height(tree.font(), max(rect.width() - 8, 10),
                                         item.text(column))
                    if rect.height() < needed:
                        problems.append(f"{qid} column {column}: {rect.height()} of {needed} px "
                                        f"shown of {item.text(column)[:40]!r}")
            rows += 1
    return problems


# -- the test -----------------------------------------------------------------------------------

def shoot_every_page(window, folder, prefix: str) -> None:
    wizard = window.wizard
    wizard.restart()
    number = 0
    while True:
        settle()
        page = wizard.currentPage()
        kind = type(page).__name__.replace("Page", "").lower()
        if kind == "section":
            kind = f"{page.pack.id}-{page.section.id}"
        assert window.grab().save(str(folder / f"{prefix}-{number:02d}-{kind}.png"))
        if wizard.currentId() == PageId.RESULTS:
            for tab in range(1, page.tabs.count()):
                page.tabs.setCurrentIndex(tab)
                settle()
                assert window.grab().save(str(folder / f"{prefix}-{number:02d}-{kind}-"
                                                       f"tab{tab}.png"))
            page.tabs.setCurrentIndex(0)
        number += 1
        if wizard.nextId() == -1:
            return
        wizard.next()


@pytest.mark.slow
@pytest.mark.parametrize("shown", [(s, m) for s in SIZES for m in MODES], indirect=True,
                         ids=[f"{s[0]}x{s[1]}-{m}" for s in SIZES for m in MODES])
def test_every_area_and_label_can_be_seen(shown, screenshots_dir):
    window, size, mode = shown
    problems = {
        "1 results overview": overview_problems(window),
        "2 action plan": plan_problems(window),
        "3 elided labels": elision_problems(window),
        "5 steps panel": steps_problems(window, mode),
        "6 review page": review_problems(window, mode),
    }
    shoot_every_page(window, screenshots_dir, f"first-use-{size[0]}x{size[1]}-{mode}")
    window.session.modified = False
    found = {item: lines for item, lines in problems.items() if lines}
    assert not found, "\n".join(f"{item}:\n  " + "\n  ".join(lines)
                                for item, lines in found.items())
