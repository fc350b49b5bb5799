"""Help > Glossary: every term of the content's glossary with its definition."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from wizard.i18n import N_
from wizard.ui import lang

TITLE = N_("Glossary")
EMPTY = N_("The questionnaires have no glossary yet.")


class GlossaryDialog(QDialog):
    def __init__(self, content, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(lang.ui(TITLE))
        self.view = QTextBrowser(self)
        self.view.setAccessibleName(lang.tr(TITLE))
        glossary = getattr(content, "glossary", None)
        if glossary is None:
            self.view.setPlainText(lang.tr(EMPTY))
        else:
            parts = []
            for term in sorted(glossary.terms, key=lambda t: lang.pick(t.term).lower()):
                for code in lang.langs():
                    parts.append(f"<p><b>{html.escape(term.term.get(code))}</b><br>"
                                 f"{html.escape(term.definition.get(code))}</p>")
            self.view.setHtml("".join(parts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(640, 520)
