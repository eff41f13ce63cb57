"""The strategy as slides (python-pptx): a title slide, one slide per layer, KPIs and channels,
on a 16:9 slide master in the brand's colours, typeface and logo."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.oxml.shapes.picture import CT_Picture
from pptx.presentation import Presentation as Deck
from pptx.shapes.autoshape import Shape
from pptx.enum.text import PP_ALIGN
from pptx.slide import Slide, SlideMaster
from pptx.util import Emu, Inches, Pt

from aicmo.delivery.internal.renderers.office_logo import logo_box, logo_png
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


def _next_id(slide: SlideMaster | Slide) -> int:
    return max(int(e.get("id")) for e in slide.element.iter(qn("p:cNvPr"))) + 1


def _band(slide: SlideMaster | Slide, top: int, height: int, color: str) -> None:
    """A full-width rectangle behind everything else on a master or a slide."""
    sp = CT_Shape.new_autoshape_sp(_next_id(slide), "Brand band", "rect", 0, top, _WIDE, height)
    slide.shapes._spTree.insert(2, sp)
    band = Shape(sp, slide.shapes)
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(color)
    band.line.fill.background()


def _logo(master: SlideMaster, png: bytes) -> None:
    _, rid = master.part.get_or_add_image_part(io.BytesIO(png))
    width, height = logo_box(png, Inches(0.45), Inches(3))
    pic = CT_Picture.new_pic(
        _next_id(master), "Logo", "Logo", rid, _WIDE - width - Inches(0.4), Inches(0.3), width, height
    )
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


def _paragraph(frame, text: str, size: int, color: str, *, italic: bool = False, first: bool = False) -> None:  # noqa: ANN001 - a TextFrame
    paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
    paragraph.alignment = PP_ALIGN.LEFT
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.italic, run.font.color.rgb = Pt(size), italic, _rgb(color)


def _title_slide(deck: Deck, view: PackageView) -> None:
    """The client's name on a band of the primary colour, the big idea and the credit below it."""
    style = view.style
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    _band(slide, Inches(1.9), Inches(2.3), style.primary)
    title = slide.shapes.title
    _paragraph(title.text_frame, view.client, 44, style.on_primary, first=True)
    eyebrow = slide.shapes.add_textbox(title.left, Inches(3.5), title.width, Inches(0.5)).text_frame
    eyebrow.word_wrap = True
    _paragraph(eyebrow, view.title.upper(), 18, style.on_primary, first=True)
    below = slide.placeholders[1]
    below.left, below.top, below.width = title.left, Inches(4.5), title.width
    body = below.text_frame
    _paragraph(body, view.big_idea, 22, style.ink, italic=True, first=True)
    _paragraph(body, view.subtitle, 14, _MUTED)
    if view.agency:
        _paragraph(body, f"Prepared by {view.agency}", 14, _MUTED)


def _metadata(deck: Deck, view: PackageView) -> None:
    properties = deck.core_properties
    properties.title = f"{view.client} — {view.title}"
    properties.subject = f"{view.title} for {view.client}"
    properties.author = properties.last_modified_by = view.agency or ""
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
