"""The results page says which day rule statuses are for, re-checks them as of today on
request, and warns prominently when the content is out of date (issue 13)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.gui.conftest import answer_all
from wizard.ui.readiness_wizard import PageId

A100 = {"profile.activities": ["chips"], "profile.customer_hq": ["CN", "SG"],
        "chips.sells": "yes", "chips.tops": 312, "chips.bits": 16, "chips.die_area": 826}


def _results(window):
    assert window.wizard.go_to(PageId.RESULTS)
    return window.wizard.currentPage()


def test_out_of_date_content_is_said_above_everything(make_window, qtbot, tmp_path):
    window = make_window()
    answer_all(window, A100)
    window.session.set_meta(date="2027-09-01")         # after the test packs' review-by date
    page = _results(window)
    assert page.age.isVisible()
    assert page.report.content.age.stale
    assert page.age.text() == page.report.content.age.message["en"]
    assert "September 1, 2027" in page.day_line.text()
    page.grab().save(str(tmp_path / "results-stale.png"))


def test_fresh_content_shows_no_warning_and_statuses_can_be_checked_as_of_today(make_window,
                                                                              qtbot):
    window = make_window()
    answer_all(window, A100)
    window.session.set_meta(date="2026-11-23")
    page = _results(window)
    assert not page.age.isVisible()
    assert page.report.evaluation.basis == "assessment"
    assert "November 23, 2026" in page.day_line.text()
    assert page.day_button.isVisible()
    qtbot.mouseClick(page.day_button, Qt.MouseButton.LeftButton)
    assert page.report.evaluation == page.report.evaluation.__class__(
        dt.date.today().isoformat(), "option")
    assert window.session.evaluation_day == dt.date.today()
    qtbot.mouseClick(page.day_button, Qt.MouseButton.LeftButton)
    assert page.report.evaluation.basis == "assessment"
    assert window.session.evaluation_day is None
