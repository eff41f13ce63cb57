"""Production's packs and items in memory."""

from __future__ import annotations

import uuid

from aicmo.production.internal.models import ContentItemRow, PackRow


class FakePackRepository:
    def __init__(self) -> None:
        self.packs: dict[uuid.UUID, PackRow] = {}
        self.items: dict[uuid.UUID, ContentItemRow] = {}

    def add(self, pack: PackRow, items: list[ContentItemRow]) -> None:
        self.packs[pack.id] = pack
        self.items.update((item.id, item) for item in items)

    def pack(self, pack_id: uuid.UUID) -> PackRow | None:
        return self.packs.get(pack_id)

    def pack_for_key(self, request_key: str) -> PackRow | None:
        return next((pack for pack in self.packs.values() if pack.request_key == request_key), None)

    def items_of(self, pack_id: uuid.UUID) -> list[ContentItemRow]:
        return sorted((item for item in self.items.values() if item.pack_id == pack_id), key=lambda item: item.position)
