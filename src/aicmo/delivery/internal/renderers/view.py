"""What every document shows, in order, as plain data: the renderers only lay it out."""

from __future__ import annotations

from dataclasses import dataclass, field

from aicmo.delivery.api.dtos import PackageRequest
from aicmo.onboarding.api import Plan
from aicmo.production.api import ContentItem, ContentKind

SECTION_TITLES = {
    ContentKind.SOCIAL_POST: "Platform posts",
    ContentKind.EMAIL: "Email sequence",
    ContentKind.AD: "Ad copy",
    ContentKind.LANDING_PAGE: "Landing page",
    ContentKind.BLOG_OUTLINE: "Blog outline",
}
BOUNDS = {"at_most": "≤ ", "at_least": "≥ ", "reach": ""}


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Layer:
    title: str
    summary: str
    points: list[str]


@dataclass(frozen=True)
class Item:
    heading: str
    fields: list[tuple[str, str]]


@dataclass(frozen=True)
class Section:
    title: str
    items: list[Item]


@dataclass(frozen=True)
class PackageView:
    client: str
    subtitle: str
    big_idea: str
    layers: list[Layer]
    kpis: Table
    channels: Table
    timeline: Table
    calendar: Table | None
    sections: list[Section]
    qc_summary: str
    findings: list[str] = field(default_factory=list)
    stronger_with: list[str] = field(default_factory=list)
    """Brief fields left empty that would make the copy stronger."""


def _label(name: str) -> str:
    return "CTA" if name == "cta" else name.replace("_", " ").capitalize()


def _item(item: ContentItem, number: int) -> Item:
    heading = f"{number}. {item.platform}" if item.platform else f"{number}."
    return Item(heading, [(_label(name), value) for name, value in item.fields.items() if value])


def _zone_label(plan: Plan) -> str:
    """The calendar's time zone, said to be a default when the brief did not settle it."""
    return f"{plan.timezone}, default: set plan.timezone" if plan.timezone_from == "default" else plan.timezone


def _qc_summary(request: PackageRequest) -> str:
    qc = request.qc
    by_deliverable = ", ".join(f"{kind} {value} (needs {qc.thresholds.get(kind, 0)})" for kind, value in qc.scores.items())
    counts = ", ".join(f"{qc.count(s)} {s.lower()}" for s in ("BLOCKER", "MAJOR", "MINOR"))
    waived = sum(1 for f in qc.findings if f.waived)
    verdict = "passed" if qc.passed else "did not pass"
    return f"Score {qc.score}/100, {verdict}. By deliverable: {by_deliverable}. Findings: {counts}; {waived} waived."


def package_view(request: PackageRequest) -> PackageView:
    brief, strategy, pack, qc = request.brief, request.strategy, request.pack, request.qc
    calendar = pack.of_kind(ContentKind.CALENDAR_ENTRY)
    return PackageView(
        client=brief.client_name,
        subtitle=(
            f"Marketing plan · brief v{brief.version} · strategy v{strategy.version} · "
            f"{len(pack.items)} content items · QC {qc.score}/100"
        ),
        big_idea=strategy.big_idea,
        layers=[Layer(layer.title, layer.summary, layer.points) for layer in strategy.layers],
        kpis=Table(
            ["KPI", "Target", "Unit", "Weeks", "Source"],
            [
                [k.name, f"{BOUNDS[k.comparison]}{k.target:,g}", k.unit, str(k.timeframe_weeks), "proposed" if k.proposed else "brief"]
                for k in strategy.kpis
            ],
        ),
        channels=Table(
            ["Channel", "Budget share", "Posts per week", "Role"],
            [[c.platform, f"{c.share_percent}%", str(c.cadence_per_week), c.role] for c in strategy.channels],
        ),
        timeline=Table(["Week", "Focus"], [[str(m.week), m.focus] for m in strategy.timeline]),
        calendar=Table(
            ["Date", f"Time ({_zone_label(brief.brief.plan)})", "Platform", "Pillar", "Hook", "CTA"],
            [
                [str(i.scheduled_on), f"{i.scheduled_time:%H:%M}" if i.scheduled_time else "", i.platform or "", i.fields["pillar"], i.fields["hook"], i.fields["cta"]]
                for i in calendar
            ],
        )
        if calendar
        else None,
        sections=[
            Section(title, [_item(item, n) for n, item in enumerate(pack.of_kind(kind), start=1)])
            for kind, title in SECTION_TITLES.items()
            if pack.of_kind(kind)
        ],
        qc_summary=_qc_summary(request),
        stronger_with=brief.facts.gaps,
        findings=[
            f"{f.severity} {f.rule_id}: {f.message}" + (f" — waived by {f.waived_by}: {f.waiver_reason}" if f.waived else "")
            for f in qc.findings
        ],
    )
