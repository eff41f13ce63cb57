"""What every document shows, in order, as plain data: the renderers only lay it out."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from aicmo.delivery.api.dtos import PackageRequest
from aicmo.delivery.internal.renderers.blocks import Block, blocks_of, is_inline
from aicmo.delivery.internal.renderers.style import Style, style_for
from aicmo.onboarding.api import Plan, Platform
from aicmo.production.api import ContentItem, ContentKind

SECTION_TITLES = {
    ContentKind.SOCIAL_POST: "Platform posts",
    ContentKind.EMAIL: "Email sequence",
    ContentKind.AD: "Ad copy",
    ContentKind.LANDING_PAGE: "Landing page",
    ContentKind.BLOG_OUTLINE: "Blog outline",
}
BOUNDS = {"at_most": "≤ ", "at_least": "≥ ", "reach": ""}
LABELS = {"cta": "CTA", "faq": "FAQ"}
"""Field names a reader knows by their initials; the others read as words."""
_URL = re.compile(r"https?://\S+?(?=[.,;:!?)]*(?:\s|$))")


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
class Field:
    label: str
    text: str
    blocks: list[Block]
    inline: bool
    """One line of text, set after its label; otherwise the blocks stand below it."""


@dataclass(frozen=True)
class Item:
    heading: str | None
    """None for a section's only item without a platform: the section's title names it."""
    fields: list[Field]


@dataclass(frozen=True)
class Section:
    title: str
    items: list[Item]


@dataclass(frozen=True)
class PackageView:
    """What the client reads: nothing internal to the agency (versions, QC, lineage live in qc-report.md)."""

    client: str
    title: str
    subtitle: str
    agency: str | None
    """Who prepared the documents (their author and cover credit); None names no one."""
    big_idea: str
    layers: list[Layer]
    kpis: Table
    channels: Table
    timeline: Table
    calendar: Table | None
    sections: list[Section]
    prepared_at: dt.datetime
    style: Style


def _label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " ").capitalize())


def _field(name: str, value: str) -> Field:
    blocks = blocks_of(value)
    return Field(_label(name), value, blocks, is_inline(blocks))


def _readable_links(text: str) -> str:
    """Links as a reader says them (zenstudio.example.com/classes): the tagged link is in the schedule."""

    def readable(match: re.Match[str]) -> str:
        parts = urlsplit(match.group(0))
        return (parts.netloc.removeprefix("www.") + parts.path).rstrip("/")

    return _URL.sub(readable, text)


def platform_name(platform: str | None) -> str:
    """How a platform is written for a reader; a name the plan does not know is capitalised."""
    known = {p.value: p for p in Platform}
    return known[platform].display_name if platform in known else (platform or "").capitalize()


def _item(item: ContentItem, number: int, alone: bool) -> Item:
    heading = f"{number}. {platform_name(item.platform)}" if item.platform else None if alone else f"{number}."
    return Item(heading, [_field(name, value) for name, value in item.fields.items() if value])


def _section(title: str, items: list[ContentItem]) -> Section:
    alone = len(items) == 1
    return Section(title, [_item(item, n, alone) for n, item in enumerate(items, start=1)])


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def _zone_label(plan: Plan) -> str:
    """The calendar's time zone, said to be a default when the brief did not settle it."""
    return f"{plan.timezone}, default: set plan.timezone" if plan.timezone_from == "default" else plan.timezone


def _period(request: PackageRequest) -> str:
    start = request.brief.brief.plan.start_date
    weeks = request.brief.brief.goal.timeline_weeks
    return f"{weeks} weeks · {_day(start)} to {_day(start + dt.timedelta(weeks=weeks, days=-1))}"


def package_view(request: PackageRequest, agency: str | None) -> PackageView:
    """The documents' content; `agency` is who prepared them (their author), None when the agency is unnamed."""
    brief, strategy, pack = request.brief, request.strategy, request.pack
    calendar = pack.of_kind(ContentKind.CALENDAR_ENTRY)
    return PackageView(
        client=brief.client_name,
        title="Marketing plan",
        subtitle=_period(request),
        agency=agency,
        big_idea=strategy.big_idea,
        layers=[Layer(layer.title, layer.summary, layer.points) for layer in strategy.layers],
        kpis=Table(
            ["KPI", "Target", "Unit", "Time frame", "Source"],
            [
                [
                    k.name,
                    f"{BOUNDS[k.comparison]}{k.target:,g}",
                    k.unit,
                    k.time_frame(),
                    "proposed" if k.proposed else "brief",
                ]
                for k in strategy.kpis
            ],
        ),
        channels=Table(
            ["Channel", "Budget share", "Budget", "Posts per week", "Role"],
            [
                [
                    platform_name(c.platform),
                    f"{c.share_percent}%",
                    strategy.budget.label(c.budget_amount) if strategy.budget and c.budget_amount is not None else "—",
                    str(c.cadence_per_week),
                    c.role,
                ]
                for c in strategy.channels
            ],
        ),
        timeline=Table(["Week", "Focus"], [[str(m.week), m.focus] for m in strategy.timeline]),
        calendar=Table(
            ["Date", f"Time ({_zone_label(brief.brief.plan)})", "Platform", "Pillar", "Hook", "CTA"],
            [
                [
                    str(i.scheduled_on),
                    f"{i.scheduled_time:%H:%M}" if i.scheduled_time else "",
                    platform_name(i.platform),
                    i.fields["pillar"],
                    i.fields["hook"],
                    _readable_links(i.fields["cta"]),
                ]
                for i in calendar
            ],
        )
        if calendar
        else None,
        sections=[_section(title, pack.of_kind(kind)) for kind, title in SECTION_TITLES.items() if pack.of_kind(kind)],
        prepared_at=pack.created_at,
        style=style_for(brief.brief.brand),
    )
