"""One question on a page: its text (glossary terms as a tooltip), the editor for its kind,
an inline message line, the help panel ("?" or F1: how to answer, why we ask, sources) and a
note field that grows to a few lines. The answer goes straight to the session (the core's assessment)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton,
                               QVBoxLayout, QWidget)

from wizard.core.assessment import MAX_NOTE
from wizard.core.evidence import key_for
from wizard.i18n import N_
from wizard.ui import lang, questions, style
from wizard.ui.glossary import terms_in, tooltip_html
from wizard.ui.note_field import NoteField

HELP_BUTTON = N_("Help and why we ask (F1)")
CLEAR_BUTTON = N_("Clear the answer")
CLEAR_TEXT = N_("Clear")
HOW = N_("How to answer")
WHY = N_("Why we ask")
SOURCES = N_("Sources")
TERMS = N_("Terms")
NOTE = N_("Optional: sources, who to ask, details for the report")
NOTE_LABEL = N_("Note:")
NOTE_NAME = N_("Note on: {question}")
CHECKLIST_TAG = N_("Readiness checklist item")
COMPUTED_TAG = N_("Computed from your answers")
HELP_NAME = N_("Help on: {question}")
EVIDENCE = N_("Evidence ({count})")
EVIDENCE_TIP = N_("Files and references that support this answer or action")
EVIDENCE_NAME = N_("Evidence for: {question}")


class QuestionBlock(QFrame):
    def __init__(self, info, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.qid = info.qid
        self.session = session
        self.setObjectName("questionBlock")
        self.setFrameShape(QFrame.Shape.NoFrame)
        question = info.question

        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        style.look(self.text, "questionText")
        self.tag = QLabel(self)
        style.look(self.tag, "questionTag")
        self.editor = questions.create(info, session, self)
        self.known = session.answer(info.qid)   # the answer the editor shows
        self.editing = False
        self.editor.edited.connect(self._edited)
        self.editor.message.connect(self._message)
        self.message = QLabel(self)
        style.look(self.message, "inlineError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.help = QLabel(self)
        self.help.setObjectName("helpPanel")
        self.help.setWordWrap(True)
        self.help.setTextFormat(Qt.TextFormat.RichText)
        self.help.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.help.hide()
        self.note = NoteField(MAX_NOTE, self)
        self.note.set_text(session.note(self.qid))
        self.note.edited.connect(lambda text: session.set_note(self.qid, text))
        self.note_label = QLabel(self)
        style.look(self.note_label, "noteLabel")
        self.note_label.setBuddy(self.note)
        for widget in (self.note, self.note_label):
            widget.setVisible(question.kind != "calculator")
        # created last, so that Tab goes answer -> note -> "?" -> Clear
        self.help_button = QToolButton(self)
        self.help_button.setText("?")
        self.help_button.setCheckable(True)
        self.help_button.toggled.connect(self._show_help)
        self.clear_button = QToolButton(self)
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.setVisible(question.kind != "calculator")
        self.evidence_key = key_for("question", self.qid)
        self.evidence_button = QToolButton(self)
        self.evidence_count = -1
        self.evidence_button.clicked.connect(self.show_evidence)
        self.evidence_button.setVisible(question.kind != "calculator")

        head = QHBoxLayout()
        head.setSpacing(6)
        head.addWidget(self.text, 1)
        head.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.evidence_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.tag)
        layout.addWidget(self.editor)
        layout.addWidget(self.message)
        layout.addWidget(self.help)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_label, 0, Qt.AlignmentFlag.AlignTop)
        note_row.addWidget(self.note, 1)
        layout.addLayout(note_row)
        self.text.setBuddy(self.editor.focus_widget())
        self.retranslate()

    # -- answers ---------------------------------------------------------------------------
    def _edited(self, value) -> None:
        self.editing = True                     # the editor already shows this answer
        try:
            problem = self.session.set_answer(self.qid, value)
        finally:
            self.editing = False
        self.known = self.session.answer(self.qid)
        if problem:
            self._message(problem)

    def _message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def clear(self) -> None:
        self.editor.set_value(None)
        self._message("")
        self.known = None
        self.session.set_answer(self.qid, None)

    def load(self) -> None:
        """Show the stored answer and note (another assessment was loaded)."""
        self.known = self.session.answer(self.qid)
        self.editor.set_value(self.known)
        self.note.set_text(self.session.note(self.qid))
        self._message("")
        self._count_evidence()

    def refresh(self, state) -> None:
        stored = self.session.answer(self.qid)
        if stored != self.known and not self.editing:   # changed elsewhere, not here
            self.known = stored
            self.editor.set_value(stored)
        visible = state.is_visible(self.qid)
        if self.isHidden() == visible:          # only touch widgets that change
            self.setVisible(visible)
        if visible:
            self.editor.refresh(state)
        answered = self.qid in self.session.assessment.answers
        if self.clear_button.isEnabled() != answered:
            self.clear_button.setEnabled(answered)
        if len(self.session.assessment.evidence.get(self.evidence_key, ())) != self.evidence_count:
            self._count_evidence()

    # -- evidence --------------------------------------------------------------------------
    def show_evidence(self) -> None:
        # the dialog module is loaded when first opened: most sessions never open it
        from wizard.ui.evidence_dialog import QUESTION_HEAD, EvidenceDialog

        heading = lang.tr(QUESTION_HEAD, text=lang.pick(self.info.question.text, " / "))
        dialog = EvidenceDialog(self.session, self.evidence_key, heading, self.window())
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        self._count_evidence()

    def _count_evidence(self) -> None:
        count = self.evidence_count = len(self.session.assessment.evidence.get(
            self.evidence_key, ()))
        # bilingual: English on a second line, so that the question keeps its width
        self.evidence_button.setText(lang.ui_lines(EVIDENCE, count=count))

    # -- help ------------------------------------------------------------------------------
    def toggle_help(self) -> None:
        self.help_button.toggle()

    def _show_help(self, shown: bool) -> None:
        if shown:  # laid out (and styled) only when asked for: most are never opened
            if not self.help.styleSheet():
                style.look(self.help, "helpPanel")
            self.help.setText(self._help_html())
        self.help.setVisible(shown)
        if shown:
            self.help.setFocus(Qt.FocusReason.OtherFocusReason)

    def _help_html(self) -> str:
        q = self.info.question
        parts = [f"<p><b>{html.escape(lang.ui(HOW))}</b><br>{lang.pick_html(q.help)}</p>",
                 f"<p><b>{html.escape(lang.ui(WHY))}</b><br>{lang.pick_html(q.why)}</p>"]
        citations = self.session.content.citations(q.rules)
        if citations:
            cites = "; ".join(html.escape(c) for c in citations)
            parts.append(f"<p><b>{html.escape(lang.ui(SOURCES))}</b>: {cites}</p>")
        terms = self._terms()
        if terms:
            parts.append(f"<p><b>{html.escape(lang.ui(TERMS))}</b></p>"
                         + tooltip_html(terms, lang.langs()))
        return "".join(parts)

    def _terms(self) -> list:
        q = self.info.question
        return terms_in(self.session.content.glossary, [q.text.get(c) for c in lang.langs()])

    # -- language --------------------------------------------------------------------------
    def retranslate(self) -> None:
        q = self.info.question
        plain = lang.pick(q.text, " / ")
        self.text.setText(f"<b>{lang.pick_html(q.text)}</b>")
        self.text.setAccessibleName(plain)
        terms = self._terms()
        self.text.setToolTip(tooltip_html(terms, lang.langs()) if terms else "")
        tag = CHECKLIST_TAG if q.role == "control" else COMPUTED_TAG if q.kind == "calculator" \
            else None
        self.tag.setText(lang.ui(tag) if tag else "")
        self.tag.setVisible(tag is not None)
        self.help_button.setToolTip(lang.tr(HELP_BUTTON))
        self.help_button.setAccessibleName(lang.tr(HELP_NAME, question=plain))
        self.clear_button.setText(lang.ui(CLEAR_TEXT))
        self.clear_button.setToolTip(lang.tr(CLEAR_BUTTON))
        self.clear_button.setAccessibleName(f"{lang.tr(CLEAR_BUTTON)}: {plain}")
        self.note.setPlaceholderText(lang.ui(NOTE))
        self.note_label.setText(lang.ui_lines(NOTE_LABEL))
        self.note.setAccessibleName(lang.tr(NOTE_NAME, question=plain))
        self.help.setText(self._help_html() if self.help_button.isChecked() else "")
        self.help.setAccessibleName(lang.tr(HELP_NAME, question=plain))
        self._count_evidence()
        self.evidence_button.setToolTip(lang.tr(EVIDENCE_TIP))
        self.evidence_button.setAccessibleName(lang.tr(EVIDENCE_NAME, question=plain))
        self.setAccessibleName(plain)
        self.editor.retranslate()
