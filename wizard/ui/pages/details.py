"""Assessment details: company, assessor, date and the report language (``assessment.meta``)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QLabel, QLineEdit,
                               QSizePolicy)

from wizard.i18n import N_
from wizard.ui import lang
from wizard.ui.pages.base import BasePage

TITLE = N_("Assessment details")
INTRO = N_("These details are printed on the report. In a consultant-led session, enter the "
           "client company and your own name as assessor.")
COMPANY = N_("&Company")
ASSESSOR = N_("&Assessor")
DATE = N_("&Date")
LANGUAGE = N_("Report &language")
NO_DATE = N_("No date")
COMPANY_HINT = N_("Company name")
ASSESSOR_HINT = N_("Who answers or leads the session")
LANG_NAMES = {"ko": N_("Korean"), "en": N_("English"), "both": N_("Korean and English")}
_EMPTY = QDate(2000, 1, 1)


class DetailsPage(BasePage):
    def __init__(self, wizard, parent=None) -> None:
        super().__init__(wizard, parent)
        self.intro = QLabel(self.body)
        self.intro.setWordWrap(True)
        self.company = QLineEdit(self.body)
        self.company.setMaxLength(200)
        self.assessor = QLineEdit(self.body)
        self.assessor.setMaxLength(200)
        self.date = QDateEdit(self.body)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(_EMPTY)
        self.date.setMaximumWidth(220)
        self.language = QComboBox(self.body)
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for code in LANG_NAMES:
            self.language.addItem("", code)
        self.labels = {key: QLabel(self.body) for key in (COMPANY, ASSESSOR, DATE, LANGUAGE)}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key, field in ((COMPANY, self.company), (ASSESSOR, self.assessor),
                           (DATE, self.date), (LANGUAGE, self.language)):
            self.labels[key].setBuddy(field)
            form.addRow(self.labels[key], field)
        self.body_layout.addWidget(self.intro)
        self.body_layout.addLayout(form)
        self.body_layout.addStretch(1)
        self.company.textEdited.connect(lambda text: self.session.set_meta(company=text))
        self.assessor.textEdited.connect(lambda text: self.session.set_meta(assessor=text))
        self.date.dateChanged.connect(self._date_changed)
        self.language.activated.connect(
            lambda index: self.session.set_meta(language=self.language.itemData(index)))
        self._loading = False
        self.load()
        self.retranslate()

    def _date_changed(self, date: QDate) -> None:
        if not self._loading:
            self.session.set_meta(date="" if date == _EMPTY else date.toString("yyyy-MM-dd"))

    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        self.load()
        self.update_steps()

    def load(self) -> None:
        meta = self.session.assessment.meta
        self._loading = True
        try:
            self.company.setText(meta.company)
            self.assessor.setText(meta.assessor)
            date = QDate.fromString(meta.date, "yyyy-MM-dd") if meta.date else _EMPTY
            self.date.setDate(date if date.isValid() else _EMPTY)
            self.language.setCurrentIndex(max(0, self.language.findData(meta.language)))
        finally:
            self._loading = False

    def retranslate(self) -> None:
        self.set_heading(lang.ui(TITLE))
        self.intro.setText(lang.ui_lines(INTRO))
        for key, label in self.labels.items():
            label.setText(lang.ui_lines(key))
        self.date.setSpecialValueText(lang.tr(NO_DATE))
        for index in range(self.language.count()):
            self.language.setItemText(index, lang.ui(LANG_NAMES[self.language.itemData(index)]))
        self.company.setPlaceholderText(lang.tr(COMPANY_HINT))
        self.assessor.setPlaceholderText(lang.tr(ASSESSOR_HINT))
        for key, field in ((COMPANY, self.company), (ASSESSOR, self.assessor),
                           (DATE, self.date), (LANGUAGE, self.language)):
            field.setAccessibleName(lang.plain(lang.tr(key)))
        self.update_steps()
