"""Read a stored pack with its items."""

from __future__ import annotations

from aicmo.kernel.errors import NotFound
from aicmo.production.api.dtos import ContentPack, PackId
from aicmo.production.internal.pack_repository import ProductionUnitOfWorkFactory
from aicmo.production.internal.packs import content_pack


def get_pack(uow: ProductionUnitOfWorkFactory, pack_id: PackId) -> ContentPack:
    with uow() as unit:
        pack = unit.repository.pack(pack_id)
        if pack is None:
            raise NotFound(f"no content pack {pack_id}")
        return content_pack(pack, unit.repository.items_of(pack_id))
