"""Word (OOXML) building blocks on top of python-docx that the report's layout
(:mod:`wizard.report.docx`) needs and python-docx has no call for: Korean fonts in the East
Asian slot, fields (page numbers, table of contents), table rows that repeat as a header and
never split across pages, cell shading, paragraph borders.

Korean text in Word takes its font from the East Asian slot of ``w:rFonts`` (``font.name``
sets only the Latin slots). Every style and the document defaults name Malgun Gothic there
(Korean Word's own default, on every Windows since Vista; Hancom Office reads it too) and the
font table describes it (Hangul character set, alternative name, PANOSE class), so Word,
Hancom Office and LibreOffice show Hangul, or substitute a Korean font, without the
program's fonts installed.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from wizard.report.common import OFFICE_FONT, OFFICE_FONT_LATIN

# Malgun Gothic: its Korean family name (what Korean Word writes in the East Asian slot) and
# its Latin name
KOREAN_FONT = OFFICE_FONT
LATIN_FONT = OFFICE_FONT_LATIN
# the PANOSE class of Malgun Gothic (sans serif) and the Hangul character set, for substitution
_PANOSE = "020B0503020000020004"
_HANGUL_CHARSET = "81"


# Elements that follow, in the schema's order, the ones this module adds (Word refuses a file
# whose elements are out of order)
_AFTER_UPDATE_FIELDS = ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat",
                        "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
                        "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                        "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                        "w:readModeInkLockDown", "w:smartTagType", "w:shapeDefaults",
                        "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
               "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
               "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
               "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_CELL_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
                   "w:hideMark")
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def _place(parent, element, before: Iterable[str]) -> None:
    """Put ``element`` into ``parent`` before the first of ``before`` present (listed in the
    schema's order), else at the end."""
    for name in before:
        anchor = parent.find(qn(name))
        if anchor is not None:
            anchor.addprevious(element)
            return
    parent.append(element)


def _child(parent, tag: str, before: Iterable[str] = ()):
    """``parent``'s child ``tag``, created in its place if missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        _place(parent, found, before)
    return found


def set_fonts(rpr, east_asian: str = KOREAN_FONT, latin: str = LATIN_FONT) -> None:
    """Name the fonts of a run-properties element in every slot (theme fonts removed)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)


def set_languages(rpr, latin: str, east_asian: str = "ko-KR") -> None:
    lang = _child(rpr, "w:lang", _AFTER_LANG)
    lang.set(qn("w:val"), latin)
    lang.set(qn("w:eastAsia"), east_asian)


def korean_document_fonts(document) -> None:
    """Malgun Gothic in the document defaults and every paragraph and character style, the
    languages (English for Latin script, so English words never break mid-word; Korean for
    Hangul), and the font described in the font table."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr)
    set_languages(rpr, "en-US")
    for style in styles.findall(qn("w:style")):
        rpr = style.find(qn("w:rPr"))
        if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
            set_fonts(rpr)
    _font_table(document)


def _font_table(document) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part = document.part
    for rel in part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            table = rel.target_part
            break
    else:
        return
    from docx.oxml import parse_xml

    root = parse_xml(table.blob) if not hasattr(table, "element") else table.element
    for font in root.findall(qn("w:font")):
        if font.get(qn("w:name")) == KOREAN_FONT:
            return
    font = OxmlElement("w:font")
    font.set(qn("w:name"), KOREAN_FONT)
    for tag, value in (("w:altName", LATIN_FONT), ("w:panose1", _PANOSE),
                       ("w:charset", _HANGUL_CHARSET), ("w:family", "swiss"),
                       ("w:pitch", "variable")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        font.append(child)
    root.append(font)
    if not hasattr(table, "element"):
        from lxml import etree

        table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                     standalone=True)


def update_fields_on_open(document) -> None:
    """Ask Word to update fields (the table of contents, page counts) when the file opens."""
    settings = document.settings.element
    flag = _child(settings, "w:updateFields", _AFTER_UPDATE_FIELDS)
    flag.set(qn("w:val"), "true")


# ----------------------------------------------------------------------------- runs

def run(paragraph, text: str, *, bold: bool = False, italic: bool = False,
        size: Optional[float] = None, colour: Optional[str] = None) -> None:
    """Append a run of ``text`` to ``paragraph`` (line breaks and tabs kept). Built directly,
    with its properties in the schema's order: python-docx's generic setters cost about a
    third of a long report's time."""
    r = OxmlElement("w:r")
    if bold or italic or size or colour:
        rpr = OxmlElement("w:rPr")
        if bold:
            rpr.append(OxmlElement("w:b"))
        if italic:
            rpr.append(OxmlElement("w:i"))
        if colour:
            element = OxmlElement("w:color")
            element.set(qn("w:val"), colour)
            rpr.append(element)
        if size:
            element = OxmlElement("w:sz")
            element.set(qn("w:val"), str(int(round(size * 2))))
            rpr.append(element)
        r.append(rpr)
    for index, line in enumerate(text.split("\n")):
        if index:
            r.append(OxmlElement("w:br"))
        for number, piece in enumerate(line.split("\t")):
            if number:
                r.append(OxmlElement("w:tab"))
            if piece:
                t = OxmlElement("w:t")
                t.text = piece
                if piece[0].isspace() or piece[-1].isspace():
                    t.set(qn("xml:space"), "preserve")
                r.append(t)
    paragraph._p.append(r)


def line_break(paragraph) -> None:
    r = OxmlElement("w:r")
    r.append(OxmlElement("w:br"))
    paragraph._p.append(r)


def styled(paragraph, style_id: str):
    """Give ``paragraph`` the style ``style_id`` (e.g. ``Heading1``, ``ListBullet``) directly:
    looking styles up by name is slow in python-docx."""
    paragraph._p.style = style_id
    return paragraph


# ----------------------------------------------------------------------------- fields

def _fld_char(run, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)


def _instr(run, text: str) -> None:
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {text} "
    run._r.append(instr)


def add_field(paragraph, code: str, shown: str = "1", style=None):
    """A simple field (``PAGE``, ``NUMPAGES``) in ``paragraph`` showing ``shown`` until Word
    updates it; ``style`` (a function taking the run) formats it."""
    runs = [paragraph.add_run() for _ in range(4)]
    _fld_char(runs[0], "begin")
    _instr(runs[1], code)
    _fld_char(runs[2], "separate")
    runs[3].text = shown
    end = paragraph.add_run()
    _fld_char(end, "end")
    if style is not None:
        for run in runs + [end]:
            style(run)


def add_text_with_fields(paragraph, text: str, fields: dict[str, tuple[str, str]],
                         style=None) -> None:
    """``text`` with ``{name}`` placeholders replaced by the fields ``fields[name]`` = (code,
    shown): how "Page {page} of {pages}" is written in any language's word order."""
    for piece in re.split(r"(\{[a-z_]+\})", text):
        name = piece[1:-1] if piece.startswith("{") and piece.endswith("}") else None
        if name in fields:
            code, shown = fields[name]
            add_field(paragraph, code, shown, style)
        elif piece:
            run = paragraph.add_run(piece)
            if style is not None:
                style(run)


def add_toc(document, title_paragraph_after, entries: list[tuple[int, str]],
            levels: str = "1-2", placeholder: str = "") -> None:
    """A table-of-contents field over headings ``levels``, right after
    ``title_paragraph_after``. Until Word updates it, it shows ``entries`` ((level, text) of
    the headings, without page numbers) and ``placeholder`` (how to update it)."""
    anchor = title_paragraph_after
    paragraphs = []
    first = _paragraph_after(anchor)
    paragraphs.append(first)
    begin = first.add_run()
    _fld_char(begin, "begin")
    _instr(first.add_run(), f'TOC \\o "{levels}" \\h \\z \\u')
    _fld_char(first.add_run(), "separate")
    if placeholder:
        first.add_run(placeholder).italic = True
    last = first
    for level, text in entries:
        last = _paragraph_after(last)
        last.paragraph_format.left_indent = _indent(level)
        last.paragraph_format.space_after = 0
        last.add_run(text)
        paragraphs.append(last)
    _fld_char(last.add_run(), "end")


def _indent(level: int):
    from docx.shared import Cm

    return Cm(0.6 * (level - 1))


def _paragraph_after(paragraph):
    from docx.text.paragraph import Paragraph

    new = OxmlElement("w:p")
    paragraph._p.addnext(new)
    return Paragraph(new, paragraph._parent)


# ----------------------------------------------------------------------------- tables

def row_properties(row, *, header: bool = False) -> None:
    """Never split ``row`` across pages; repeat it at the top of every page when ``header``."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def shade(cell, fill: str) -> None:
    """Fill a table cell with a colour (``RRGGBB``)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    _place(tc_pr, shd, _AFTER_CELL_SHD)


def shade_run(run, fill: str) -> None:
    rpr = run._r.get_or_add_rPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    rpr.append(shd)


def left_border(paragraph, colour: str, size: int = 24) -> None:
    """A coloured bar on the left of a paragraph (how findings are marked by severity)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = _child(ppr, "w:pBdr", _AFTER_PBDR)
    left = OxmlElement("w:left")
    left.set(qn("w:val"), "single")
    left.set(qn("w:sz"), str(size))
    left.set(qn("w:space"), "8")
    left.set(qn("w:color"), colour)
    borders.append(left)


def fixed_widths(table, widths) -> None:
    """Fixed column widths (a list of Length): Word and LibreOffice lay the table out the same."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(width.twips)))


def alt_text(inline_shape, text: str, title: Optional[str] = None) -> None:
    """Describe a picture for screen readers (Word's Alt Text)."""
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("descr", text)
    if title:
        doc_pr.set("title", title)
