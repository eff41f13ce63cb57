"""QC's runs and findings in memory."""

from __future__ import annotations

import uuid

from aicmo.platform.db.short_ids import ListedKeys
from aicmo.qc.internal.models import QcFindingRow, QcRunRow


class FakeQcRunRepository:
    def __init__(self) -> None:
        self.runs: dict[uuid.UUID, QcRunRow] = {}
        self.findings: dict[uuid.UUID, QcFindingRow] = {}

    def add(self, run: QcRunRow, findings: list[QcFindingRow]) -> None:
        self.runs[run.id] = run
        self.findings.update((finding.id, finding) for finding in findings)

    def run(self, run_id: uuid.UUID) -> QcRunRow | None:
        return self.runs.get(run_id)

    def run_for_key(self, key: str) -> QcRunRow | None:
        return next((run for run in self.runs.values() if run.request_key == key), None)

    def latest_run_of(self, pack_id: uuid.UUID) -> QcRunRow | None:
        return next((run for run in reversed(self.runs.values()) if run.pack_id == pack_id), None)

    def finding(self, finding_id: uuid.UUID) -> QcFindingRow | None:
        return self.findings.get(finding_id)

    def findings_of(self, run_id: uuid.UUID) -> list[QcFindingRow]:
        return [finding for finding in self.findings.values() if finding.run_id == run_id]

    def replace_findings(self, run_id: uuid.UUID, item_id: uuid.UUID, findings: list[QcFindingRow]) -> None:
        earlier = [f.id for f in self.findings.values() if f.run_id == run_id and f.item_id == item_id]
        for finding_id in earlier:
            del self.findings[finding_id]
        self.findings.update((finding.id, finding) for finding in findings)

    def finding_keys(self) -> ListedKeys:
        return ListedKeys(self.findings)
