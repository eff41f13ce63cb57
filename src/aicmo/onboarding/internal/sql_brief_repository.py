"""Onboarding's intakes, briefs and versions in its tables, and its events in `onboarding_outbox`."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from aicmo.kernel.events import DomainEvent
from aicmo.onboarding.internal.brief_repository import OnboardingUnitOfWorkFactory
from aicmo.onboarding.internal.models import OWNER, BriefRow, BriefVersionRow, IntakeRow, OnboardingOutbox
from aicmo.platform.db import Database
from aicmo.platform.db.sql_unit_of_work import SqlUnitOfWork
from aicmo.platform.events import outbox_entry


class SqlBriefRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add_intake(self, intake: IntakeRow) -> None:
        self._session.add(intake)
        self._session.flush()

    def intake_for_origin(self, origin_key: str) -> IntakeRow | None:
        return self._session.scalar(select(IntakeRow).where(IntakeRow.origin_key == origin_key))

    def intakes(self, limit: int) -> list[IntakeRow]:
        return list(self._session.scalars(select(IntakeRow).order_by(IntakeRow.created_at.desc()).limit(limit)))

    def briefed_intake_ids(self) -> set[uuid.UUID]:
        return set(self._session.scalars(select(BriefRow.intake_id)))

    def add_brief(self, brief: BriefRow) -> None:
        self._session.add(brief)

    def brief(self, brief_id: uuid.UUID) -> BriefRow | None:
        return self._session.get(BriefRow, brief_id)

    def brief_for_client(self, client_key: str) -> BriefRow | None:
        return self._session.scalar(select(BriefRow).where(BriefRow.client_key == client_key))

    def brief_of(self, version: BriefVersionRow) -> BriefRow:
        return self._session.get_one(BriefRow, version.brief_id)

    def add_version(self, version: BriefVersionRow) -> None:
        self._session.add(version)

    def version(self, version_id: uuid.UUID) -> BriefVersionRow | None:
        return self._session.get(BriefVersionRow, version_id)

    def version_for_key(self, capture_key: str) -> BriefVersionRow | None:
        return self._session.scalar(select(BriefVersionRow).where(BriefVersionRow.capture_key == capture_key))

    def latest_version_number(self, brief_id: uuid.UUID) -> int:
        latest = self._session.scalar(
            select(func.max(BriefVersionRow.version)).where(BriefVersionRow.brief_id == brief_id)
        )
        return latest or 0


def store_onboarding_events(session: Session, events: list[DomainEvent]) -> None:
    session.add_all([outbox_entry(OnboardingOutbox, event) for event in events])


def sql_onboarding_unit_of_work(db: Database) -> OnboardingUnitOfWorkFactory:
    return lambda: SqlUnitOfWork(db, OWNER, SqlBriefRepository, store_onboarding_events)
