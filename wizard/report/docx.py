"""The readiness report as an editable Word document (.docx), laid out from the same view data
as the PDF and HTML (:mod:`wizard.report.view`): cover with the approval block, a table of
contents, summary with the chart (an image), checklist, findings, watch items, action plan,
questions for counsel and the appendices, in Korean, English or both.

Real Word structures, so the client can edit it: heading styles (the navigation pane and the
table of contents work), tables whose header row repeats on every page and whose rows never
split, page numbers and the confidentiality marking in the page header and footer, Korean in
the East Asian font slot (:mod:`wizard.report.wordml`). Needs Qt only for the chart image.
"""

from __future__ import annotations

import io
import json
from typing import Optional

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips
from PySide6.QtCore import QBuffer, QByteArray, QIODevice

from wizard.core.evidence import STATUS_WORDS, size_text
from wizard.core.localize import date_text
from wizard.i18n import N_
from wizard.report import wordml
from wizard.report.common import (UNVERIFIED, UNVERIFIED_NOTE, UNVERIFIED_TITLE, content_name, lab,
                                  marking_text, pick, status_text, tr)
from wizard.report.markdown import COUNSEL_NOTE, DROPPED_NOTE, NOTICE, TITLE, WATCH_NOTE
from wizard.report.view import (APPROVAL, BOX, BY_AREA, EVIDENCE_ACTION, EVIDENCE_BAD,
                                EVIDENCE_COUNTS, EVIDENCE_ITEMS, EVIDENCE_NOTE, EVIDENCE_QUESTION,
                                EVIDENCE_TITLE, SEVERITY_COLOURS, approval, checklist_groups,
                                evidence_counts, evidence_groups, glossary_terms, question_texts,
                                severity_counts, urgent_actions)

SUBTITLE = N_("How US AI trade rules reach your company: readiness checklist, findings and "
              "action plan")
HOW_TO_READ = N_("Findings are obligations that the answers show may apply to you, with the rule "
                 "behind each one, its status and its date. Watch items are proposals, bills, "
                 "policy discussions and rules that are not being enforced: they are listed "
                 "separately and are not obligations. The action plan puts the actions in order "
                 "of urgency. Answers marked Unsure are collected as questions for your counsel.")
CONTENTS = N_("Contents")
UPDATE_TOC = N_("(Word fills in the page numbers when it updates this table: right-click it "
                "and choose Update Field.)")
FOOTER = N_("Page {page} of {pages}")
CHART_ALT = N_("Readiness (0-100) and exposure by area")

TEXT = RGBColor(0x1D, 0x27, 0x33)
MUTED = RGBColor(0x4A, 0x55, 0x63)
GREY = "4A5563"
HEADING = RGBColor(0x16, 0x32, 0x4F)
MARK = RGBColor(0xB3, 0x26, 0x1E)
HEADER_FILL = "E8EDF3"
NOTICE_FILL = "FFF6E0"
WATCH_FILL = "EEF1F7"
WATCH_COLOUR = "6B7FA8"
BODY_PT = 9.5
SMALL_PT = 8
CONTENT_WIDTH = Cm(17.0)   # A4 less 2 cm margins each side


def render(report, lang: str, *, content=None, group: str = BY_AREA) -> bytes:
    """The Word report of ``report`` in ``lang`` (``ko``, ``en`` or ``both``), the checklist
    grouped by area or by a programme framework's elements (``group``), as .docx bytes."""
    writer = _Writer(report, lang, content, group)
    writer.build()
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return buffer.getvalue()


def chart_png(report, lang: str) -> tuple[bytes, int, int]:
    """The summary chart as PNG bytes (drawn by Qt, as in the PDF) and its size in CSS px."""

    from wizard.report import chart, qtchart
    from wizard.report.pdf import ensure_app

    ensure_app()
    rows = chart.chart_rows(report)
    image = qtchart.render_image(rows, lang, scale=2)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data()), chart.WIDTH, chart.height(rows, lang)


class _Writer:
    def __init__(self, report, lang: str, content, group: str) -> None:
        self.report = report
        self.lang = lang
        self.content = content
        self.group = group
        self.doc = Document()
        self.areas = {a.id: a for a in report.areas}
        self.priorities = {a.id: a.priority for a in report.actions}
        self.headings: list[tuple[int, str]] = []

    # -- words ------------------------------------------------------------------------------
    def tr(self, msgid: str, **params) -> str:
        return tr(msgid, self.lang, **params)

    def lab(self, kind: str, key: str) -> str:
        return lab(kind, key, self.lang)

    def langs(self) -> tuple[str, ...]:
        return ("ko", "en") if self.lang == "both" else (self.lang,)

    def date(self, value, short: bool = False) -> str:
        return date_text(value, self.lang, short=short) or "-"

    def dates(self, value) -> dict:
        return {lang: date_text(value, lang) or "-" for lang in ("ko", "en")}

    # -- set-up -----------------------------------------------------------------------------
    def setup(self) -> None:
        doc = self.doc
        wordml.korean_document_fonts(doc)
        styles = doc.styles
        normal = styles["Normal"]
        normal.font.size = Pt(BODY_PT)
        normal.font.color.rgb = TEXT
        normal.paragraph_format.space_after = Pt(4)
        normal.paragraph_format.line_spacing = 1.15
        for name, size in (("Title", 20), ("Heading 1", 15), ("Heading 2", 12.5),
                           ("Heading 3", 10.5)):
            style = styles[name]
            style.font.size = Pt(size)
            style.font.color.rgb = HEADING
            style.font.bold = True
            wordml.set_fonts(style.element.get_or_add_rPr())
        styles["Heading 1"].paragraph_format.page_break_before = True
        styles["Heading 1"].paragraph_format.space_before = Pt(0)
        styles["Heading 3"].paragraph_format.space_before = Pt(8)
        for name in ("Header", "Footer"):
            styles[name].font.size = Pt(SMALL_PT)
        section = doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = Cm(2.0)
        section.bottom_margin = Cm(2.0)
        section.header_distance = section.footer_distance = Cm(0.9)
        props = doc.core_properties
        props.title = self.tr(TITLE)
        props.subject = self.report.meta.get("company") or ""
        props.author = self.report.meta.get("assessor") or ""
        props.language = {"ko": "ko-KR", "en": "en-US"}.get(self.lang, "ko-KR")
        props.comments = self.tr(N_("This report is not legal advice."))
        self._header_footer(section)
        wordml.update_fields_on_open(doc)

    def _header_footer(self, section) -> None:
        """Header: the report's title, and the confidentiality marking on the right; footer:
        the company, and the page numbers on the right. On every page."""
        marking = marking_text(self.report.meta, self.lang)
        header, footer = section.header.paragraphs[0], section.footer.paragraphs[0]
        for paragraph in (header, footer):
            tabs = paragraph.paragraph_format.tab_stops
            for position in (4680, 9360):   # the styles' centre and right tabs (Letter paper)
                tabs.add_tab_stop(Twips(position), WD_TAB_ALIGNMENT.CLEAR)
            tabs.add_tab_stop(CONTENT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        header.add_run(self.tr(TITLE)).font.color.rgb = MUTED
        if marking:
            header.add_run("\t")
            run = header.add_run(marking)
            run.bold = True
            run.font.size = Pt(10)
            run.font.color.rgb = MARK
        company = self.report.meta.get("company") or ""
        footer.add_run(company).font.color.rgb = MUTED
        footer.add_run("\t")
        wordml.add_text_with_fields(
            footer, self.tr(FOOTER), {"page": ("PAGE", "1"), "pages": ("NUMPAGES", "1")},
            style=lambda run: setattr(run.font.color, "rgb", MUTED))

    # -- small pieces -----------------------------------------------------------------------
    def heading(self, text: str, level: int):
        paragraph = wordml.styled(self.doc.add_paragraph(), f"Heading{level}")
        wordml.run(paragraph, text)
        if level <= 2:
            self.headings.append((level, text))
        return paragraph

    def para(self, text: str = "", *, small: bool = False, muted: bool = False,
             bold: bool = False, style: Optional[str] = None):
        paragraph = self.doc.add_paragraph()
        if style:
            wordml.styled(paragraph, style)
        if text:
            wordml.run(paragraph, text, bold=bold, size=SMALL_PT if small else None,
                       colour=GREY if (muted or small) else None)
        return paragraph

    def bullet(self):
        return wordml.styled(self.doc.add_paragraph(), "ListBullet")

    def texts(self, text: Optional[dict], *, small: bool = False, style: Optional[str] = None):
        """A bilingual text as one paragraph per report language (English grey in ``both``)."""
        paragraphs = []
        seen = set()
        for lang in self.langs():
            value = (text or {}).get(lang, "")
            if not value or value in seen:
                continue
            seen.add(value)
            grey = self.lang == "both" and lang == "en"
            paragraphs.append(self.para(value, small=small, muted=grey, style=style))
        return paragraphs

    def cell_text(self, cell, text: Optional[dict] = None, *, plain: str = "",
                  bold: bool = False, small: bool = False, extra: tuple = ()) -> None:
        """Fill a table cell: a bilingual ``text`` (Korean, then English in grey) or ``plain``
        text, then ``extra`` small lines (label, value)."""
        paragraph = cell.paragraphs[0]
        size = SMALL_PT if small else None
        if text is not None:
            first = True
            seen = set()
            for lang in self.langs():
                value = text.get(lang, "")
                if not value or value in seen:
                    continue
                seen.add(value)
                if not first:
                    wordml.line_break(paragraph)
                wordml.run(paragraph, value, bold=bold, size=size,
                           colour=GREY if self.lang == "both" and lang == "en" else None)
                first = False
        elif plain:
            wordml.run(paragraph, plain, bold=bold, size=size)
        for line in extra:
            if not line:
                continue
            wordml.line_break(paragraph)
            wordml.run(paragraph, line, size=SMALL_PT, colour=GREY)

    def table(self, header: list[str], widths: list[float], *, align=None):
        """A table with a header row that repeats on every page; ``widths`` in cm."""
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        if align is not None:
            table.alignment = align
        lengths = [Cm(w) for w in widths]
        wordml.fixed_widths(table, lengths)
        row = table.rows[0]
        wordml.row_properties(row, header=True)
        for cell, text, width in zip(row.cells, header, lengths):
            cell.width = width
            wordml.shade(cell, HEADER_FILL)
            self.cell_text(cell, plain=text, bold=True)
        table._widths = lengths
        return table

    def row(self, table):
        row = table.add_row()
        wordml.row_properties(row)
        cells = row.cells
        for cell, width in zip(cells, table._widths):
            cell.width = width
        return cells

    def band(self, text: str, fill: str, colour: str, *, bold_first: str = "") -> None:
        """A notice: a shaded one-cell table with a coloured bar on the left."""
        table = self.doc.add_table(rows=1, cols=1)
        wordml.fixed_widths(table, [CONTENT_WIDTH])
        cell = table.rows[0].cells[0]
        cell.width = CONTENT_WIDTH
        wordml.row_properties(table.rows[0])
        wordml.shade(cell, fill)
        paragraph = cell.paragraphs[0]
        wordml.left_border(paragraph, colour)
        if bold_first:
            paragraph.add_run(bold_first + " ").bold = True
        paragraph.add_run(text)
        self.para()

    # -- the report -------------------------------------------------------------------------
    def build(self) -> None:
        self.setup()
        toc_after = self.cover()
        self.summary()
        self.checklist()
        self.findings()
        self.plan()
        self.counsel()
        self.appendices()
        wordml.add_toc(self.doc, toc_after, self.headings, placeholder=self.tr(UPDATE_TOC))

    def cover(self):
        meta, c = self.report.meta, self.report.content
        marking = marking_text(meta, self.lang)
        wordml.run(wordml.styled(self.doc.add_paragraph(), "Title"), self.tr(TITLE))
        self.para(self.tr(SUBTITLE), muted=True)
        rows = [(N_("Company"), meta.get("company") or "-")]
        if meta.get("business_number"):
            rows.append((N_("Business registration number"), meta["business_number"]))
        rows += [(N_("Assessor"), meta.get("assessor") or "-"),
                 (N_("Assessment date"), self.date(meta.get("date")))]
        if marking:
            rows.append((N_("Confidentiality"), marking))
        name = content_name(c) + (f" ({self.tr(UNVERIFIED)})" if c.unverified else "")
        rows += [(N_("Content version"), name), (N_("Content as of"), self.date(c.as_of)),
                 (N_("Review by"), self.date(c.review_by)),
                 (N_("Program version"), c.program_version)]
        table = self.doc.add_table(rows=0, cols=2)
        table.style = self.doc.styles["Table Grid"]
        widths = [Cm(5.5), Cm(11.5)]
        wordml.fixed_widths(table, widths)
        for label, value in rows:
            row = table.add_row()
            wordml.row_properties(row)
            cells = row.cells
            cells[0].width, cells[1].width = widths
            wordml.shade(cells[0], "F3F5F8")
            self.cell_text(cells[0], plain=self.tr(label), bold=True)
            self.cell_text(cells[1], plain=value, bold=label == N_("Confidentiality"))
        self.para()
        self.approval_block()
        self.para()
        if c.unverified:
            self.band(self.tr(UNVERIFIED_NOTE), "FDECEA", "B3261E",
                      bold_first=self.tr(UNVERIFIED_TITLE))
        self.band(self.tr(NOTICE, as_of=self.dates(c.as_of), review_by=self.dates(c.review_by)),
                  NOTICE_FILL, "D39B1E", bold_first=self.tr(N_("Not legal advice")))
        self.para(self.tr(N_("How to read this report")), bold=True)
        self.para(self.tr(HOW_TO_READ))
        contents = self.para()
        contents.paragraph_format.page_break_before = True
        run = contents.add_run(self.tr(CONTENTS))
        run.bold = True
        run.font.size = Pt(15)
        run.font.color.rgb = HEADING
        return contents

    def approval_block(self) -> None:
        """gyeoljaeran: prepared, reviewed and approved by, a box to sign, the names and dates."""
        signers = approval(self.report.meta)
        table = self.doc.add_table(rows=4, cols=1 + len(signers))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.RIGHT
        widths = [Cm(2.2)] + [Cm(3.0)] * len(signers)
        wordml.fixed_widths(table, widths)
        head = table.cell(0, 0).merge(table.cell(3, 0))
        for r, row in enumerate(table.rows):
            wordml.row_properties(row)
            for cell, width in zip(row.cells, widths):
                cell.width = width
        wordml.shade(head, "F3F5F8")
        self.cell_text(head, plain=self.tr(APPROVAL), bold=True)
        head.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for i, signer in enumerate(signers, start=1):
            role = table.cell(0, i)
            wordml.shade(role, "F3F5F8")
            self.cell_text(role, plain=self.tr(signer.role), bold=True, small=True)
            box = table.cell(1, i).paragraphs[0]
            box.add_run().add_break()
            box.add_run().add_break()
            self.cell_text(table.cell(2, i), plain=signer.name, small=True)
            self.cell_text(table.cell(3, i), plain=date_text(signer.date, self.lang, short=True),
                           small=True)
            for r in range(4):
                table.cell(r, i).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    def summary(self) -> None:
        report = self.report
        self.heading(f"1. {self.tr(N_('Executive summary'))}", 1)
        obligations = [f for f in report.findings if not f.watch]
        table = self.table(["", "#"], [12.0, 3.0])
        rows = [(self.tr(N_("Findings that are obligations")), len(obligations), True)]
        rows += [("    " + self.lab("severity", s), n, False) for s, n in severity_counts(report)]
        rows += [(self.tr(N_("Watch items (not obligations)")),
                  sum(1 for f in report.findings if f.watch), True),
                 (self.tr(N_("Questions for your counsel")), len(report.unsure), True),
                 (self.tr(N_("Unanswered questions")), len(report.unanswered), True)]
        if report.evidence:
            counts = evidence_counts(report)
            rows += [(self.tr(EVIDENCE_ITEMS), len(report.evidence), True),
                     (self.tr(EVIDENCE_BAD), counts["missing"] + counts["altered"], True)]
        for label, count, bold in rows:
            cells = self.row(table)
            self.cell_text(cells[0], plain=label, bold=bold)
            self.cell_text(cells[1], plain=str(count))
            cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.heading(self.tr(N_("Exposure and readiness by area")), 2)
        png, width, height = chart_png(report, self.lang)
        picture = self.doc.add_picture(io.BytesIO(png), width=Cm(16.0))
        wordml.alt_text(picture, self._chart_summary(), self.tr(CHART_ALT))
        table = self.table([self.tr(N_("Area")), self.tr(N_("Applies")), self.tr(N_("Exposure")),
                            self.tr(N_("Readiness")), self.tr(N_("Controls in place")),
                            self.tr(N_("Answered"))], [5.6, 2.0, 2.6, 2.4, 2.2, 2.2])
        for a in report.areas:
            cells = self.row(table)
            self.cell_text(cells[0], a.title)
            self.cell_text(cells[1], plain=self.tr(N_("Yes")) if a.applicable
                           else self.tr(N_("No")))
            self.cell_text(cells[2], plain=self.lab("exposure", a.exposure) if a.applicable
                           else "-")
            self.cell_text(cells[3], plain=_score(a.readiness))
            self.cell_text(cells[4], plain=f"{a.controls_in_place}/{a.controls_total}"
                           if a.applicable else "-")
            self.cell_text(cells[5], plain=f"{a.answered}/{a.total}" if a.applicable else "-")
        if self.group != BY_AREA:
            framework = report.framework(self.group)
            self.heading(f"{self.tr(N_('Readiness by programme element'))}: "
                         f"{pick(framework.title, self.lang)}", 2)
            self.element_table(framework)
        self.heading(self.tr(N_("The five most urgent actions")), 2)
        urgent = urgent_actions(report)
        if not urgent:
            self.para(self.tr(N_("No open action.")))
            return
        table = self.table(["#", self.tr(N_("Action")), self.tr(N_("Timeframe")),
                            self.tr(N_("Owner"))], [1.0, 9.6, 3.0, 3.4])
        for a in urgent:
            cells = self.row(table)
            self.cell_text(cells[0], plain=str(a.priority))
            self.cell_text(cells[1], a.title)
            self.cell_text(cells[2], plain=self.lab("timeframe", a.timeframe))
            self.owner(cells[3], a)

    def _chart_summary(self) -> str:
        from wizard.report import chart

        rows = chart.chart_rows(self.report)
        return "; ".join(
            f"{pick(row.title, self.lang)}: "
            f"{row.readiness if row.readiness is not None else '-'}, "
            f"{chart.exposure_text(row, self.lang)}" for row in rows)

    def element_table(self, framework) -> None:
        table = self.table([self.tr(N_("Programme element")), self.tr(N_("Readiness")),
                            self.tr(N_("Controls in place"))], [10.6, 3.2, 3.2])
        elements = list(framework.elements)
        for e in elements + ([framework.outside] if framework.outside else []):
            cells = self.row(table)
            if e.title is None:
                self.cell_text(cells[0], plain=self.tr(N_("Outside this framework")))
            else:
                self.cell_text(cells[0], e.title)
            self.cell_text(cells[1], plain=_score(e.readiness))
            self.cell_text(cells[2], plain=f"{e.controls_in_place}/{e.controls_total}"
                           if e.controls_total else "-")

    def owner(self, cell, action) -> None:
        role = self.lab("owner_role", action.owner_role)
        if action.plan.owner:
            self.cell_text(cell, plain=action.plan.owner, extra=(role,))
        else:
            self.cell_text(cell, plain=role)

    def checklist(self) -> None:
        report = self.report
        self.heading(f"2. {self.tr(N_('Readiness checklist'))}", 1)
        framework = report.framework(self.group) if self.group != BY_AREA else None
        if framework is not None:
            self.para(self.tr(N_("Grouped by the elements of {framework}."),
                              framework=framework.title))
            self.texts(framework.source, small=True)
        legend = ["in_place", "partial", "missing", "unsure", "not_applicable"]
        self.para("   ".join(f"{BOX[s]} {self.lab('state', s)}" for s in legend), small=True)
        if not report.checklist:
            self.para(self.tr(N_("No control question applies.")))
            return
        for block in checklist_groups(report, self.group):
            self.heading(f"{pick(block.title, self.lang)} ({self.tr(N_('Readiness'))} "
                         f"{_score(block.readiness)})", 2)
            if block.note:
                self.texts(block.note, small=True)
            if not block.items:
                continue
            table = self.table([self.tr(N_("State")), self.tr(N_("Control")),
                                self.tr(N_("Weight"))], [3.4, 11.8, 1.8])
            for item in block.items:
                cells = self.row(table)
                self.cell_text(cells[0], plain=f"{BOX.get(item.state, '?')} "
                                               f"{self.lab('state', item.state)}")
                extra = []
                if framework is not None:
                    extra.append(f"{self.tr(N_('Area'))}: "
                                 f"{pick(self.areas[item.area].title, self.lang)}")
                if item.answer:
                    extra.append(f"{self.tr(N_('Answer'))}: {pick(item.answer, self.lang)}")
                if item.note:
                    extra.append(f"{self.tr(N_('Note'))}: {item.note}")
                self.cell_text(cells[1], item.text, extra=tuple(extra))
                self.cell_text(cells[2], plain=str(item.weight))

    def finding(self, f, colour: str) -> None:
        body = self.doc.element.body
        start = len(body)
        self.heading(pick(f.title, self.lang), 3)
        line = self.doc.add_paragraph()
        if not f.watch:
            tag = line.add_run(f" {self.lab('severity', f.severity)} ")
            tag.bold = True
            if f.severity in ("critical", "high"):
                tag.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            wordml.shade_run(tag, SEVERITY_COLOURS[f.severity].lstrip("#")
                             if f.severity in ("critical", "high") else "F2D48A"
                             if f.severity == "medium" else "CFE3C6")
            line.add_run("  ")
        label = self.tr(N_("Rule status")) if not f.watch else self.tr(N_("Status"))
        line.add_run(f"{label}: ").bold = True
        line.add_run(status_text(f, self.lang))
        if f.confirm:
            line.add_run(" \u2014 ")
            line.add_run(self.tr(N_("confirm the current status with counsel"))).bold = True
        if f.watch:
            line.add_run(f"  ({self.tr(N_('area'))}: "
                         f"{pick(self.areas[f.area].title, self.lang)})").font.size = Pt(SMALL_PT)
        self.texts(f.explanation)
        cites = self.doc.add_paragraph()
        cites.add_run(f"{self.tr(N_('Citations'))}: ").bold = True
        cites.add_run("; ".join(f.citations)).font.size = Pt(SMALL_PT)
        if f.because:
            self.para(f"{self.tr(N_('Because you answered'))}:", bold=True)
            for b in f.because:
                item = self.bullet()
                wordml.run(item, f"{pick(b.text, self.lang)} \u2192 ")
                wordml.run(item, pick(b.answer_text, self.lang), bold=True)
        numbers = [f"#{self.priorities[a]}" for a in f.actions if a in self.priorities]
        if numbers and not f.watch:
            self.para(f"{self.tr(N_('Actions in the plan'))}: {', '.join(numbers)}", small=True)
        from docx.text.paragraph import Paragraph

        for element in list(body)[start + 1:]:
            if element.tag == qn("w:p"):
                wordml.left_border(Paragraph(element, self.doc), colour)

    def findings(self) -> None:
        report = self.report
        self.heading(f"3. {self.tr(N_('Findings by area'))}", 1)
        obligations = [f for f in report.findings if not f.watch]
        if not obligations:
            self.para(self.tr(N_("None.")))
        for area in report.areas:
            own = [f for f in obligations if f.area == area.id]
            if not own:
                continue
            self.heading(pick(area.title, self.lang), 2)
            for f in own:
                self.finding(f, SEVERITY_COLOURS[f.severity].lstrip("#"))
        self.heading(f"4. {self.tr(N_('Watch items (not obligations)'))}", 1)
        self.band(self.tr(WATCH_NOTE), WATCH_FILL, WATCH_COLOUR)
        watch = [f for f in report.findings if f.watch]
        if not watch:
            self.para(self.tr(N_("None.")))
        for f in watch:
            self.finding(f, WATCH_COLOUR)

    def plan(self) -> None:
        report = self.report
        self.heading(f"5. {self.tr(N_('Action plan'))}", 1)
        if not report.actions:
            self.para(self.tr(N_("None.")))
            return
        table = self.table(["#", self.tr(N_("Action")), self.tr(N_("Owner")), self.tr(N_("Due")),
                            self.tr(N_("Status")), self.tr(N_("Severity"))],
                           [0.9, 7.7, 2.9, 2.1, 1.8, 1.6])
        for a in report.actions:
            cells = self.row(table)
            self.cell_text(cells[0], plain=str(a.priority))
            extra = [f"{pick(self.areas[a.area].title, self.lang)} \u00b7 "
                     f"{self.lab('timeframe', a.timeframe)}"
                     + (f" \u00b7 {self.tr(N_('watch item only'))}" if a.watch_only else "")]
            if a.plan.comment:
                extra.append(a.plan.comment)
            self.cell_text(cells[1], a.title, extra=tuple(extra))
            self.owner(cells[2], a)
            self.cell_text(cells[3], plain=self.date(a.plan.due, short=True))
            self.cell_text(cells[4], plain=self.lab("plan_status", a.plan.status))
            self.cell_text(cells[5], plain=self.lab("severity", a.severity))

    def counsel(self) -> None:
        report = self.report
        self.heading(f"6. {self.tr(N_('Questions for your counsel'))}", 1)
        self.para(self.tr(COUNSEL_NOTE))
        if report.unsure:
            table = self.table(["#", self.tr(N_("Question")), self.tr(N_("Note"))],
                               [1.0, 10.0, 6.0])
            for i, q in enumerate(report.unsure, start=1):
                cells = self.row(table)
                self.cell_text(cells[0], plain=str(i))
                self.cell_text(cells[1], q.text,
                               extra=(pick(self.areas[q.area].title, self.lang),))
                self.cell_text(cells[2], plain=q.note or "")
        else:
            self.para(self.tr(N_("None.")))
        self.heading(self.tr(N_("Unanswered questions")), 2)
        if not report.unanswered:
            self.para(self.tr(N_("None.")))
        for q in report.unanswered:
            item = self.bullet()
            wordml.run(item, pick(q.text, self.lang))
            wordml.run(item, f"  ({pick(self.areas[q.area].title, self.lang)})", size=SMALL_PT)

    def evidence(self, letter: str) -> None:
        """Evidence per question and action, each file with its full SHA-256 and state."""
        self.heading(self.tr(EVIDENCE_TITLE, letter=letter), 1)
        self.para(self.tr(EVIDENCE_NOTE), small=True)
        counts = evidence_counts(self.report)
        self.para(self.tr(EVIDENCE_COUNTS, present=counts["present"], missing=counts["missing"],
                          altered=counts["altered"], references=counts["reference"]))
        for group in evidence_groups(self.report):
            kind = self.tr(EVIDENCE_ACTION if group.target == "action" else EVIDENCE_QUESTION)
            number = f" #{group.priority}" if group.priority else ""
            self.heading(f"{kind}{number}: {pick(group.title, self.lang)} ({group.id})", 2)
            table = self.table(["#", self.tr(N_("Evidence")), self.tr(N_("Size")),
                                self.tr(N_("Added")), "SHA-256", self.tr(N_("State"))],
                               [0.8, 4.6, 1.8, 2.4, 5.2, 2.2])
            for e in group.items:
                cells = self.row(table)
                self.cell_text(cells[0], plain=str(e.number))
                if e.kind == "file":
                    self.cell_text(cells[1], plain=e.name, extra=(e.note,))
                    self.cell_text(cells[2], plain=size_text(e.size))
                    self.cell_text(cells[4], plain=e.sha256, small=True)
                else:
                    self.cell_text(cells[1], plain=f"{self.tr(N_('Reference'))}: {e.reference}",
                                   extra=(e.note,))
                    self.cell_text(cells[2], plain="-")
                    self.cell_text(cells[4], plain="-")
                self.cell_text(cells[3], plain=date_text(e.added, self.lang, short=True) or "-")
                self.cell_text(cells[5], plain=self.tr(STATUS_WORDS[e.status]),
                               bold=e.status in ("missing", "altered"))

    def appendices(self) -> None:
        report = self.report
        letters = iter("ABCDEFGH")
        terms = glossary_terms(self.content)
        if terms:
            self.heading(self.tr(N_("Appendix {letter}: Glossary"), letter=next(letters)), 1)
            table = self.table([self.tr(N_("Term")), self.tr(N_("Definition"))], [5.0, 12.0])
            for term in terms:
                cells = self.row(table)
                self.cell_text(cells[0], term.term.as_dict(), bold=True)
                self.cell_text(cells[1], term.definition.as_dict())
        self.heading(self.tr(N_("Appendix {letter}: All answers and notes"),
                             letter=next(letters)), 1)
        if not report.answers:
            self.para(self.tr(N_("None.")))
        for area in report.areas:
            own = [q for q in report.answers if q.area == area.id]
            if not own:
                continue
            self.heading(pick(area.title, self.lang), 2)
            table = self.table([self.tr(N_("Question")), self.tr(N_("Answer")),
                                self.tr(N_("Note"))], [8.2, 4.6, 4.2])
            for q in own:
                cells = self.row(table)
                self.cell_text(cells[0], q.text)
                if q.answer_text:
                    self.cell_text(cells[1], q.answer_text)
                else:
                    self.cell_text(cells[1], plain="-")
                self.cell_text(cells[2], plain=q.note or "")
        if report.calculations:
            texts = question_texts(self.content, report)
            self.heading(self.tr(N_("Calculations")), 2)
            for calc in report.calculations:
                name = pick(texts[calc.question], self.lang) if calc.question in texts \
                    else calc.question
                self.para(name, bold=True)
                if calc.error:
                    self.texts(calc.error)
                for lang in self.langs():
                    result = (calc.result or {}).get(lang) or {}
                    for line in list(result.get("working", [])) + list(result.get("notes", [])):
                        wordml.run(self.bullet(), line,
                                   colour=GREY if self.lang == "both" and lang == "en" else None)
        if report.evidence:
            self.evidence(next(letters))
        self.heading(self.tr(N_("Appendix {letter}: How the scores are computed"),
                             letter=next(letters)), 1)
        self.texts(report.content.scoring)
        self.heading(self.tr(N_("Content packs")), 2)
        table = self.table([self.tr(N_("Pack")), self.tr(N_("Version")), self.tr(N_("As of")),
                            self.tr(N_("Review by"))], [7.0, 2.6, 3.7, 3.7])
        for p in report.content.packs:
            cells = self.row(table)
            self.cell_text(cells[0], p.title, extra=(p.id,))
            self.cell_text(cells[1], plain=p.version)
            self.cell_text(cells[2], plain=p.as_of)
            self.cell_text(cells[3], plain=p.review_by)
        if report.dropped:
            self.heading(self.tr(N_("Appendix {letter}: Answers not carried over to the current "
                                    "content"), letter=next(letters)), 1)
            self.para(self.tr(DROPPED_NOTE))
            table = self.table([self.tr(N_("Question or action")), self.tr(N_("Value")),
                                self.tr(N_("Reason"))], [5.0, 6.0, 6.0])
            for d in report.dropped:
                cells = self.row(table)
                self.cell_text(cells[0], plain=d.key)
                self.cell_text(cells[1], plain=d.value if isinstance(d.value, str)
                               else json.dumps(d.value, ensure_ascii=False, sort_keys=True))
                self.cell_text(cells[2], plain=self.tr(d.reason))


def _score(value: Optional[int]) -> str:
    return "-" if value is None else f"{value}/100"
