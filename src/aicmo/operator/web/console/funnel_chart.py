"""The CAM funnel as bars of an SVG drawn on the server: no script, no chart library.

Each stage gets a row with its label, a bar as long as its share of the largest stage and its
count. An empty stage keeps its row (a grey track and a 0), so a new pipeline reads as empty,
not as broken."""

from __future__ import annotations

from dataclasses import dataclass

from aicmo.cam.api import LeadStage

WIDTH = 640
ROW = 34
LABEL = 110
COUNT = 130
TRACK = WIDTH - LABEL - COUNT


@dataclass(frozen=True)
class Bar:
    stage: str
    count: int
    y: int
    width: int
    share: str
    """The stage's share of every lead, e.g. '12%' (empty when there are no leads)."""


@dataclass(frozen=True)
class FunnelChart:
    bars: list[Bar]
    total: int
    height: int
    label: int = LABEL
    track: int = TRACK
    width: int = WIDTH

    @property
    def summary(self) -> str:
        """What the chart shows, in words (its SVG title, for screen readers)."""
        return "Leads by stage: " + ", ".join(f"{bar.stage.lower()} {bar.count:,}" for bar in self.bars)


def funnel_chart(funnel: dict[LeadStage, int]) -> FunnelChart:
    largest = max(funnel.values(), default=0)
    total = sum(funnel.values())
    bars = []
    for row, stage in enumerate(LeadStage):
        count = funnel.get(stage, 0)
        width = round(TRACK * count / largest) if largest else 0
        share = f"{100 * count / total:.0f}%" if total else ""
        bars.append(Bar(stage.value, count, row * ROW, max(width, 2) if count else 0, share))
    return FunnelChart(bars, total, len(bars) * ROW)
