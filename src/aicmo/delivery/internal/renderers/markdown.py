"""The package as Markdown: one document an account manager can read top to bottom."""

from __future__ import annotations

from aicmo.delivery.internal.renderers.view import PackageView, Table


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(table: Table) -> list[str]:
    lines = ["| " + " | ".join(table.header) + " |", "|" + "---|" * len(table.header)]
    return lines + ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in table.rows]


def render_markdown(view: PackageView) -> bytes:
    out = [f"# {view.client} — {view.title.lower()}", "", view.subtitle, "", "## Strategy", "", f"**Big idea:** {view.big_idea}", ""]
    for layer in view.layers:
        out += [f"### {layer.title}", "", layer.summary, ""] + [f"- {point}" for point in layer.points] + [""]
    out += ["### KPIs", "", *_table(view.kpis), "", "### Budget split", "", *_table(view.channels)]
    out += ["", "### Timeline", "", *_table(view.timeline)]
    if view.calendar:
        out += ["", "## 30-day content calendar", "", *_table(view.calendar)]
    if view.stronger_with:
        out += ["", "### What would make this copy stronger", "", "Add to the brief:", ""] + [f"- {gap}" for gap in view.stronger_with]
    for section in view.sections:
        out += ["", f"## {section.title}", ""]
        for item in section.items:
            out += [f"### {item.heading}", ""]
            for label, value in item.fields:
                out += [f"**{label}:**", "", value, ""] if "\n" in value else [f"**{label}:** {value}", ""]
    return ("\n".join(out).rstrip() + "\n").encode()
