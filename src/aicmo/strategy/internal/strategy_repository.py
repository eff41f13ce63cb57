"""Strategy's storage as its use cases see it: one document per brief and its versions."""

from __future__ import annotations

import uuid
from typing import Protocol

from aicmo.platform.db.unit_of_work import UnitOfWork, UnitOfWorkFactory
from aicmo.strategy.internal.models import StrategyRow, StrategyVersionRow


class StrategyRepository(Protocol):
    def add_document(self, document: StrategyRow) -> None: ...

    def document_for_brief(self, brief_id: uuid.UUID) -> StrategyRow | None: ...

    def document_of(self, version: StrategyVersionRow) -> StrategyRow:
        """The document a stored version belongs to (it always has one)."""
        ...

    def add_version(self, version: StrategyVersionRow) -> None: ...

    def version(self, version_id: uuid.UUID) -> StrategyVersionRow | None: ...

    def version_for_key(self, request_key: str) -> StrategyVersionRow | None:
        """The version an earlier call with this request key stored."""
        ...

    def latest_version_number(self, strategy_id: uuid.UUID) -> int:
        """0 for a document without versions."""
        ...


StrategyUnitOfWork = UnitOfWork[StrategyRepository]
StrategyUnitOfWorkFactory = UnitOfWorkFactory[StrategyRepository]
