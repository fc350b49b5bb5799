"""Export: hands the core's report data to the report formats (a file in the chosen format,
language and length: the full report or the short form), or prints it (print dialog or
preview)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFormLayout, QHBoxLayout, QLabel,
                               QPushButton, QRadioButton, QVBoxLayout, QWidget)

from wizard.core.errors import WizardError
from wizard.core.storage import atomic_write
from wizard.i18n import N_
from wizard.ui import dialogs, lang, printing, style
from wizard.ui.pages.base import BasePage
from wizard.ui.pages.details import LANG_NAMES
from wizard.ui.readiness_wizard import PageId

TITLE = N_("Export and print")
INTRO = N_("Save the report as a file to share or archive, or print it. Every report carries "
           "the content's as-of and review-by dates and says that it is not legal advice.")
FORMAT = N_("Format")
LANGUAGE = N_("Report &language")
DETAIL = N_("Report len&gth")
DETAIL_NAMES = {"full": N_("Full report"), "summary": N_("Short form (about 6 to 8 pages)")}
DETAIL_HINTS = {"full": N_("Every finding with the answers behind it, the watch items, the "
                           "questions for counsel and the appendices."),
                "summary": N_("To hand over: the summary, the checklist, the most serious "
                              "findings and the action plan.")}
DETAIL_FORMATS = ("pdf", "html", "md")     # the formats that have a short form
EXPORT = N_("&Export...")
PRINT = N_("P&rint...")
PREVIEW = N_("Print pre&view...")
EXPORT_TITLE = N_("Export the report")
EXPORTED = N_("Report saved: {path}")
FAILED = N_("The report could not be written")
FILES = N_("{name} (*.{ext})")
FINISH_HINT = N_("Save the assessment with File > Save (Ctrl+S) to continue later. Close ends the "
                 "session.")
DEFAULT_NAME = N_("readiness-report")
PRINT_FAILED = N_("The report could not be printed")
GROUP = N_("Checklist &grouped by")
BY_AREA = N_("Area")
QUESTIONNAIRE = N_("Client &questionnaire (Excel)...")
QUESTIONNAIRE_HINT = N_("Send the client the questions to answer in Excel before the session, "
                        "and read the answers back with File > Import from Excel. The Excel "
                        "action tracker comes back the same way.")
QUESTIONNAIRE_TITLE = N_("Save the client questionnaire")
QUESTIONNAIRE_NAME = N_("questionnaire")
QUESTIONNAIRE_SAVED = N_("Questionnaire saved: {path}")


def safe_name(text: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "", text).strip().replace(" ", "-")
    return cleaned[:80]


class ExportPage(BasePage):
    def __init__(self, wizard, parent=None) -> None:
        super().__init__(wizard, parent)
        self.intro = QLabel(self.body)
        self.intro.setWordWrap(True)
        self.format_box = QWidget(self.body)
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        formats_layout = QVBoxLayout(self.format_box)
        formats_layout.setContentsMargins(0, 0, 0, 0)
        for fmt in printing.formats():
            button = QRadioButton(self.format_box)
            self.format_group.addButton(button)
            self.format_buttons[fmt] = button
            formats_layout.addWidget(button)
        self.format_buttons["pdf"].setChecked(True)
        self.language = QComboBox(self.body)
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for code in LANG_NAMES:
            self.language.addItem("", code)
        self.group = QComboBox(self.body)
        self.group.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group.addItem("", "area")
        self.detail = QComboBox(self.body)
        self.detail.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for code in DETAIL_NAMES:
            self.detail.addItem("", code)
        self.detail_hint = QLabel(self.body)
        self.detail_hint.setWordWrap(True)
        style.look(self.detail_hint, "noteLabel")
        self.detail.currentIndexChanged.connect(self._detail_chosen)
        detail_box = QWidget(self.body)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail, 0, Qt.AlignmentFlag.AlignLeft)
        detail_layout.addWidget(self.detail_hint)
        self.format_label = QLabel(self.body)
        self.language_label = QLabel(self.body)
        self.language_label.setBuddy(self.language)
        self.group_label = QLabel(self.body)
        self.group_label.setBuddy(self.group)
        self.detail_label = QLabel(self.body)
        self.detail_label.setBuddy(self.detail)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.format_label, self.format_box)
        form.addRow(self.language_label, self.language)
        form.addRow(self.group_label, self.group)
        form.addRow(self.detail_label, detail_box)
        for button in self.format_buttons.values():
            button.toggled.connect(self._format_chosen)
        self.export_button = QPushButton(self.body)
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton(self.body)
        self.print_button.clicked.connect(self.print_)
        self.preview_button = QPushButton(self.body)
        self.preview_button.clicked.connect(self.preview)
        for button in (self.export_button, self.print_button, self.preview_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        self.questionnaire_button = QPushButton(self.body)
        self.questionnaire_button.setAutoDefault(False)
        self.questionnaire_button.clicked.connect(self.export_questionnaire)
        self.questionnaire_hint = QLabel(self.body)
        self.questionnaire_hint.setWordWrap(True)
        questionnaire = QHBoxLayout()
        questionnaire.addWidget(self.questionnaire_button)
        questionnaire.addStretch(1)
        self.status = QLabel(self.body)
        self.status.setWordWrap(True)
        self.finish_hint = QLabel(self.body)
        self.finish_hint.setWordWrap(True)
        self.body_layout.addWidget(self.intro)
        self.body_layout.addLayout(form)
        self.body_layout.addLayout(buttons)
        self.body_layout.addSpacing(8)
        self.body_layout.addWidget(self.questionnaire_hint)
        self.body_layout.addLayout(questionnaire)
        self.body_layout.addWidget(self.status)
        self.body_layout.addStretch(1)
        self.body_layout.addWidget(self.finish_hint)
        self.last_path: Path | None = None
        self.retranslate()

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        language = self.session.assessment.meta.language
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self._fill_groups()
        self.update_steps()

    def _fill_groups(self) -> None:
        """Area, then the programme frameworks of the content (the results page's choice)."""

        frameworks = getattr(self.session.content, "frameworks", None)
        results = self.wizard_.page(PageId.RESULTS)
        wanted = getattr(results, "group", None) or self.chosen_group()
        self.group.clear()
        self.group.addItem(lang.tr(BY_AREA), "area")
        for framework in (frameworks.frameworks if frameworks is not None else ()):
            self.group.addItem(lang.pick(framework.short.as_dict(), " / "), framework.id)
            self.group.setItemData(self.group.count() - 1,
                                   lang.pick(framework.title.as_dict(), "\n"),
                                   Qt.ItemDataRole.ToolTipRole)
        self.group.setCurrentIndex(max(0, self.group.findData(wanted)))
        self.group_label.setVisible(self.group.count() > 1)
        self.group.setVisible(self.group.count() > 1)

    def chosen_group(self) -> str:
        return self.group.currentData() or "area"

    def chosen_format(self) -> str:
        for fmt, button in self.format_buttons.items():
            if button.isChecked():
                return fmt
        return next(iter(self.format_buttons))

    def chosen_language(self) -> str:
        return self.language.currentData() or "ko"

    def chosen_detail(self) -> str:
        """``full`` or ``summary``; formats without a short form (CSV, JSON) are whole."""
        if self.chosen_format() not in DETAIL_FORMATS:
            return "full"
        return self.detail.currentData() or "full"

    def _format_chosen(self, *_args) -> None:
        self.detail.setEnabled(self.chosen_format() in DETAIL_FORMATS)

    def _detail_chosen(self, *_args) -> None:
        code = self.detail.currentData() or "full"
        self.detail_hint.setText(lang.ui_lines(DETAIL_HINTS[code]))

    def export(self) -> None:
        fmt = self.chosen_format()
        ext = printing.extension(fmt)
        host = self.wizard_.host
        company = safe_name(self.session.assessment.meta.company)
        name = f"{company}-{lang.tr(DEFAULT_NAME)}" if company else lang.tr(DEFAULT_NAME)
        folder = host.settings.last_dir if host is not None else ""
        suggested = str(Path(folder) / f"{name}.{ext}") if folder else f"{name}.{ext}"
        label = lang.tr(printing.FORMAT_NAMES[fmt])
        path = dialogs.export_path(self, lang.tr(EXPORT_TITLE), suggested,
                                   lang.tr(FILES, name=label, ext=ext))
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(f".{ext}")
        try:
            printing.write(self.session.report(), fmt, self.chosen_language(), path,
                           self.session.content, self.chosen_group(),
                           inputs=[self.session.path], detail=self.chosen_detail())
        except (WizardError, OSError) as exc:
            dialogs.error(self, lang.tr(FAILED), lang.error_text(exc))
            return
        self.last_path = path
        self.status.setText(lang.tr(EXPORTED, path=str(path)))
        if host is not None:
            host.settings.last_dir = str(path.parent)

    def print_(self) -> None:
        self._guarded(printing.print_report)

    def preview(self) -> None:
        self._guarded(printing.preview)

    def _guarded(self, action) -> None:
        try:
            action(self, self.session.report(), self.chosen_language(), self.session.content,
                   self.chosen_group(), self.chosen_detail())
        except (WizardError, OSError) as exc:
            dialogs.error(self, lang.tr(PRINT_FAILED), lang.error_text(exc))

    def export_questionnaire(self) -> None:
        """The client questionnaire (Excel) of every pack, in the chosen language."""
        from wizard.report import xlsx

        host = self.wizard_.host
        folder = host.settings.last_dir if host is not None else ""
        company = safe_name(self.session.assessment.meta.company)
        name = f"{company}-{lang.tr(QUESTIONNAIRE_NAME)}" if company \
            else lang.tr(QUESTIONNAIRE_NAME)
        suggested = str(Path(folder) / f"{name}.xlsx") if folder else f"{name}.xlsx"
        path = dialogs.export_path(self, lang.tr(QUESTIONNAIRE_TITLE), suggested,
                                   lang.tr(FILES, name=lang.tr(printing.FORMAT_NAMES["xlsx"]),
                                           ext="xlsx"))
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".xlsx")
        try:
            atomic_write(path, xlsx.render_questionnaire(self.session.content,
                                                         self.chosen_language()))
        except (WizardError, OSError) as exc:
            dialogs.error(self, lang.tr(FAILED), lang.error_text(exc))
            return
        self.status.setText(lang.tr(QUESTIONNAIRE_SAVED, path=str(path)))
        if host is not None:
            host.settings.last_dir = str(path.parent)

    def retranslate(self) -> None:
        self.set_heading(lang.ui(TITLE))
        self.intro.setText(lang.ui_lines(INTRO))
        self.format_label.setText(lang.ui_lines(FORMAT))
        self.language_label.setText(lang.ui_lines(LANGUAGE))
        self.group_label.setText(lang.ui_lines(GROUP))
        self.group.setAccessibleName(lang.plain(lang.tr(GROUP)))
        if self.session is not None:
            self._fill_groups()
        self.detail_label.setText(lang.ui_lines(DETAIL))
        self.questionnaire_button.setText(lang.ui(QUESTIONNAIRE))
        self.questionnaire_button.setAccessibleName(lang.plain(lang.tr(QUESTIONNAIRE)))
        self.questionnaire_hint.setText(lang.ui_lines(QUESTIONNAIRE_HINT))
        for fmt, button in self.format_buttons.items():
            text = f"{lang.ui(printing.FORMAT_NAMES[fmt])} (.{printing.extension(fmt)})"
            button.setText(text)
            button.setAccessibleName(text)
        self.format_box.setAccessibleName(lang.tr(FORMAT))
        for index in range(self.language.count()):
            self.language.setItemText(index, lang.ui(LANG_NAMES[self.language.itemData(index)]))
        self.language.setAccessibleName(lang.plain(lang.tr(LANGUAGE)))
        for index in range(self.detail.count()):
            self.detail.setItemText(index, lang.ui(DETAIL_NAMES[self.detail.itemData(index)]))
        self.detail.setAccessibleName(lang.plain(lang.tr(DETAIL)))
        self._detail_chosen()
        for button, text in ((self.export_button, EXPORT), (self.print_button, PRINT),
                             (self.preview_button, PREVIEW)):
            button.setText(lang.ui(text))
            button.setAccessibleName(lang.plain(lang.tr(text)))
        self.finish_hint.setText(lang.ui_lines(FINISH_HINT))
        if self.last_path is not None:
            self.status.setText(lang.tr(EXPORTED, path=str(self.last_path)))
        self.update_steps()
