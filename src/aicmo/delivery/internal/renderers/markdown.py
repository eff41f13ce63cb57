"""The package as Markdown: one document an account manager can read top to bottom."""

from __future__ import annotations

from aicmo.delivery.api.dtos import PackageRequest
from aicmo.production.api import ContentItem, ContentKind

_SECTION_TITLES = {
    ContentKind.SOCIAL_POST: "Platform posts",
    ContentKind.EMAIL: "Email sequence",
    ContentKind.AD: "Ad copy",
    ContentKind.LANDING_PAGE: "Landing page",
    ContentKind.BLOG_OUTLINE: "Blog outline",
}


_BOUNDS = {"at_most": "≤ ", "at_least": "≥ ", "reach": ""}


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_markdown(request: PackageRequest) -> str:
    brief, strategy, pack, qc = request.brief, request.strategy, request.pack, request.qc
    out = [
        f"# {brief.client_name} — marketing plan",
        "",
        f"Brief v{brief.version} · strategy v{strategy.version} · {len(pack.items)} content items · "
        f"QC score {qc.score}/100 ({'passed' if qc.passed else 'failed'})",
        "",
        "## Strategy",
        "",
        f"**Big idea:** {strategy.big_idea}",
        "",
    ]
    for layer in strategy.layers:
        out += [f"### {layer.title}", "", layer.summary, ""] + [f"- {point}" for point in layer.points] + [""]
    out += ["### KPIs", "", "| KPI | Target | Unit | Weeks | Source |", "|---|---|---|---|---|"]
    out += [
        f"| {_cell(k.name)} | {_BOUNDS[k.comparison]}{k.target:,g} | {_cell(k.unit)} | {k.timeframe_weeks} | {'proposed' if k.proposed else 'brief'} |"
        for k in strategy.kpis
    ]
    out += ["", "### Budget split", "", "| Channel | Share | Posts per week | Role |", "|---|---|---|---|"]
    out += [f"| {c.platform} | {c.share_percent}% | {c.cadence_per_week} | {_cell(c.role)} |" for c in strategy.channels]
    out += ["", "### Timeline", "", "| Week | Focus |", "|---|---|"]
    out += [f"| {m.week} | {_cell(m.focus)} |" for m in strategy.timeline]
    calendar = pack.of_kind(ContentKind.CALENDAR_ENTRY)
    if calendar:
        out += ["", "## 30-day content calendar", "", "| Date | Platform | Pillar | Hook | CTA |", "|---|---|---|---|---|"]
        out += [
            f"| {i.scheduled_on} | {i.platform} | {_cell(i.fields['pillar'])} | {_cell(i.fields['hook'])} | {_cell(i.fields['cta'])} |"
            for i in calendar
        ]
    for kind, title in _SECTION_TITLES.items():
        items = pack.of_kind(kind)
        if items:
            out += ["", f"## {title}", ""]
            for number, item in enumerate(items, start=1):
                out += _item(item, number)
    out += ["", "## Quality report", "", f"Score {qc.score} (threshold {qc.threshold}); {len(qc.findings)} findings.", ""]
    out += [f"- **{f.severity}** {f.rule_id}: {f.message}" for f in qc.findings]
    return "\n".join(out).rstrip() + "\n"


def _item(item: ContentItem, number: int) -> list[str]:
    heading = f"### {number}. {item.platform}" if item.platform else f"### {number}."
    lines = [heading, ""]
    for name, value in item.fields.items():
        label = name.replace("_", " ").capitalize()
        if "\n" in value:
            lines += [f"**{label}:**", "", value, ""]
        else:
            lines += [f"**{label}:** {value}", ""]
    return lines
