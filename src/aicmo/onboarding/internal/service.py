"""Onboarding's use cases behind the BriefIntake port."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import func, select

from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import NotFound
from aicmo.onboarding.api.dtos import Brief, BriefId, BriefRecord, BriefVersionId, Intake, IntakeId
from aicmo.onboarding.api.events import BriefValidated, IntakeCaptured
from aicmo.onboarding.internal.fact_typing import type_brief
from aicmo.onboarding.internal.models import BriefRow, BriefVersionRow, IntakeRow, OnboardingOutbox
from aicmo.platform.db import Database, retry_on_conflict
from aicmo.platform.events import outbox_entry

OWNER = "onboarding"


def client_key(name: str) -> str:
    return " ".join(name.casefold().split())


def brief_checksum(brief: Brief) -> str:
    canonical = json.dumps(brief.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


class OnboardingService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def capture(self, brief: Brief, source: str, *, key: str | None = None) -> BriefRecord:
        """Concurrent captures of one client race on its brief row and version number; the loser retries."""
        return retry_on_conflict(lambda: self._capture(brief, source, key))

    def _capture(self, brief: Brief, source: str, key: str | None) -> BriefRecord:
        now = self._clock.now()
        checksum = brief_checksum(brief)
        with self._db.session_for(OWNER) as session:
            if key is not None:
                earlier = session.scalar(select(BriefVersionRow).where(BriefVersionRow.capture_key == key))
                if earlier is not None:
                    return _record(session.get_one(BriefRow, earlier.brief_id), earlier)
            brief_row = session.scalar(select(BriefRow).where(BriefRow.client_key == client_key(brief.client_name)))
            if brief_row is None:
                intake = IntakeRow(id=IntakeId.new(), client_name=brief.client_name, source=source, created_at=now)
                session.add(intake)
                session.flush()
                brief_row = BriefRow(
                    id=BriefId.new(),
                    intake_id=intake.id,
                    client_key=client_key(brief.client_name),
                    client_name=brief.client_name,
                    status="active",
                    created_at=now,
                )
                session.add(brief_row)
                session.add(
                    outbox_entry(
                        OnboardingOutbox,
                        IntakeCaptured(intake_id=intake.id, client_name=brief.client_name, source=source),
                    )
                )
            brief_row.status = "active"
            brief_row.archived_at = None
            latest = session.scalar(select(func.max(BriefVersionRow.version)).where(BriefVersionRow.brief_id == brief_row.id))
            version = BriefVersionRow(
                id=BriefVersionId.new(),
                brief_id=brief_row.id,
                version=(latest or 0) + 1,
                body=brief.model_dump(mode="json"),
                checksum=checksum,
                source=source,
                capture_key=key,
                created_at=now,
            )
            session.add(version)
            session.add(
                outbox_entry(
                    OnboardingOutbox,
                    BriefValidated(
                        brief_id=brief_row.id,
                        version_id=version.id,
                        version=version.version,
                        client_name=brief.client_name,
                    ),
                )
            )
            return _record(brief_row, version)

    def open_intake(self, client_name: str, *, contact_email: str | None, contact_name: str | None, origin: str, key: str) -> Intake:
        with self._db.session_for(OWNER) as session:
            row = session.scalar(select(IntakeRow).where(IntakeRow.origin_key == key))
            if row is None:
                row = IntakeRow(
                    id=IntakeId.new(),
                    client_name=client_name,
                    source=origin,
                    contact_email=contact_email,
                    contact_name=contact_name,
                    origin_key=key,
                    created_at=self._clock.now(),
                )
                session.add(row)
                session.add(outbox_entry(OnboardingOutbox, IntakeCaptured(intake_id=row.id, client_name=client_name, source=origin)))
            return _intake(row, has_brief=False)

    def intakes(self, limit: int = 100) -> list[Intake]:
        with self._db.session_for(OWNER) as session:
            briefed = set(session.scalars(select(BriefRow.intake_id)))
            rows = session.scalars(select(IntakeRow).order_by(IntakeRow.created_at.desc()).limit(limit))
            return [_intake(row, has_brief=row.id in briefed) for row in rows]

    def get_version(self, version_id: BriefVersionId) -> BriefRecord:
        with self._db.session_for(OWNER) as session:
            version = session.get(BriefVersionRow, version_id)
            if version is None:
                raise NotFound(f"no brief version {version_id}")
            return _record(session.get_one(BriefRow, version.brief_id), version)

    def archive(self, brief_id: BriefId) -> None:
        with self._db.session_for(OWNER) as session:
            row = session.get(BriefRow, brief_id)
            if row is not None and row.status != "archived":
                row.status = "archived"
                row.archived_at = self._clock.now()


def _intake(row: IntakeRow, *, has_brief: bool) -> Intake:
    return Intake(
        intake_id=IntakeId.parse(row.id),
        client_name=row.client_name,
        source=row.source,
        contact_email=row.contact_email,
        contact_name=row.contact_name,
        has_brief=has_brief,
        created_at=row.created_at,
    )


def _record(brief_row: BriefRow, version: BriefVersionRow) -> BriefRecord:
    brief = Brief.model_validate(version.body)
    return BriefRecord(
        brief_id=BriefId.parse(brief_row.id),
        version_id=BriefVersionId.parse(version.id),
        version=version.version,
        intake_id=IntakeId.parse(brief_row.intake_id),
        client_name=brief_row.client_name,
        checksum=version.checksum,
        created_at=version.created_at,
        brief=brief,
        facts=type_brief(brief),
    )
