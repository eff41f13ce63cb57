"""The LeadPipeline port: import, list, timeline, stages, and a won deal becoming a client."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session

from aicmo.cam.api.dtos import (
    CampaignId,
    IcpRules,
    ImportSummary,
    Lead,
    LeadDetail,
    LeadEvent,
    LeadId,
    LeadPage,
    LeadQuery,
    LeadStage,
    TimelineKind,
)
from aicmo.cam.api.events import ClientSigned, LeadIngested
from aicmo.cam.internal.campaigns import Campaigns
from aicmo.cam.internal.csv_import import ImportTally, check_mapping, read_leads
from aicmo.cam.internal.lead_rows import NewLeads, import_page_cache
from aicmo.cam.internal.lead_table import campaign_funnels, lead_page, stage_counts
from aicmo.cam.internal.models import OWNER, CamOutbox, LeadEventRow, LeadRow
from aicmo.cam.internal.stages import move
from aicmo.gateways.api import FileDrop, OutgoingFile
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import Conflict, NotFound
from aicmo.platform.db import Database
from aicmo.platform.db.short_ids import resolve_prefix
from aicmo.platform.events import outbox_entry

_BATCH = 5_000


class Pipeline:
    def __init__(self, db: Database, clock: Clock, file_drop: FileDrop, imports_folder: Path) -> None:
        self._db = db
        self._clock = clock
        self._file_drop = file_drop
        self._imports_folder = imports_folder

    def import_csv(
        self, campaign: str, data: bytes | IO[bytes], source: str, mapping: dict[str, str] | None = None
    ) -> ImportSummary:
        check_mapping(mapping or {})
        now = self._clock.now()
        stream = io.BytesIO(data) if isinstance(data, bytes) else data
        tally = ImportTally()
        with self._db.session_for(OWNER) as session, import_page_cache(session):
            campaign_row = Campaigns.row(session, campaign)
            icp = IcpRules.model_validate(campaign_row.icp)
            new_leads = NewLeads(session, campaign_row.id, icp, source, now)
            for leads in read_leads(stream, source, mapping or {}, tally, _BATCH):
                stored = new_leads.store(leads)
                tally.accepted += stored
                tally.duplicates += len(leads) - stored
            if tally.accepted:
                session.add(outbox_entry(CamOutbox, LeadIngested(campaign_id=campaign_row.id, accepted=tally.accepted)))
        rejects_file = self._write_rejects(campaign, now, tally.rejects.content()) if tally.rejected else None
        return ImportSummary(
            read=tally.read,
            accepted=tally.accepted,
            duplicates=tally.duplicates,
            rejected=tally.rejected,
            rejects_file=rejects_file,
            warnings=tally.warnings,
        )

    def _write_rejects(self, campaign: str, now: datetime, content: bytes) -> str:
        name = f"rejects-{''.join(c if c.isalnum() else '-' for c in campaign)}-{now:%Y%m%dT%H%M%S%f}.csv"
        [written] = self._file_drop.write(str(self._imports_folder), [OutgoingFile(name=name, content=content)])
        return written.path

    def leads(
        self, *, campaign: str | None = None, stage: LeadStage | None = None, grade: str | None = None, limit: int = 500
    ) -> list[Lead]:
        with self._db.session_for(OWNER) as session:
            query = select(LeadRow).order_by(LeadRow.created_at.desc(), LeadRow.email_key).limit(limit)
            if campaign:
                query = query.where(LeadRow.campaign_id == Campaigns.row(session, campaign).id)
            if stage:
                query = query.where(LeadRow.stage == stage)
            if grade:
                query = query.where(LeadRow.grade == grade.upper())
            return [_lead(row) for row in session.scalars(query)]

    def page(self, query: LeadQuery) -> LeadPage:
        with self._db.session_for(OWNER) as session:
            rows, page = lead_page(session, query)
            return page.model_copy(update={"leads": [_lead(row) for row in rows]})

    def campaign_funnels(self) -> dict[CampaignId, dict[LeadStage, int]]:
        with self._db.session_for(OWNER) as session:
            return campaign_funnels(session)

    def funnel(self, campaign: str | None = None) -> dict[LeadStage, int]:
        with self._db.session_for(OWNER) as session:
            return stage_counts(session, Campaigns.row(session, campaign).id if campaign else None)

    def lead(self, lead_id: LeadId) -> LeadDetail:
        with self._db.session_for(OWNER) as session:
            return _detail(session, self._row(session, lead_id))

    def resolve(self, typed: str) -> LeadId:
        with self._db.session_for(OWNER) as session:
            return LeadId.parse(resolve_prefix(session, LeadRow.id, typed, what="lead", listed_by="`aicmo cam leads`"))

    def advance(self, lead_id: LeadId, stage: LeadStage, note: str | None = None) -> LeadDetail:
        with self._db.session_for(OWNER) as session:
            row = self._move(session, lead_id, stage, note)
            return _detail(session, row)

    def won(self, lead_id: LeadId, note: str | None = None) -> LeadDetail:
        with self._db.session_for(OWNER) as session:
            row = self._move(session, lead_id, LeadStage.WON, note)
            contact = " ".join(part for part in (row.first_name, row.last_name) if part) or None
            signed = ClientSigned(
                lead_id=row.id,
                company=row.company or row.email.split("@")[-1],
                contact_email=row.email,
                contact_name=contact,
            )
            session.add(outbox_entry(CamOutbox, signed))
            return _detail(session, row)

    def _move(self, session: Session, lead_id: LeadId, stage: LeadStage, note: str | None) -> LeadRow:
        row = self._row(session, lead_id)
        current = LeadStage(row.stage)
        if current.closed:
            raise Conflict(f"lead {lead_id} is already {current}; a closed lead does not move")
        move(session, row, stage, at=self._clock.now(), note=note)
        return row

    @staticmethod
    def _row(session: Session, lead_id: LeadId) -> LeadRow:
        row = session.get(LeadRow, lead_id)
        if row is None:
            raise NotFound(f"no lead {lead_id}: list them with `aicmo cam leads`")
        return row


def _lead(row: LeadRow) -> Lead:
    return Lead(
        lead_id=LeadId.parse(row.id),
        campaign_id=CampaignId.parse(row.campaign_id),
        email=row.email,
        first_name=row.first_name,
        last_name=row.last_name,
        company=row.company,
        title=row.title,
        website=row.website,
        industry=row.industry,
        location=row.location,
        company_size=row.company_size,
        stage=LeadStage(row.stage),
        score=row.score,
        grade=row.grade,
        score_reasons=row.score_reasons,
        created_at=row.created_at,
    )


def _detail(session: Session, row: LeadRow) -> LeadDetail:
    """The timeline: the import (from the lead row itself), then every recorded event."""
    events = session.scalars(
        select(LeadEventRow).where(LeadEventRow.lead_id == row.id).order_by(LeadEventRow.at, LeadEventRow.kind)
    )
    origin = f"from {row.source}, score {row.score} ({row.grade})"
    imported = LeadEvent(at=row.created_at, kind=TimelineKind.IMPORTED, detail=origin)
    recorded = [LeadEvent(at=e.at, kind=TimelineKind(e.kind), detail=e.detail) for e in events]
    return LeadDetail(lead=_lead(row), timeline=[imported, *recorded])
