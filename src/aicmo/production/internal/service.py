"""Production's use cases behind the ContentProduction port."""

from __future__ import annotations

from aicmo.creatives.api import Writer
from aicmo.kernel.clock import Clock
from aicmo.onboarding.api import BriefRecord
from aicmo.production.api.dtos import ContentItemId, ContentPack, PackId
from aicmo.production.internal.pack_repository import ProductionUnitOfWorkFactory
from aicmo.production.internal.use_cases import discard, edit_item, generate_pack, read_packs, revise
from aicmo.strategy.api import Strategy


class ProductionService:
    def __init__(self, uow: ProductionUnitOfWorkFactory, clock: Clock, writer: Writer) -> None:
        self._uow = uow
        self._clock = clock
        self._writer = writer

    def generate_pack(self, brief: BriefRecord, strategy: Strategy, *, key: str | None = None) -> ContentPack:
        return generate_pack.generate_pack(self._uow, self._clock, self._writer, brief, strategy, key)

    def revise(
        self,
        brief: BriefRecord,
        strategy: Strategy,
        pack_id: PackId,
        notes: dict[ContentItemId, list[str]],
        *,
        key: str | None = None,
    ) -> ContentPack:
        return revise.revise(self._uow, self._writer, brief, strategy, pack_id, notes, key)

    def edit_item(self, pack_id: PackId, item_id: ContentItemId, fields: dict[str, str]) -> ContentPack:
        return edit_item.edit_item(self._uow, pack_id, item_id, fields)

    def get_pack(self, pack_id: PackId) -> ContentPack:
        return read_packs.get_pack(self._uow, pack_id)

    def discard(self, pack_id: PackId) -> None:
        discard.discard(self._uow, self._clock, pack_id)
