"""Production's storage as its use cases see it: packs and their items."""

from __future__ import annotations

import uuid
from typing import Protocol

from aicmo.platform.db.unit_of_work import UnitOfWork, UnitOfWorkFactory
from aicmo.production.internal.models import ContentItemRow, PackRow


class PackRepository(Protocol):
    def add(self, pack: PackRow, items: list[ContentItemRow]) -> None:
        """Store a new pack with its items."""
        ...

    def pack(self, pack_id: uuid.UUID) -> PackRow | None: ...

    def pack_for_key(self, request_key: str) -> PackRow | None:
        """The pack an earlier call with this request key stored."""
        ...

    def items_of(self, pack_id: uuid.UUID) -> list[ContentItemRow]:
        """The pack's items in the order of its plan."""
        ...


ProductionUnitOfWork = UnitOfWork[PackRepository]
ProductionUnitOfWorkFactory = UnitOfWorkFactory[PackRepository]
