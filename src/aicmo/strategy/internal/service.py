"""Strategy's use cases behind the StrategyPlanner port."""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy import func, select

from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import Conflict, NotFound
from aicmo.onboarding.api import BriefRecord
from aicmo.platform.db import Database, retry_on_conflict
from aicmo.platform.events import outbox_entry
from aicmo.strategy.api.dtos import Strategy, StrategyId, StrategyStatus, StrategyVersionId
from aicmo.strategy.api.events import StrategyApproved, StrategyGenerated
from aicmo.strategy.internal.composer import compose
from aicmo.strategy.internal.models import StrategyOutbox, StrategyRow, StrategyVersionRow

OWNER = "strategy"
_BODY_FIELDS = ("big_idea", "layers", "kpis", "channels", "timeline", "budget", "warnings")


class StrategyService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def generate(self, brief: BriefRecord, *, key: str | None = None) -> Strategy:
        """Concurrent strategies for one brief race on the document row and version number; the loser retries."""
        return retry_on_conflict(lambda: self._generate(brief, key))

    def _generate(self, brief: BriefRecord, key: str | None) -> Strategy:
        content = compose(brief.brief, brief.facts)
        now = self._clock.now()
        with self._db.session_for(OWNER) as session:
            if key is not None:
                earlier = session.scalar(select(StrategyVersionRow).where(StrategyVersionRow.request_key == key))
                if earlier is not None:
                    return _strategy(session.get_one(StrategyRow, earlier.strategy_id), earlier)
            document = session.scalar(select(StrategyRow).where(StrategyRow.brief_id == brief.brief_id))
            if document is None:
                document = StrategyRow(id=StrategyId.new(), brief_id=brief.brief_id, client_name=brief.client_name, created_at=now)
                session.add(document)
                session.flush()
            latest = session.scalar(select(func.max(StrategyVersionRow.version)).where(StrategyVersionRow.strategy_id == document.id))
            body = {name: _dump(getattr(content, name)) for name in _BODY_FIELDS}
            row = StrategyVersionRow(
                id=StrategyVersionId.new(),
                strategy_id=document.id,
                version=(latest or 0) + 1,
                brief_version_id=brief.version_id,
                request_key=key,
                status=StrategyStatus.DRAFT,
                body=body,
                created_at=now,
            )
            session.add(row)
            session.add(
                outbox_entry(
                    StrategyOutbox,
                    StrategyGenerated(
                        strategy_id=document.id, version_id=row.id, version=row.version, brief_version_id=brief.version_id
                    ),
                )
            )
            return _strategy(document, row)

    def get(self, version_id: StrategyVersionId) -> Strategy:
        with self._db.session_for(OWNER) as session:
            row = session.get(StrategyVersionRow, version_id)
            if row is None:
                raise NotFound(f"no strategy version {version_id}")
            return _strategy(session.get_one(StrategyRow, row.strategy_id), row)

    def approve(self, version_id: StrategyVersionId) -> Strategy:
        with self._db.session_for(OWNER) as session:
            row = session.get(StrategyVersionRow, version_id)
            if row is None:
                raise NotFound(f"no strategy version {version_id}")
            if row.status == StrategyStatus.DISCARDED:
                raise Conflict(f"strategy version {version_id} was discarded; generate a new one")
            if row.status != StrategyStatus.APPROVED:
                row.status = StrategyStatus.APPROVED
                row.approved_at = self._clock.now()
                session.add(
                    outbox_entry(
                        StrategyOutbox, StrategyApproved(strategy_id=row.strategy_id, version_id=row.id, version=row.version)
                    )
                )
            return _strategy(session.get_one(StrategyRow, row.strategy_id), row)

    def discard(self, version_id: StrategyVersionId) -> None:
        with self._db.session_for(OWNER) as session:
            row = session.get(StrategyVersionRow, version_id)
            if row is not None and row.status != StrategyStatus.DISCARDED:
                row.status = StrategyStatus.DISCARDED
                row.discarded_at = self._clock.now()


def _dump(value: object) -> object:
    if isinstance(value, list):
        return [_dump(item) for item in value]
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return value


def _strategy(document: StrategyRow, row: StrategyVersionRow) -> Strategy:
    return Strategy.model_validate(
        {
            "strategy_id": document.id,
            "version_id": row.id,
            "version": row.version,
            "brief_version_id": row.brief_version_id,
            "client_name": document.client_name,
            "status": row.status,
            "created_at": row.created_at,
            **row.body,
        }
    )
