"""QC's use cases behind the QualityGate port."""

from __future__ import annotations

from aicmo.kernel.clock import Clock
from aicmo.onboarding.api import Brief
from aicmo.production.api import ContentItemId, ContentPack
from aicmo.qc.api.dtos import FindingId, QcReport, QcRunId
from aicmo.qc.internal.run_repository import QcUnitOfWorkFactory
from aicmo.qc.internal.use_cases import evaluate, read_reports, recheck_item, void, waive


class QcService:
    def __init__(self, uow: QcUnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def evaluate(self, pack: ContentPack, brief: Brief, *, key: str | None = None) -> QcReport:
        return evaluate.evaluate(self._uow, self._clock, pack, brief, key)

    def get(self, run_id: QcRunId) -> QcReport:
        return read_reports.get_report(self._uow, run_id)

    def waive(self, finding_id: FindingId, reason: str, by: str) -> QcReport:
        return waive.waive(self._uow, self._clock, finding_id, reason, by)

    def recheck_item(self, run_id: QcRunId, pack: ContentPack, brief: Brief, item_id: ContentItemId) -> QcReport:
        return recheck_item.recheck_item(self._uow, run_id, pack, brief, item_id)

    def finding_id(self, typed: str) -> FindingId:
        return read_reports.finding_id(self._uow, typed)

    def short_finding_ids(self, finding_ids: list[FindingId]) -> dict[FindingId, str]:
        return read_reports.short_finding_ids(self._uow, finding_ids)

    def void(self, run_id: QcRunId) -> None:
        void.void(self._uow, self._clock, run_id)
