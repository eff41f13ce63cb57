"""Strategy's documents and versions in memory."""

from __future__ import annotations

import uuid

from aicmo.strategy.internal.models import StrategyRow, StrategyVersionRow


class FakeStrategyRepository:
    def __init__(self) -> None:
        self.documents: dict[uuid.UUID, StrategyRow] = {}
        self.versions: dict[uuid.UUID, StrategyVersionRow] = {}

    def add_document(self, document: StrategyRow) -> None:
        self.documents[document.id] = document

    def document_for_brief(self, brief_id: uuid.UUID) -> StrategyRow | None:
        return next((document for document in self.documents.values() if document.brief_id == brief_id), None)

    def document_of(self, version: StrategyVersionRow) -> StrategyRow:
        return self.documents[version.strategy_id]

    def add_version(self, version: StrategyVersionRow) -> None:
        self.versions[version.id] = version

    def version(self, version_id: uuid.UUID) -> StrategyVersionRow | None:
        return self.versions.get(version_id)

    def version_for_key(self, request_key: str) -> StrategyVersionRow | None:
        return next((version for version in self.versions.values() if version.request_key == request_key), None)

    def latest_version_number(self, strategy_id: uuid.UUID) -> int:
        return max(
            (version.version for version in self.versions.values() if version.strategy_id == strategy_id), default=0
        )
