"""The package as a Word document (python-docx)."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Pt

from aicmo.delivery.internal.renderers.view import PackageView, Table


def _table(document: Document, table: Table) -> None:
    grid = document.add_table(rows=1, cols=len(table.header))
    grid.style = "Light Grid Accent 1"
    for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
        cell.text = text
    for row in table.rows:
        for cell, text in zip(grid.add_row().cells, row, strict=True):
            cell.text = text


def render_docx(view: PackageView) -> bytes:
    document = Document()
    document.styles["Normal"].font.size = Pt(10.5)
    document.core_properties.title = f"{view.client} — marketing plan"
    document.add_heading(view.client, level=0)
    document.add_paragraph(view.subtitle)
    document.add_paragraph().add_run(view.big_idea).italic = True
    document.add_heading("Strategy", level=1)
    for layer in view.layers:
        document.add_heading(layer.title, level=2)
        document.add_paragraph(layer.summary)
        for point in layer.points:
            document.add_paragraph(point, style="List Bullet")
    for title, table in (("KPIs", view.kpis), ("Budget split", view.channels), ("Timeline", view.timeline)):
        document.add_heading(title, level=2)
        _table(document, table)
    if view.calendar:
        document.add_heading("30-day content calendar", level=1)
        _table(document, view.calendar)
    for section in view.sections:
        document.add_heading(section.title, level=1)
        for item in section.items:
            document.add_heading(item.heading, level=2)
            for label, value in item.fields:
                paragraph = document.add_paragraph()
                paragraph.add_run(f"{label}: ").bold = True
                paragraph.add_run(value)
    document.add_heading("Quality report", level=1)
    document.add_paragraph(view.qc_summary)
    for finding in view.findings:
        document.add_paragraph(finding, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
