"""The package as Markdown: one document an account manager can read top to bottom."""

from __future__ import annotations

from aicmo.delivery.internal.renderers.blocks import Block
from aicmo.delivery.internal.renderers.view import Field, PackageView, Table


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(table: Table) -> list[str]:
    lines = ["| " + " | ".join(table.header) + " |", "|" + "---|" * len(table.header)]
    return lines + ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in table.rows]


def _block(block: Block) -> list[str]:
    """A subheading sits below the item's heading (###), so the document's outline holds."""
    if block.kind == "heading":
        return [f"#### {block.lines[0]}", ""]
    return [f"- {line}" for line in block.lines] + [""] if block.kind == "bullets" else [*block.lines, ""]


def _field(field: Field) -> list[str]:
    if field.inline:
        return [f"**{field.label}:** {field.text.strip()}", ""]
    return [f"**{field.label}:**", ""] + [line for block in field.blocks for line in _block(block)]


def render_markdown(view: PackageView) -> bytes:
    out = [
        f"# {view.client} — {view.title.lower()}",
        "",
        view.subtitle,
        "",
        "## Strategy",
        "",
        f"**Big idea:** {view.big_idea}",
        "",
    ]
    for layer in view.layers:
        out += [f"### {layer.title}", "", layer.summary, ""] + [f"- {point}" for point in layer.points] + [""]
    out += ["### KPIs", "", *_table(view.kpis), "", "### Budget split", "", *_table(view.channels)]
    out += ["", "### Timeline", "", *_table(view.timeline)]
    if view.calendar:
        out += ["", "## 30-day content calendar", "", *_table(view.calendar)]
    for section in view.sections:
        out += ["", f"## {section.title}", ""]
        for item in section.items:
            out += [f"### {item.heading}", ""] if item.heading else []
            out += [line for field in item.fields for line in _field(field)]
    return ("\n".join(out).rstrip() + "\n").encode()
