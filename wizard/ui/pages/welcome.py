"""The first page: what the wizard is, how long it takes, that nothing leaves the computer,
and that it is not legal advice. Shown before the questionnaires are loaded."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from wizard.i18n import N_, translate
from wizard.ui import lang
from wizard.ui.pages.base import BasePage

TITLE = N_("Welcome to AI Trade Readiness")
WHAT = N_("This wizard checks how US rules on advanced AI chips, cloud compute, AI models and "
          "APIs, data transfer and AI investment reach your company. Your answers become a "
          "readiness checklist, findings that name the rule behind them with its status and "
          "date, and a prioritised action plan you can print.")
WHO = N_("It is meant for company owners answering on their own and for export-compliance "
         "consultants running a session with a client.")
HOW_LONG = N_("It takes about 15 to 45 minutes, depending on how many areas apply to your "
              "company. Questions that do not concern you are skipped. You can save at any time "
              "and continue later, and your answers are kept automatically in case the program "
              "closes unexpectedly.")
PRIVATE = N_("Nothing leaves this computer: the program makes no network connection and sends "
             "your answers nowhere.")
NOT_ADVICE = N_("This is not legal advice. It shows where rules may apply and what to confirm "
                "with counsel. Proposals and rules that are not enforced are shown as watch "
                "items, never as obligations.")
KEYS = N_("Keyboard: Alt+N next page, Alt+B previous page, F1 help on the current question, "
          "Ctrl+S save.")
LOADING = N_("Loading the questionnaires...")
UNVERIFIED = N_("Unverified content")
UNVERIFIED_NOTE = N_("the content in use was installed from a bundle without a signature the "
                     "program could check; every report made with it says so. Help > Content "
                     "updates shows it.")
CONTENT = N_("Questionnaires: {version}. Content as of {as_of}, to be reviewed by {review_by}.")
HEAD_PRIVATE = N_("Private")
HEAD_ADVICE = N_("Not legal advice")
HEAD_TIME = N_("Time needed")


def _lines(msgid: str) -> str:
    """A paragraph as HTML; bilingual mode gives the English below the Korean, muted."""
    if lang.mode() != "both":
        return html.escape(lang.tr(msgid))
    return (f"{html.escape(translate(msgid, 'ko'))}<br>"
            f"<span style='color:#555'>{html.escape(translate(msgid, 'en'))}</span>")


class WelcomePage(BasePage):
    def __init__(self, wizard, parent=None) -> None:
        super().__init__(wizard, parent)
        self.text = QLabel(self.body)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setObjectName("welcomeText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.body_layout.addWidget(self.text)
        self.body_layout.addStretch(1)
        self.retranslate()

    def isComplete(self) -> bool:  # noqa: N802 - Qt naming
        return self.wizard_.session is not None

    def retranslate(self) -> None:
        self.set_heading(lang.ui(TITLE))

        def para(text: str, head: str | None = None) -> str:
            lead = f"<b>{html.escape(lang.ui(head))}</b><br>" if head else ""
            return f"<p style='margin-bottom:10px'>{lead}{_lines(text)}</p>"

        session = self.wizard_.session
        if session is None:
            content = html.escape(lang.tr(LOADING))
        else:
            c = session.content
            content = html.escape(lang.tr(CONTENT, version=" \u00b7 ".join(
                f"{lang.pick(p.title, ' / ')} {p.version}" for p in c.packs),
                as_of=c.as_of.isoformat(), review_by=c.review_by.isoformat()))
            if c.unverified:      # installed from an unsigned bundle (docs/content-updates.md)
                content += (f"<br><b style='color:#b3261e'>{html.escape(lang.tr(UNVERIFIED))}"
                            f"</b>: {html.escape(lang.tr(UNVERIFIED_NOTE))}")
        self.text.setText(para(WHAT) + para(WHO) + para(HOW_LONG, HEAD_TIME)
                          + para(PRIVATE, HEAD_PRIVATE) + para(NOT_ADVICE, HEAD_ADVICE)
                          + f"<p style='color:#444'>{content}</p>"
                          + f"<p style='color:#444'>{_lines(KEYS)}</p>")
        self.text.setAccessibleName(lang.tr(TITLE))
        self.update_steps()
