""""What changed for this company": shown first when an assessment is opened under content (or
on a day) that changes what it says (``wizard.core.content_changes``), with a button that
takes the user to the new questions and a bar to step through them."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton,
                               QTextBrowser, QVBoxLayout, QWidget)

from wizard.i18n import N_, NP_, translate
from wizard.report.changes import TITLE, render_html
from wizard.ui import lang

GO = NP_("&Go to {count} new question", "&Go to {count} new questions")
LATER = N_("&Continue")
TODAY = N_("The results now show rule statuses as of today; the Results page can switch back "
           "to the assessment's date.")
NEXT = N_("&Next new question")
STEP = N_("New question {number} of {total}")
DONE = N_("&Done")


class ChangesDialog(QDialog):
    """The list, and what to do next. ``go`` is set when the user chose the new questions."""

    def __init__(self, changes, switched_day: bool, parent=None) -> None:
        super().__init__(parent)
        self.changes = changes
        self.go = False
        self.setWindowTitle(lang.ui(TITLE))
        self.setObjectName("changesDialog")
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(lang.tr(TITLE))
        parts = []
        for code in lang.langs():
            body = render_html(changes, code)
            if switched_day:
                body += f"<p><i>{html.escape(translate(TODAY, code))}</i></p>"
            parts.append(f"<h2>{html.escape(translate(TITLE, code))}</h2>{body}")
        self.view.setHtml("<hr>".join(parts))
        self.buttons = QDialogButtonBox(self)
        self.later = self.buttons.addButton(lang.ui(LATER),
                                            QDialogButtonBox.ButtonRole.RejectRole)
        self.go_button = None
        count = len(changes.new_questions)
        if count:
            self.go_button = self.buttons.addButton(lang.ui(GO, count=count),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
            self.go_button.setDefault(True)
            self.go_button.clicked.connect(self._go)
        self.later.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        screen = parent.screen().availableGeometry() if parent and parent.screen() else None
        width, height = 720, 560
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    def _go(self) -> None:
        self.go = True
        self.accept()


class QuestionStepper(QWidget):
    """A bar above the wizard: "New question 2 of 3", Next, Done."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.qids: list[str] = []
        self.index = 0
        self.setObjectName("questionStepper")
        self.label = QLabel(self)
        self.next_button = QPushButton(self)
        self.done_button = QPushButton(self)
        self.next_button.clicked.connect(self.step)
        self.done_button.clicked.connect(self.finish)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.next_button)
        row.addWidget(self.done_button)
        self.setStyleSheet("#questionStepper { background: #fff4d6; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.hide()

    def start(self, qids: list[str]) -> None:
        self.qids, self.index = list(qids), 0
        self.show()
        self._show_current()

    def step(self) -> None:
        if self.index + 1 < len(self.qids):
            self.index += 1
            self._show_current()
        else:
            self.finish()

    def finish(self) -> None:
        self.qids = []
        self.hide()

    def _show_current(self) -> None:
        self.retranslate()
        self.window.wizard.go_to_question(self.qids[self.index])

    def retranslate(self) -> None:
        if not self.qids:
            return
        self.label.setText(lang.ui(STEP, number=self.index + 1, total=len(self.qids)))
        self.next_button.setText(lang.ui(NEXT))
        self.next_button.setEnabled(self.index + 1 < len(self.qids))
        self.done_button.setText(lang.ui(DONE))


def show_changes(window, changes) -> ChangesDialog:
    """Show the list for the assessment just opened (window-modal, returns at once); when the
    list reads statuses on another day than the results would, the results follow it."""
    from wizard.core.engine import evaluation_day

    session = window.session
    switched = changes.recorded is not None and \
        changes.on != evaluation_day(session.assessment, session.evaluation_day).date
    if switched:
        session.set_evaluation_day(dt.date.fromisoformat(changes.on))
    dialog = ChangesDialog(changes, switched, window)

    def closed(_result: int) -> None:
        if dialog.go and changes.new_questions:
            window.stepper.start([q.qid for q in changes.new_questions])
        dialog.deleteLater()

    dialog.finished.connect(closed)
    window.changes_dialog = dialog
    dialog.open()
    return dialog

