"""Read stored reports, and name findings by the short ids `aicmo qc report` shows."""

from __future__ import annotations

from aicmo.kernel.errors import NotFound
from aicmo.platform.db.short_ids import resolve_among, shortest_among
from aicmo.qc.api.dtos import FindingId, QcReport, QcRunId
from aicmo.qc.internal.reports import report
from aicmo.qc.internal.run_repository import QcUnitOfWorkFactory


def get_report(uow: QcUnitOfWorkFactory, run_id: QcRunId) -> QcReport:
    with uow() as unit:
        run = unit.repository.run(run_id)
        if run is None:
            raise NotFound(f"no QC run {run_id}")
        return report(run, unit.repository.findings_of(run.id))


def finding_id(uow: QcUnitOfWorkFactory, typed: str) -> FindingId:
    with uow() as unit:
        found = resolve_among(unit.repository.finding_keys(), typed, what="finding", listed_by="`aicmo qc report RUN`")
        return FindingId.parse(found)


def short_finding_ids(uow: QcUnitOfWorkFactory, finding_ids: list[FindingId]) -> dict[FindingId, str]:
    with uow() as unit:
        shortest = shortest_among(unit.repository.finding_keys(), finding_ids)
        return {FindingId.parse(key): short for key, short in shortest.items()}
