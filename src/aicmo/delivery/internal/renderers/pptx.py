"""The strategy as slides (python-pptx): a title slide, one slide per layer, KPIs and channels,
on a 16:9 slide master in the brand's colours, typeface and logo."""

from __future__ import annotations

import io

from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.oxml.shapes.picture import CT_Picture
from pptx.presentation import Presentation as Deck
from pptx.shapes.autoshape import Shape
from pptx.slide import SlideMaster
from pptx.util import Emu, Inches, Pt

from aicmo.delivery.internal.renderers.office_logo import logo_png
from aicmo.delivery.internal.renderers.style import Style
from aicmo.delivery.internal.renderers.view import PackageView, Table

_MAX_BULLETS = 7
_WIDE = Inches(13.333)
_BODY = "1E1E1E"
_MUTED = "666666"


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#"))


def _widen(deck: Deck) -> None:
    """16:9: stretch the template's 4:3 master and layouts so their placeholders span the slide."""
    factor = _WIDE / deck.slide_width
    deck.slide_width = _WIDE
    master = deck.slide_master
    for shape in [*master.placeholders, *(p for layout in master.slide_layouts for p in layout.placeholders)]:
        if shape._element.spPr.xfrm is not None:  # the others inherit the master's, already stretched
            shape.left, shape.width = Emu(int(shape.left * factor)), Emu(int(shape.width * factor))


def _text_style(element, font: str, color: str, *, bold: bool = False) -> None:  # noqa: ANN001 - an lxml element
    """Font and colour of every level of one of the master's text styles."""
    for level in element:
        properties = level.find(qn("a:defRPr"))
        if properties is None:
            continue
        for old in properties.findall(qn("a:solidFill")) + properties.findall(qn("a:latin")):
            properties.remove(old)
        fill = properties.makeelement(qn("a:solidFill"), {})
        fill.append(fill.makeelement(qn("a:srgbClr"), {"val": color.lstrip("#")}))
        properties.insert(0, fill)
        properties.append(properties.makeelement(qn("a:latin"), {"typeface": font}))
        properties.set("b", "1" if bold else "0")


def _next_id(master: SlideMaster) -> int:
    return max(int(e.get("id")) for e in master.element.iter(qn("p:cNvPr"))) + 1


def _band(master: SlideMaster, top: int, height: int, color: str) -> None:
    sp = CT_Shape.new_autoshape_sp(_next_id(master), "Brand band", "rect", 0, top, _WIDE, height)
    master.shapes._spTree.insert(2, sp)
    band = Shape(sp, master.shapes)
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(color)
    band.line.fill.background()


def _logo(master: SlideMaster, png: bytes) -> None:
    _, rid = master.part.get_or_add_image_part(io.BytesIO(png))
    height = Inches(0.45)
    with Image.open(io.BytesIO(png)) as image:
        width = int(height * image.width / image.height)
    pic = CT_Picture.new_pic(_next_id(master), "Logo", "Logo", rid, _WIDE - width - Inches(0.4), Inches(0.3), width, height)
    master.shapes._spTree.append(pic)


def _master(deck: Deck, style: Style) -> None:
    master = deck.slide_master
    styles = master.element.find(qn("p:txStyles"))
    _text_style(styles.find(qn("p:titleStyle")), style.office_font, style.ink, bold=True)
    _text_style(styles.find(qn("p:bodyStyle")), style.office_font, _BODY)
    _text_style(styles.find(qn("p:otherStyle")), style.office_font, _BODY)
    _band(master, 0, Inches(0.12), style.primary)
    _band(master, deck.slide_height - Inches(0.08), Inches(0.08), style.accent)
    if style.logo is not None:
        _logo(master, logo_png(style.logo))


def _bullets(deck: Deck, title: str, lines: list[str]) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = title
    body = slide.placeholders[1].text_frame
    body.text = lines[0] if lines else ""
    for line in lines[1:_MAX_BULLETS]:
        body.add_paragraph().text = line
    for paragraph in body.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(18)


def _table_slide(deck: Deck, title: str, table: Table, style: Style) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = title
    rows, cols = len(table.rows) + 1, len(table.header)
    shape = slide.shapes.add_table(rows, cols, Inches(0.6), Inches(1.7), _WIDE - Inches(1.2), Inches(0.45) * rows)
    for col, text in enumerate(table.header):
        cell = shape.table.cell(0, col)
        cell.text = text
        cell.fill.solid()
        cell.fill.fore_color.rgb = _rgb(style.primary)
        font = cell.text_frame.paragraphs[0].runs[0].font
        font.bold, font.size, font.color.rgb = True, Pt(14), _rgb(style.on_primary)
    for row, values in enumerate(table.rows, start=1):
        for col, text in enumerate(values):
            cell = shape.table.cell(row, col)
            cell.text = text
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(style.tint if row % 2 == 0 else "#FFFFFF")
            for run in cell.text_frame.paragraphs[0].runs:
                run.font.size, run.font.color.rgb = Pt(13), _rgb(_BODY)


def _title_slide(deck: Deck, view: PackageView) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = view.client
    body = slide.placeholders[1].text_frame
    body.text = view.big_idea
    credit = body.add_paragraph()
    credit.text = f"{view.title} · {view.subtitle} · prepared by {view.agency}"
    body.paragraphs[0].runs[0].font.italic = True
    body.paragraphs[0].runs[0].font.color.rgb = _rgb(view.style.ink)
    credit.runs[0].font.size, credit.runs[0].font.color.rgb = Pt(14), _rgb(_MUTED)


def _metadata(deck: Deck, view: PackageView) -> None:
    properties = deck.core_properties
    properties.title = f"{view.client} — {view.title}"
    properties.subject = f"{view.title} for {view.client}"
    properties.author = properties.last_modified_by = view.agency
    properties.comments = properties.keywords = properties.category = ""
    properties.created = properties.modified = view.prepared_at.replace(tzinfo=None)
    properties.revision = 1


def render_pptx(view: PackageView) -> bytes:
    deck = Presentation()
    _widen(deck)
    _master(deck, view.style)
    _metadata(deck, view)
    _title_slide(deck, view)
    for layer in view.layers:
        _bullets(deck, layer.title, [layer.summary, *layer.points])
    _table_slide(deck, "KPIs", view.kpis, view.style)
    _table_slide(deck, "Channels and budget", view.channels, view.style)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
