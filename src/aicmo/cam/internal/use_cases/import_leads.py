"""Import a CSV of leads into a campaign: every row read is accepted, a duplicate, or rejected
with its reason in a rejects CSV; nothing is stored unless the whole file could be read."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from aicmo.cam.api.dtos import CampaignId, IcpRules, ImportSummary, LeadStage
from aicmo.cam.api.events import LeadIngested
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.csv_import import ImportTally, check_mapping, read_leads
from aicmo.cam.internal.scoring import Scorer
from aicmo.cam.internal.use_cases.campaigns import named
from aicmo.gateways.api import FileDrop, OutgoingFile
from aicmo.kernel.clock import Clock

BATCH = 5_000
"""Leads read and stored at a time: memory stays flat whatever the file's size."""


@dataclass(frozen=True)
class RejectsFolder:
    """Where an import writes the CSV of the rows it rejected, one file per import."""

    file_drop: FileDrop
    folder: Path

    def write(self, campaign: str, now: datetime, content: bytes) -> str:
        """The path of the rejects file, named after the campaign and the import's time."""
        name = f"rejects-{''.join(c if c.isalnum() else '-' for c in campaign)}-{now:%Y%m%dT%H%M%S%f}.csv"
        [written] = self.file_drop.write(str(self.folder), [OutgoingFile(name=name, content=content)])
        return written.path


def import_leads(
    uow: CamUnitOfWorkFactory,
    clock: Clock,
    rejects: RejectsFolder,
    campaign: str,
    data: bytes | IO[bytes],
    source: str,
    mapping: dict[str, str] | None = None,
) -> ImportSummary:
    """New leads at NEW, scored against the campaign's ICP."""
    check_mapping(mapping or {})
    now = clock.now()
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    tally = ImportTally()
    with uow() as unit:
        campaign_row = named(unit.repository, campaign)
        scorer = Scorer(IcpRules.model_validate(campaign_row.icp), LeadStage.NEW)
        with unit.repository.new_leads(campaign_row.id, scorer, source, now) as new_leads:
            for leads in read_leads(stream, source, mapping or {}, tally, BATCH):
                stored = new_leads.store(leads)
                tally.accepted += stored
                tally.duplicates += len(leads) - stored
        if tally.accepted:
            unit.publish(LeadIngested(campaign_id=CampaignId.parse(campaign_row.id), accepted=tally.accepted))
        unit.commit()
    rejects_file = rejects.write(campaign, now, tally.rejects.content()) if tally.rejected else None
    return ImportSummary(
        read=tally.read,
        accepted=tally.accepted,
        duplicates=tally.duplicates,
        rejected=tally.rejected,
        rejects_file=rejects_file,
        warnings=tally.warnings,
        ignored_columns=tally.ignored_columns,
    )
