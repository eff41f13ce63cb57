"""QC's storage as its use cases see it: runs and their findings."""

from __future__ import annotations

import uuid
from typing import Protocol

from aicmo.platform.db.short_ids import SortedKeys
from aicmo.platform.db.unit_of_work import UnitOfWork, UnitOfWorkFactory
from aicmo.qc.internal.models import QcFindingRow, QcRunRow


class QcRunRepository(Protocol):
    def add(self, run: QcRunRow, findings: list[QcFindingRow]) -> None:
        """Store a new run with its findings."""
        ...

    def run(self, run_id: uuid.UUID) -> QcRunRow | None: ...

    def run_for_key(self, key: str) -> QcRunRow | None:
        """The run an earlier call with this request key stored."""
        ...

    def latest_run_of(self, pack_id: uuid.UUID) -> QcRunRow | None:
        """The pack's most recent run, if it was checked before."""
        ...

    def finding(self, finding_id: uuid.UUID) -> QcFindingRow | None: ...

    def findings_of(self, run_id: uuid.UUID) -> list[QcFindingRow]: ...

    def replace_findings(self, run_id: uuid.UUID, item_id: uuid.UUID, findings: list[QcFindingRow]) -> None:
        """The item's findings in the run become `findings`; its earlier ones are deleted."""
        ...

    def finding_keys(self) -> SortedKeys:
        """Every finding's id, for short ids."""
        ...


QcUnitOfWork = UnitOfWork[QcRunRepository]
QcUnitOfWorkFactory = UnitOfWorkFactory[QcRunRepository]
