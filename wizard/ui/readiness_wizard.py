"""The QWizard: fixed pages with ids in an IntEnum, one page per section of every pack, and
``nextId()`` decided by asking the core which sections have questions to show now (a pack
that does not apply has none, so its pages are skipped).

The wizard is embedded in the main window (menus, toolbar, progress panel); Esc does not
close it and Finish asks the window to close (which offers to save).
"""

from __future__ import annotations

import time
from enum import IntEnum
from typing import Optional

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget, QWizard

from wizard.i18n import N_
from wizard.ui import lang
from wizard.ui.pages.welcome import WelcomePage

FINISH = N_("&Close")
# Qt's own button labels (QWizard's classic style), from Qt's translator; written by lang.qt_ui
# so that bilingual mode shows both languages on them too
QT_BUTTONS = ((QWizard.WizardButton.BackButton, "< &Back"),
              (QWizard.WizardButton.NextButton, "&Next >"))


class PageId(IntEnum):
    WELCOME = 0
    DETAILS = 1
    FIRST_SECTION = 100      # section pages: FIRST_SECTION + n in content order
    REVIEW = 9000
    RESULTS = 9001
    EXPORT = 9002


class ReadinessWizard(QWizard):
    finish_requested = Signal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setObjectName("readinessWizard")
        self.session = None
        self.host = None              # the main window (settings, dialogs), if any
        self.sections: dict[tuple[str, str], int] = {}
        self.setPage(PageId.WELCOME, WelcomePage(self))
        self.setStartId(PageId.WELCOME)
        self.currentIdChanged.connect(self._page_changed)
        self._name_buttons()

    def _name_buttons(self) -> None:
        for button, source in QT_BUTTONS:
            self.setButtonText(button, lang.qt_ui("QWizard", source))
        self.setButtonText(QWizard.WizardButton.FinishButton, lang.ui(FINISH))

    # -- building --------------------------------------------------------------------------
    def attach(self, session) -> None:
        """Build the pages for the loaded content (once)."""
        from wizard.ui.pages.details import DetailsPage
        from wizard.ui.pages.export import ExportPage
        from wizard.ui.pages.results import ResultsPage
        from wizard.ui.pages.review import ReviewPage
        from wizard.ui.pages.section import SectionPage

        self.session = session
        self.setPage(PageId.DETAILS, DetailsPage(self))
        number = int(PageId.FIRST_SECTION)
        for pack in session.content.packs:
            for index, section in enumerate(pack.sections):
                self.setPage(number, SectionPage(self, pack, section, index == 0))
                self.sections[(pack.id, section.id)] = number
                number += 1
        self.setPage(PageId.REVIEW, ReviewPage(self))
        self.setPage(PageId.RESULTS, ResultsPage(self))
        self.setPage(PageId.EXPORT, ExportPage(self))
        session.changed.connect(self._changed)
        session.reset.connect(self._reset)
        self.prebuild_timer = QTimer(self)
        self.prebuild_timer.setInterval(0)
        self.prebuild_timer.timeout.connect(self._prebuild_step)
        self.prebuild_timer.start()
        self.prebuild_seconds = 0.0
        self.page(PageId.WELCOME).retranslate()
        # QWizard decides Next or Finish when it switches pages: switch again now that the
        # welcome page has somewhere to go.
        self.restart()

    def _prebuild_step(self) -> None:
        """While idle, build the question widgets of the pages on the current path, a few
        milliseconds at a time, so that Next shows a ready page."""
        start = time.perf_counter()
        for pid in self.path():
            page = self.page(pid)
            if not getattr(page, "built", True):
                page.build_some()
                self.prebuild_seconds += time.perf_counter() - start
                return
        self.prebuild_timer.stop()

    @property
    def prebuilt(self) -> bool:
        return self.session is not None and not self.prebuild_timer.isActive()

    # -- navigation ------------------------------------------------------------------------
    def path(self) -> list[int]:
        """The pages a user walks through with the answers as they are now."""
        if self.session is None:
            return [PageId.WELCOME]
        shown = self.session.visible_sections()
        sections = [pid for key, pid in self.sections.items() if key in shown]
        return [PageId.WELCOME, PageId.DETAILS, *sections, PageId.REVIEW, PageId.RESULTS,
                PageId.EXPORT]

    def nextId(self) -> int:  # noqa: N802 - Qt naming
        current = self.currentId()
        later = [pid for pid in self.path() if pid > current]
        return int(later[0]) if later else -1

    def page_number(self, page) -> tuple[int, int]:
        path = self.path()
        if self.session is None:
            return 1, 0
        for pid in self.pageIds():
            if self.page(pid) is page:
                if pid in path:
                    return path.index(pid) + 1, len(path)
                return len([p for p in path if p < pid]) + 1, len(path)
        return 1, len(path)

    def go_to(self, target: int) -> bool:
        """Move to page ``target`` through Back or Next (pages keep their answers)."""
        target = int(target)
        if self.currentId() == target:
            return True
        if target in self.visitedIds():
            while self.currentId() != target and self.currentId() != self.startId():
                self.back()
            if self.currentId() == target:
                return True
        if target not in self.path():
            return False
        for _ in range(len(self.pageIds()) + 1):
            current = self.currentId()
            if current == target:
                return True
            if current > target:
                break
            self.next()
            if self.currentId() == current:
                break
        return self.currentId() == target

    def section_page(self, qid: str):
        info = self.session.content.questions[qid]
        pid = self.sections[(info.pack.id, info.section.id)]
        return pid, self.page(pid)

    def go_to_question(self, qid: str) -> bool:
        """Show the page of ``qid`` and put the keyboard focus on its answer."""
        pid, page = self.section_page(qid)
        if not self.go_to(pid):
            return False
        block = page.block(qid)
        if block is None:
            return False
        target = block.editor.focus_widget()

        def focus() -> None:
            if page.scroll is not None:
                page.scroll.ensureWidgetVisible(block, 0, 40)
            target.setFocus(Qt.FocusReason.OtherFocusReason)

        focus()
        QTimer.singleShot(0, focus)
        return True

    def current_block(self):
        """The question block holding the keyboard focus (or the first shown on the page)."""
        page = self.currentPage()
        blocks = getattr(page, "blocks", None)
        if not blocks:
            return None
        widget = self.focusWidget()
        while widget is not None:
            if widget in blocks.values():
                return widget
            widget = widget.parentWidget()
        return page.first_visible_block()

    # -- updates ---------------------------------------------------------------------------
    def _changed(self) -> None:
        if self.session is not None and not self.prebuild_timer.isActive():
            self.prebuild_timer.start()          # the path may have new pages to build
        for pid in self.pageIds():
            page = self.page(pid)
            if pid == self.currentId() or getattr(page, "built", False):
                page.refresh()

    def _reset(self) -> None:
        for pid in self.pageIds():
            page = self.page(pid)
            load = getattr(page, "load", None)
            if load is not None:
                load()
        self.restart()

    def _page_changed(self, _pid: int) -> None:
        page = self.currentPage()
        if page is not None:
            page.refresh()

    def retranslate(self) -> None:
        self._name_buttons()
        for pid in self.pageIds():
            self.page(pid).retranslate()

    # -- keys and closing ------------------------------------------------------------------
    def reject(self) -> None:
        """Esc: close the help of the current question instead of the wizard."""
        block = self.current_block()
        if block is not None and block.help_button.isChecked():
            block.help_button.setChecked(False)

    def accept(self) -> None:
        self.finish_requested.emit()

    def done(self, result: int) -> None:  # never hide the embedded wizard
        if result:
            self.finish_requested.emit()
