"""Assessment details: company, assessor, date and the report language, then the company's
registration number, the confidentiality marking and the sign-off (reviewer and approver with
their dates), all kept in ``assessment.meta`` and printed on the report's cover."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLabel, QLineEdit, QSizePolicy

from wizard.core.errors import AssessmentError
from wizard.core.labels import MARKING
from wizard.core.labels import marking as marking_words
from wizard.i18n import N_
from wizard.ui import lang, style
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
SIGN_OFF = N_("Company details and sign-off (optional)")
SIGN_OFF_INTRO = N_("The confidentiality marking is printed at the top of every page; the "
                    "reviewer and the approver fill the approval block on the cover.")
BUSINESS_NUMBER = N_("&Business registration number")
BUSINESS_HINT = N_("123-45-67890")
MARKING_LABEL = N_("Confidentiality &marking")
NO_MARKING = N_("None")
MARKING_HINT = N_("Choose one, or type your company's own marking")
REVIEWER = N_("Re&viewer")
REVIEW_DATE = N_("Review date")
APPROVER = N_("A&pprover")
APPROVAL_DATE = N_("Approval date")
REVIEWER_HINT = N_("Name and title")
_EMPTY = QDate(2000, 1, 1)


def _date_edit(parent) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(_EMPTY)
    edit.setMaximumWidth(220)
    return edit


class DetailsPage(BasePage):
    def __init__(self, wizard, parent=None) -> None:
        super().__init__(wizard, parent)
        self.intro = QLabel(self.body)
        self.intro.setWordWrap(True)
        self.company = QLineEdit(self.body)
        self.company.setMaxLength(200)
        self.assessor = QLineEdit(self.body)
        self.assessor.setMaxLength(200)
        self.date = _date_edit(self.body)
        self.language = QComboBox(self.body)
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for code in LANG_NAMES:
            self.language.addItem("", code)
        self.sign_off = QLabel(self.body)
        style.look(self.sign_off, "sectionHeading")
        self.sign_off_intro = QLabel(self.body)
        self.sign_off_intro.setWordWrap(True)
        self.business_number = QLineEdit(self.body)
        self.business_number.setMaxLength(20)
        self.business_number.setMaximumWidth(220)
        self.business_error = QLabel(self.body)
        self.business_error.setWordWrap(True)
        style.look(self.business_error, "inlineError")
        self.business_error.hide()
        self.marking = QComboBox(self.body)
        self.marking.setEditable(True)
        self.marking.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.marking.setMinimumWidth(220)
        self.marking.addItem("", "")
        for key in MARKING:
            self.marking.addItem("", key)
        self.marking.lineEdit().setMaxLength(60)
        self.reviewer = QLineEdit(self.body)
        self.reviewer.setMaxLength(200)
        self.review_date = _date_edit(self.body)
        self.approver = QLineEdit(self.body)
        self.approver.setMaxLength(200)
        self.approval_date = _date_edit(self.body)
        self.labels = {key: QLabel(self.body) for key in
                       (COMPANY, ASSESSOR, DATE, LANGUAGE, BUSINESS_NUMBER, MARKING_LABEL,
                        REVIEWER, REVIEW_DATE, APPROVER, APPROVAL_DATE)}
        self.fields = ((COMPANY, self.company), (ASSESSOR, self.assessor), (DATE, self.date),
                       (LANGUAGE, self.language), (BUSINESS_NUMBER, self.business_number),
                       (MARKING_LABEL, self.marking), (REVIEWER, self.reviewer),
                       (REVIEW_DATE, self.review_date), (APPROVER, self.approver),
                       (APPROVAL_DATE, self.approval_date))
        form = QFormLayout()     # one form, so both parts line up
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key, field in self.fields:
            self.labels[key].setBuddy(field)
            if field is self.business_number:
                self.sign_off.setContentsMargins(0, 10, 0, 0)
                form.addRow(self.sign_off)
                form.addRow(self.sign_off_intro)
            form.addRow(self.labels[key], field)
            if field is self.business_number:
                form.addRow("", self.business_error)
        self.body_layout.addWidget(self.intro)
        self.body_layout.addLayout(form)
        self.body_layout.addStretch(1)
        self.company.textEdited.connect(lambda text: self.session.set_meta(company=text))
        self.assessor.textEdited.connect(lambda text: self.session.set_meta(assessor=text))
        self.reviewer.textEdited.connect(lambda text: self.session.set_meta(reviewer=text))
        self.approver.textEdited.connect(lambda text: self.session.set_meta(approver=text))
        for edit, name in ((self.date, "date"), (self.review_date, "review_date"),
                           (self.approval_date, "approval_date")):
            edit.dateChanged.connect(lambda day, n=name: self._date_changed(n, day))
        self.language.activated.connect(
            lambda index: self.session.set_meta(language=self.language.itemData(index)))
        self.business_number.editingFinished.connect(self._business_number_done)
        self.marking.activated.connect(self._marking_chosen)
        self.marking.lineEdit().editingFinished.connect(self._marking_typed)
        self._loading = False
        self.load()
        self.retranslate()

    # -- edits ------------------------------------------------------------------------------
    def _date_changed(self, name: str, day: QDate) -> None:
        if not self._loading:
            self.session.set_meta(**{name: "" if day == _EMPTY else day.toString("yyyy-MM-dd")})

    def _business_number_done(self) -> None:
        """Checked with its check digit when the field is left: a wrong number is said under
        the field and not kept; a right one is kept and shown as 123-45-67890."""
        text = self.business_number.text()
        try:
            self.session.set_meta(business_number=text)
        except AssessmentError as exc:
            self.business_error.setText(lang.error_text(exc))
            self.business_error.show()
            self.business_number.setAccessibleDescription(self.business_error.text())
            return
        self.business_error.hide()
        self.business_number.setAccessibleDescription("")
        self.business_number.setText(self.session.assessment.meta.business_number)

    def _marking_chosen(self, index: int) -> None:
        self.session.set_meta(confidentiality=self.marking.itemData(index) or "")

    def _marking_typed(self) -> None:
        """A marking typed in: one of the listed ones (in any language) is stored by its key,
        anything else as typed."""
        text = self.marking.currentText().strip()
        index = self.marking.findText(text)
        value = self.marking.itemData(index) if index >= 0 else text
        if index < 0:
            for key in MARKING:
                if text in (marking_words(key, "ko"), marking_words(key, "en")):
                    value = key
        self.session.set_meta(confidentiality=value or "")

    # -- showing ----------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt naming
        self.load()
        self.update_steps()

    def load(self) -> None:
        meta = self.session.assessment.meta
        self._loading = True
        try:
            self.company.setText(meta.company)
            self.assessor.setText(meta.assessor)
            for edit, value in ((self.date, meta.date), (self.review_date, meta.review_date),
                                (self.approval_date, meta.approval_date)):
                date = QDate.fromString(value, "yyyy-MM-dd") if value else _EMPTY
                edit.setDate(date if date.isValid() else _EMPTY)
            self.language.setCurrentIndex(max(0, self.language.findData(meta.language)))
            self.business_number.setText(meta.business_number)
            self.business_error.hide()
            self.reviewer.setText(meta.reviewer)
            self.approver.setText(meta.approver)
            self._show_marking(meta.confidentiality)
        finally:
            self._loading = False

    def _show_marking(self, value: str) -> None:
        index = self.marking.findData(value)
        if index >= 0:
            self.marking.setCurrentIndex(index)
        else:
            self.marking.setEditText(value)

    def retranslate(self) -> None:
        self.set_heading(lang.ui(TITLE))
        self.intro.setText(lang.ui_lines(INTRO))
        self.sign_off.setText(lang.ui(SIGN_OFF))
        self.sign_off_intro.setText(lang.ui_lines(SIGN_OFF_INTRO))
        for key, label in self.labels.items():
            label.setText(lang.ui_lines(key))
        for edit in (self.date, self.review_date, self.approval_date):
            edit.setSpecialValueText(lang.tr(NO_DATE))
        for index in range(self.language.count()):
            self.language.setItemText(index, lang.ui(LANG_NAMES[self.language.itemData(index)]))
        for index in range(self.marking.count()):
            key = self.marking.itemData(index)
            self.marking.setItemText(index, lang.ui(MARKING[key]) if key else lang.ui(NO_MARKING))
        if self.session is not None:
            self._show_marking(self.session.assessment.meta.confidentiality)
        self.marking.lineEdit().setPlaceholderText(lang.tr(MARKING_HINT))
        self.company.setPlaceholderText(lang.tr(COMPANY_HINT))
        self.assessor.setPlaceholderText(lang.tr(ASSESSOR_HINT))
        self.business_number.setPlaceholderText(lang.tr(BUSINESS_HINT))
        self.reviewer.setPlaceholderText(lang.tr(REVIEWER_HINT))
        self.approver.setPlaceholderText(lang.tr(REVIEWER_HINT))
        for key, field in self.fields:
            field.setAccessibleName(lang.plain(lang.tr(key)))
        self.update_steps()
