"""What the console's leads table means: which leads a filter keeps and in which order a sort
lists them. The repositories run it (SQL through an index per order, the fake in memory).

A page ends at its last lead's sort key (sort values, then the id); the next page asks for
the leads after that key, so page 500 costs what page 1 does. The count of matching leads
stops at `COUNT_CAP`, and a text search is not counted: a search that matches few leads
would read every lead once more to count them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from aicmo.cam.api.dtos import LeadSort, LeadStage
from aicmo.cam.internal.models import LeadRow

COUNT_CAP = 10_000


@dataclass(frozen=True)
class LeadFilter:
    """The leads that meet every condition given (None: no condition)."""

    campaign_id: uuid.UUID | None = None
    stage: LeadStage | None = None
    min_score: int | None = None
    max_score: int | None = None
    text: str | None = None
    """Lower case; part of the lead's address or of its company name, in any case."""


@dataclass(frozen=True)
class LeadOrder:
    """The lead attributes a sort compares, in turn, and whether it runs high to low."""

    keys: tuple[str, ...]
    descending: bool

    def key_of(self, lead: LeadRow) -> tuple[object, ...]:
        """The lead's place in this order: where a page that ends at it ends."""
        return tuple(getattr(lead, name) for name in self.keys)


ORDERS: dict[LeadSort, LeadOrder] = {
    LeadSort.NEWEST: LeadOrder(("created_at", "id"), descending=True),
    LeadSort.OLDEST: LeadOrder(("created_at", "id"), descending=False),
    LeadSort.SCORE_HIGH: LeadOrder(("score", "created_at", "id"), descending=True),
    LeadSort.SCORE_LOW: LeadOrder(("score", "created_at", "id"), descending=False),
}
"""Ties of a score are broken by the time a lead was stored, then by its id: an import then
adds to the end of each score's part of the index, not at random places."""
