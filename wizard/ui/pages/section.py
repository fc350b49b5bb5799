"""A page of questions: one section of a pack. Its question widgets are built a few at a time
while the program is idle (or at once when the page is shown first); afterwards every answer
change re-asks the core which questions show."""

from __future__ import annotations

import time
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel

from wizard.ui import lang, style
from wizard.ui.pages.base import BasePage


class SectionPage(BasePage):
    def __init__(self, wizard, pack, section, first_of_pack: bool, parent=None) -> None:
        super().__init__(wizard, parent)
        self.pack = pack
        self.section = section
        self.first_of_pack = first_of_pack
        self.blocks: dict[str, "QuestionBlock"] = {}  # noqa: F821 - built lazily
        self.intro: Optional[QLabel] = None
        self.built = False
        self.retranslate()

    def qids(self) -> list[str]:
        return [f"{self.pack.id}.{q.id}" for q in self.section.questions]

    def ensure_built(self) -> None:
        while not self.build_some(None):
            pass

    def build_some(self, budget_s: Optional[float] = 0.008) -> bool:
        """Build question blocks until ``budget_s`` seconds have passed (``None``: all of
        them); True once the page is complete. Lets the wizard build pages while idle."""
        if self.built:
            return True
        from wizard.ui.question_block import QuestionBlock

        start = time.perf_counter()
        if self.first_of_pack and self.intro is None:
            self.intro = QLabel(self.body)
            style.look(self.intro, "packIntro")
            self.intro.setWordWrap(True)
            self.intro.setTextFormat(Qt.TextFormat.RichText)
            self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.intro.setText(lang.pick_html(self.pack.intro))
            self.intro.setAccessibleName(lang.pick(self.pack.title, " / "))
            self.body_layout.addWidget(self.intro)
        questions = self.session.content.questions
        state = self.session.state
        for qid in self.qids():
            if qid in self.blocks:
                continue
            block = QuestionBlock(questions[qid], self.session, self.body)
            line = QFrame(self.body)
            line.setFrameShape(QFrame.Shape.HLine)
            style.look(line, "questionRule")
            block.rule = line
            block.refresh(state)
            line.setVisible(not block.isHidden())
            self.blocks[qid] = block
            self.body_layout.addWidget(block)
            self.body_layout.addWidget(line)
            if budget_s is not None and time.perf_counter() - start > budget_s:
                return False
        self.body_layout.addStretch(1)
        self.built = True
        return True

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        self.ensure_built()
        self.refresh()
        if self.scroll is not None:
            self.scroll.verticalScrollBar().setValue(0)

    def refresh(self) -> None:
        state = self.session.state
        for block in self.blocks.values():
            block.refresh(state)
            if block.rule.isHidden() != block.isHidden():
                block.rule.setVisible(not block.isHidden())
        self.update_steps(self.pack.title,
                          self.session.pack_progress(self.pack.id))

    def load(self) -> None:
        for block in self.blocks.values():
            block.load()

    def block(self, qid: str):
        self.ensure_built()
        return self.blocks.get(qid)

    def first_visible_block(self):
        for block in self.blocks.values():
            if self.session.state.is_visible(block.qid):
                return block
        return None

    def retranslate(self) -> None:
        self.set_heading(f"{lang.pick(self.pack.title, ' / ')} \u2014 "
                         f"{lang.pick(self.section.title, ' / ')}")
        if self.intro is not None:
            self.intro.setText(lang.pick_html(self.pack.intro))
            self.intro.setAccessibleName(lang.pick(self.pack.title, " / "))
        for block in self.blocks.values():
            block.retranslate()
        if self.built:
            self.refresh()
