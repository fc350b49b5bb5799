"""What every wizard page shares: a header (title, "Page X of Y", progress of its area) and a
body, in a scroll area when the page can grow long."""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFrame, QLabel, QProgressBar, QScrollArea, QVBoxLayout, QWidget,
                               QWizardPage)

from wizard.i18n import N_, NP_, translate
from wizard.ui import lang, style

PAGE_OF = N_("Page {number} of {total}")
READABLE_WIDTH = 140     # a scrolling page's text is at most this many "x" wide (about 1,000 px)
AREA_PROGRESS = NP_("{area}: {answered} of {count} question answered",
                    "{area}: {answered} of {count} questions answered")
PROGRESS_NAME = N_("Progress of this area")


class BasePage(QWizardPage):
    """A page with a header; subclasses fill ``self.body`` and implement ``retranslate``."""

    scrolling = True

    def __init__(self, wizard, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.wizard_ = wizard
        self.heading = QLabel(self)
        style.look(self.heading, "pageHeading")
        self.heading.setWordWrap(True)
        self.steps = QLabel(self)
        style.look(self.steps, "pageSteps")
        self.steps.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addWidget(self.heading)
        outer.addWidget(self.steps)
        outer.addWidget(self.progress)
        self.body = QWidget()
        self.body.setObjectName("pageBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 6, 6, 6)
        if self.scrolling:
            # on a very wide window the text keeps a readable line length, centred
            self.body.setMaximumWidth(self.fontMetrics().horizontalAdvance("x") * READABLE_WIDTH)
            self.scroll = QScrollArea(self)
            self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.scroll.setWidgetResizable(True)
            self.scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.scroll.setWidget(self.body)
            outer.addWidget(self.scroll, 1)
        else:
            self.scroll = None
            outer.addWidget(self.body, 1)

    @property
    def session(self):
        return self.wizard_.session

    def set_heading(self, text: str) -> None:
        self.heading.setText(text)
        self.heading.setAccessibleName(text)

    def update_steps(self, area=None, progress: Optional[tuple[int, int]] = None) -> None:
        """"Page X of Y", and for an area (its ``{ko, en}`` title) its progress; bilingual
        mode gives the Korean line, then the English one."""
        number, total = self.wizard_.page_number(self)

        def line(code: str) -> str:
            text = translate(PAGE_OF, code, number=number, total=total) if total else ""
            if area is not None and progress is not None:
                text += " \u00b7 " + translate(AREA_PROGRESS, code, area=area.get(code),
                                               answered=progress[0], count=progress[1])
            return text

        text = lang.each(line)
        if area is not None and progress is not None:
            answered, shown = progress
            self.progress.setRange(0, max(shown, 1))
            self.progress.setValue(answered)
            self.progress.setAccessibleName(lang.tr(PROGRESS_NAME))
            self.progress.show()
        else:
            self.progress.hide()
        self.steps.setText(text)
        self.steps.setAccessibleName(text)

    def retranslate(self) -> None:
        """Re-read every text in the display language."""

    def refresh(self) -> None:
        """The answers changed: update what is shown (visibility, counts)."""
        self.update_steps()

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        self.refresh()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt naming
        """Going back keeps the answers (they live in the session, not in fields)."""
