"""The package as a Word document (python-docx), in the brand's colours, typeface and logo."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import Table as DocxTable
from docx.table import _Cell

from aicmo.delivery.internal.renderers.office_logo import logo_box, logo_png
from aicmo.delivery.internal.renderers.style import Style
from aicmo.delivery.internal.renderers.blocks import Block
from aicmo.delivery.internal.renderers.view import Field, PackageView, Table

_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_MUTED = "#666666"
_BODY = "#1E1E1E"
_RULE = "D0D0D0"


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#"))


def _restyle(style: BaseStyle, font: str, size: float, color: str, *, bold: bool | None = None) -> None:
    """Set a style's typeface outright: the template's theme fonts would otherwise win over the name."""
    style.font.name = font
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in _THEME_FONTS:
        rfonts.attrib.pop(qn(attribute), None)
    rfonts.set(qn("w:eastAsia"), font)
    style.font.size = Pt(size)
    style.font.color.rgb = _rgb(color)
    if bold is not None:
        style.font.bold = bold


def _accent_rule_under(style: BaseStyle, accent: str) -> None:
    """The template draws a theme-blue rule under the title: make it the accent colour."""
    borders = style.element.get_or_add_pPr().find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        style.element.get_or_add_pPr().append(borders)
    for old in borders.findall(qn("w:bottom")):
        borders.remove(old)
    rule = OxmlElement("w:bottom")
    for name, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "6"), ("w:color", accent.lstrip("#"))):
        rule.set(qn(name), value)
    borders.append(rule)


def _styles(document: WordDocument, style: Style) -> None:
    styles = document.styles
    _restyle(styles["Normal"], style.office_font, 10.5, _BODY)
    _restyle(styles["Title"], style.office_font, 30, style.ink, bold=True)
    _accent_rule_under(styles["Title"], style.accent)
    _restyle(styles["Subtitle"], style.office_font, 13, style.ink, bold=False)
    styles["Subtitle"].font.italic = False
    for level, size in ((1, 18), (2, 13), (3, 11)):
        _restyle(styles[f"Heading {level}"], style.office_font, size, style.ink, bold=True)


def _shade(cell: _Cell, hex_color: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_color.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shading)


def _hairlines(grid: DocxTable) -> None:
    """Light grey rules instead of the template's black grid."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        rule = OxmlElement(f"w:{edge}")
        for name, value in (("w:val", "single"), ("w:sz", "4"), ("w:color", _RULE)):
            rule.set(qn(name), value)
        borders.append(rule)
    grid._tbl.tblPr.append(borders)


def _table(document: WordDocument, table: Table, style: Style) -> None:
    grid = document.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    _hairlines(grid)
    header = grid.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(header.cells, table.header, strict=True):
        _shade(cell, style.primary)
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.color.rgb = _rgb(style.on_primary)
    for number, row in enumerate(table.rows):
        cells = grid.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
            if number % 2:
                _shade(cell, style.tint)


def _page_number(paragraph) -> None:  # noqa: ANN001 - a python-docx Paragraph
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)


def _cover(document: WordDocument, view: PackageView) -> None:
    style = view.style
    if style.logo is not None:
        png = logo_png(style.logo)
        width, height = logo_box(png, Cm(2), Cm(9))
        document.add_picture(io.BytesIO(png), width=width, height=height)
    document.add_paragraph(view.client, style="Title")
    document.add_paragraph(view.title.upper(), style="Subtitle")
    document.add_paragraph().add_run(view.subtitle).font.color.rgb = _rgb(_MUTED)
    big_idea = document.add_paragraph().add_run(view.big_idea)
    big_idea.italic = True
    big_idea.font.size = Pt(14)
    big_idea.font.color.rgb = _rgb(style.ink)
    credit = document.add_paragraph()
    credit.paragraph_format.space_before = Pt(36)
    if view.agency:
        credit.add_run(f"Prepared by {view.agency}").font.color.rgb = _rgb(_MUTED)
    credit.add_run().add_break(WD_BREAK.PAGE)


def _frame(document: WordDocument, view: PackageView) -> None:
    """Header with the client and the document's name, footer with the agency and the page number."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = f"{view.client} · {view.title}"
    footer = section.footer.paragraphs[0]
    footer.text = f"{view.agency} · page " if view.agency else "Page "
    _page_number(footer)
    for paragraph in (section.header.paragraphs[0], footer):
        for run in paragraph.runs:
            run.font.size = Pt(8)
            run.font.color.rgb = _rgb(_MUTED)


def _metadata(document: WordDocument, view: PackageView) -> None:
    properties = document.core_properties
    properties.title = f"{view.client} — {view.title}"
    properties.subject = f"{view.title} for {view.client}"
    properties.author = properties.last_modified_by = view.agency or ""
    properties.comments = properties.keywords = properties.category = ""
    properties.created = properties.modified = view.prepared_at
    properties.revision = 1


def _copy(document: WordDocument, block: Block) -> None:
    """A block of copy as Word lays it out: a subheading, bullet points, or one paragraph whose lines break."""
    if block.kind == "heading":
        document.add_heading(block.lines[0], level=3)
    elif block.kind == "bullets":
        for line in block.lines:
            document.add_paragraph(line, style="List Bullet")
    else:
        document.add_paragraph("\n".join(block.lines))


def _field(document: WordDocument, field: Field) -> None:
    """A one-line field after its bold label; a longer one below the label, kept on the label's page."""
    label = document.add_paragraph()
    label.add_run(f"{field.label}:").bold = True
    if field.inline:
        label.add_run(f" {field.blocks[0].lines[0]}")
        return
    label.paragraph_format.keep_with_next = True
    for block in field.blocks:
        _copy(document, block)


def render_docx(view: PackageView) -> bytes:
    document = Document()
    _styles(document, view.style)
    _metadata(document, view)
    _frame(document, view)
    _cover(document, view)
    document.add_heading("Strategy", level=1)
    for layer in view.layers:
        document.add_heading(layer.title, level=2)
        document.add_paragraph(layer.summary)
        for point in layer.points:
            document.add_paragraph(point, style="List Bullet")
    for title, table in (("KPIs", view.kpis), ("Budget split", view.channels), ("Timeline", view.timeline)):
        document.add_heading(title, level=2)
        _table(document, table, view.style)
    if view.calendar:
        document.add_heading("30-day content calendar", level=1)
        _table(document, view.calendar, view.style)
    for section in view.sections:
        document.add_heading(section.title, level=1)
        for item in section.items:
            if item.heading:
                document.add_heading(item.heading, level=2)
            for field in item.fields:
                _field(document, field)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
