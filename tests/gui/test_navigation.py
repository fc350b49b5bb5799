"""Pages, skip logic and progress, driven through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import A100, answer_all
from wizard.ui.readiness_wizard import PageId


def _section_id(window, pack, section):
    return window.wizard.sections[(pack, section)]


def _walk(window) -> list[int]:
    wizard = window.wizard
    wizard.restart()
    seen = [wizard.currentId()]
    while wizard.nextId() != -1:
        wizard.next()
        seen.append(wizard.currentId())
    return seen


def test_profile_answer_makes_the_area_page_appear(make_window, qtbot):
    window = make_window()
    chips = _section_id(window, "chips", "products")
    assert chips not in _walk(window)
    assert window.wizard.currentId() == PageId.EXPORT

    window.wizard.restart()
    window.wizard.go_to(_section_id(window, "profile", "business"))
    block = window.wizard.currentPage().blocks["profile.activities"]
    block.editor.buttons["chips"].button.click()
    assert window.session.answer("profile.activities") == ["chips"]
    assert chips in window.wizard.path()
    assert chips in _walk(window)

    window.wizard.go_to(_section_id(window, "profile", "business"))
    block.editor.buttons["chips"].button.click()          # untick: the area goes again
    assert chips not in window.wizard.path()


def test_skip_logic_is_live_on_the_page(make_window):
    window = make_window()
    answer_all(window, {"profile.activities": ["chips"]})
    assert window.wizard.go_to(_section_id(window, "chips", "products"))
    page = window.wizard.currentPage()
    tops = page.blocks["chips.tops"]
    assert not tops.isVisible()
    page.blocks["chips.sells"].editor.buttons["yes"].button.click()
    assert tops.isVisible() and page.blocks["chips.chip_class"].isVisible()
    page.blocks["chips.sells"].editor.buttons["no"].button.click()
    assert not tops.isVisible()
    page.blocks["chips.sells"].editor.buttons["unsure"].button.click()
    assert window.session.answer("chips.sells") == "unsure"


def _step_counts(window) -> list[str]:
    """The "answered/shown" count of every step in the steps panel."""
    from wizard.ui.steps_panel import COUNT_ROLE

    items = [window.steps.list.item(i) for i in range(window.steps.list.count())]
    return [item.data(COUNT_ROLE) for item in items if item.data(COUNT_ROLE)]


def test_page_x_of_y_and_area_progress_follow_the_skip_logic(make_window):
    window = make_window()
    wizard = window.wizard
    wizard.go_to(_section_id(window, "profile", "business"))
    page = wizard.currentPage()
    total = len(wizard.path())
    assert f"Page 3 of {total}" in page.steps.text()
    assert "0 of 5 questions answered" in page.steps.text()
    page.blocks["profile.activities"].editor.buttons["chips"].button.click()
    assert f"Page 3 of {total + 1}" in page.steps.text()
    assert "1 of 5 questions answered" in page.steps.text()
    counts = _step_counts(window)
    assert "1/5" in counts and "0/1" in counts
    answer_all(window, {"chips.sells": "yes"})
    counts = _step_counts(window)
    assert "1/5" in counts, counts          # tops, bits, die area, kyc now shown


def test_steps_panel_jumps_to_an_area(make_window, qtbot):
    window = make_window()
    answer_all(window, {"profile.activities": ["chips"]})
    items = [window.steps.list.item(i) for i in range(window.steps.list.count())]
    chips = next(item for item in items if item.data(Qt.ItemDataRole.UserRole + 1) == "chips")
    window.steps.list.setCurrentItem(chips)
    window.steps.list.setFocus()
    qtbot.keyClick(window.steps.list, Qt.Key.Key_Return)
    assert window.wizard.currentId() == _section_id(window, "chips", "products")
    assert window.wizard.currentPage().blocks  # built on the way


def test_review_flags_and_jumps_back(make_window, qtbot):
    window = make_window()
    answer_all(window, {"profile.activities": ["chips"], "chips.sells": "unsure"})
    window.session.set_note("chips.sells", "ask the distributor")
    assert window.wizard.go_to(PageId.REVIEW)
    review = window.wizard.currentPage()
    assert review.unsure == {"chips.sells"}
    assert "profile.customer_hq" in review.unanswered
    items = {}
    for i in range(review.tree.topLevelItemCount()):
        top = review.tree.topLevelItem(i)
        for j in range(top.childCount()):
            child = top.child(j)
            items[child.data(0, Qt.ItemDataRole.UserRole + 1)] = child
    assert "Unsure" in items["chips.sells"].text(1)
    assert items["chips.sells"].text(2) == "ask the distributor"
    assert items["profile.customer_hq"].text(1) == "Not answered"
    review.tree.setCurrentItem(items["profile.customer_hq"])
    review.tree.setFocus()
    qtbot.keyClick(review.tree, Qt.Key.Key_Return)
    assert window.wizard.currentId() == _section_id(window, "profile", "business")
    block = window.wizard.currentPage().blocks["profile.customer_hq"]
    qtbot.waitUntil(lambda: block.isAncestorOf(window.focusWidget()))


def test_results_show_findings_checklist_and_plan(make_window):
    window = make_window()
    answer_all(window, A100)
    assert window.wizard.go_to(PageId.RESULTS)
    page = window.wizard.currentPage()
    assert page.finding_ids[0] == "hq_licence" and page.finding_ids[-1] == "remote_access_watch"
    html = page.findings.toPlainText()
    assert html.index("Headquarters rule") < html.index("Watch items: not obligations") \
        < html.index("Remote Access Security Act")
    assert "In force since January 15, 2025" in html and "15 CFR 744.23(a)(3)" in html
    assert "Because you answered" in html and "3A090.a" in html
    states = dict(page.checklist.states)
    assert states["profile.screening"] == "missing" and states["chips.kyc"] == "unanswered"
    assert [b.title for b in page.chart.bars] == ["Company profile", "Advanced chips"]
    assert page.chart.bars[1].exposure == "critical"
    assert page.plan_model.rowCount() == 3
