"""Events production publishes."""

from __future__ import annotations

from aicmo.kernel.events import DomainEvent
from aicmo.production.api.dtos import ContentItemId, PackId


class DraftReady(DomainEvent):
    pack_id: PackId
    item_count: int


class ContentRevised(DomainEvent):
    pack_id: PackId
    item_ids: list[ContentItemId]
