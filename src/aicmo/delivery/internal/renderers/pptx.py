"""The strategy as slides (python-pptx): a title slide, one slide per layer, KPIs and channels."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.util import Inches, Pt

from aicmo.delivery.internal.renderers.view import PackageView, Table

_MAX_BULLETS = 7


def _bullets(presentation: Presentation, title: str, lines: list[str]) -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = title
    body = slide.placeholders[1].text_frame
    body.text = lines[0] if lines else ""
    for line in lines[1:_MAX_BULLETS]:
        body.add_paragraph().text = line
    for paragraph in body.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(16)


def _table_slide(presentation: Presentation, title: str, table: Table) -> None:
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    slide.shapes.title.text = title
    rows, cols = len(table.rows) + 1, len(table.header)
    shape = slide.shapes.add_table(rows, cols, Inches(0.5), Inches(1.6), Inches(9), Inches(0.4) * rows)
    for col, text in enumerate(table.header):
        shape.table.cell(0, col).text = text
    for row, values in enumerate(table.rows, start=1):
        for col, text in enumerate(values):
            cell = shape.table.cell(row, col)
            cell.text = text
            for run in cell.text_frame.paragraphs[0].runs:
                run.font.size = Pt(12)


def render_pptx(view: PackageView) -> bytes:
    presentation = Presentation()
    title = presentation.slides.add_slide(presentation.slide_layouts[0])
    title.shapes.title.text = view.client
    title.placeholders[1].text = f"{view.big_idea}\n{view.subtitle}"
    for layer in view.layers:
        _bullets(presentation, layer.title, [layer.summary, *layer.points])
    _table_slide(presentation, "KPIs", view.kpis)
    _table_slide(presentation, "Channels and budget", view.channels)
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()
