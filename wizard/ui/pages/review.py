"""Review: every question shown, with its answer; unanswered and unsure ones flagged (the core's
report lists them). Double-click or Enter on a question goes back to it. Rows wrap to show
their whole text (both languages in bilingual mode); the columns share the width."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem

from wizard.core.labels import label
from wizard.core.presenting import answer_text
from wizard.i18n import N_, NP_
from wizard.ui import lang
from wizard.ui.pages.base import BasePage
from wizard.ui.wrapping import WrapDelegate

TITLE = N_("Review your answers")
SUMMARY = NP_("{answered} of {count} question answered.",
              "{answered} of {count} questions answered.")
SUMMARY_UNANSWERED = NP_("{count} unanswered.", "{count} unanswered.")
SUMMARY_UNSURE = NP_("{count} answered Unsure (a question for counsel).",
                     "{count} answered Unsure (questions for counsel).")
HINT = N_("Double-click a question, or select it and press Enter, to change its answer.")
COLUMNS = (N_("Question"), N_("Answer"), N_("Note"))
UNANSWERED_STATE = "unanswered"
UNSURE = N_("Unsure: ask counsel")
AREA_COUNT = N_("{area} ({answered} of {total} answered)")
SHARES = (0.45, 0.35, 0.20)      # of the width: question, answer, note
TREE_NAME = N_("Answers by area")
QID_ROLE = Qt.ItemDataRole.UserRole + 1


class ReviewTree(QTreeWidget):
    """Enter activates the question and is not passed on to the wizard's Next button; the
    columns keep their shares of the width when the window is resized."""

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        width = self.viewport().width()
        for column, share in enumerate(SHARES[:-1]):
            self.setColumnWidth(column, int(width * share))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class ReviewPage(BasePage):
    scrolling = False

    def __init__(self, wizard, parent=None) -> None:
        super().__init__(wizard, parent)
        self.summary = QLabel(self.body)
        self.summary.setWordWrap(True)
        self.hint = QLabel(self.body)
        self.hint.setWordWrap(True)
        self.tree = ReviewTree(self.body)
        self.tree.setColumnCount(3)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.delegate = WrapDelegate.install(self.tree)
        self.tree.itemActivated.connect(self._activated)
        self.body_layout.addWidget(self.summary)
        self.body_layout.addWidget(self.hint)
        self.body_layout.addWidget(self.tree, 1)
        self.unanswered: set[str] = set()
        self.unsure: set[str] = set()
        self.retranslate()

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        self.populate()
        self.update_steps()
        self.tree.setFocus()

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        qid = item.data(0, QID_ROLE)
        if qid:
            self.wizard_.go_to_question(qid)

    def populate(self) -> None:
        session = self.session
        if session is None:
            return
        report = session.report()
        content = session.content
        self.unanswered = {item.question for item in report.unanswered}
        self.unsure = {item.question for item in report.unsure}
        current = self.tree.currentItem()
        current_qid = current.data(0, QID_ROLE) if current is not None else None
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        answered_total = total_total = 0
        restore = None
        for pack in content.packs:
            qids = [q for q in session.state.visible if content.questions[q].pack.id == pack.id]
            if not qids:
                continue
            answered, total = session.pack_progress(pack.id)
            answered_total += answered
            total_total += total
            top = QTreeWidgetItem([lang.ui(AREA_COUNT, area=lang.pick(pack.title, " / "),
                                           answered=answered, total=total), "", ""])
            top.setFont(0, bold)
            top.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(top)
            for qid in qids:
                item = self._item(qid, content)
                top.addChild(item)
                if qid == current_qid:
                    restore = item
            top.setExpanded(True)
        self.summary.setText(" ".join(lang.tr(message, answered=answered_total, count=count)
                                      for message, count in (
                                          (SUMMARY, total_total),
                                          (SUMMARY_UNANSWERED, len(self.unanswered)),
                                          (SUMMARY_UNSURE, len(self.unsure)))))
        self.summary.setAccessibleName(self.summary.text())
        if restore is not None:
            self.tree.setCurrentItem(restore)
        elif self.tree.topLevelItemCount():
            first = self.tree.topLevelItem(0)
            self.tree.setCurrentItem(first.child(0) if first.childCount() else first)

    def _item(self, qid: str, content) -> QTreeWidgetItem:
        info = content.questions[qid]
        value = self.session.state.values.get(qid)
        if value is None:
            answer = lang.pick({code: label("state", UNANSWERED_STATE, code)
                                for code in ("ko", "en")}, " / ")
        elif qid in self.unsure:             # "Unsure" said once, with what to do about it
            answer = lang.ui(UNSURE)
        else:
            answer = lang.pick(answer_text(content, qid, value), "\n")
        item = QTreeWidgetItem([lang.pick(info.question.text, "\n"), answer,
                                self.session.note(qid)])
        item.setData(0, QID_ROLE, qid)
        for column in range(3):
            item.setToolTip(column, item.text(column))
        if qid in self.unanswered:
            item.setForeground(1, QBrush(QColor("#a04000")))
            font = QFont(self.tree.font())
            font.setItalic(True)
            item.setFont(1, font)
        elif qid in self.unsure:
            item.setForeground(1, QBrush(QColor("#1f4fa0")))
            font = QFont(self.tree.font())
            font.setBold(True)
            item.setFont(1, font)
        return item

    def refresh(self) -> None:
        if self.wizard_.currentPage() is self:
            self.populate()
        self.update_steps()

    def retranslate(self) -> None:
        self.set_heading(lang.ui(TITLE))
        self.hint.setText(lang.ui_lines(HINT))
        self.tree.setHeaderLabels([lang.ui(c) for c in COLUMNS])
        self.tree.setAccessibleName(lang.tr(TREE_NAME))
        self.tree.setAccessibleDescription(lang.tr(HINT))
        if self.wizard_.currentPage() is self:
            self.populate()
        self.update_steps()
