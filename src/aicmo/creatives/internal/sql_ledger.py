"""The ledger in creatives' own tables: `creatives_model_calls` and `creatives_stored_responses`."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from aicmo.creatives.api.dtos import CostLine, ModelCall
from aicmo.creatives.internal.models import OWNER, ModelCallRow, StoredResponseRow
from aicmo.kernel.clock import Clock
from aicmo.platform.db import Database


class SqlLedger:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def stored(self, key: str) -> str | None:
        with self._db.session_for(OWNER) as session:
            row = session.get(StoredResponseRow, key)
            return row.text if row else None

    def store(self, key: str, text: str, call: ModelCall) -> None:
        """Keep an answer and the call that paid for it in one transaction; when a resumed step
        already kept an answer under the same key, the first stays and the call is still charged."""
        try:
            with self._db.session_for(OWNER) as session:
                session.add(StoredResponseRow(key=key, text=text, created_at=self._clock.now()))
                _add_call(session, call)
        except IntegrityError:
            self.record(call)

    def record(self, call: ModelCall) -> None:
        with self._db.session_for(OWNER) as session:
            _add_call(session, call)

    def spent(self, run: str) -> float:
        with self._db.session_for(OWNER) as session:
            return float(
                session.scalar(
                    select(func.coalesce(func.sum(ModelCallRow.cost_usd), 0.0)).where(ModelCallRow.run == run)
                )
            )

    def calls(self, run: str) -> list[ModelCall]:
        with self._db.session_for(OWNER) as session:
            rows = session.scalars(
                select(ModelCallRow).where(ModelCallRow.run == run).order_by(ModelCallRow.created_at)
            ).all()
            return [_call(row) for row in rows]

    def costs(self, *, since: dt.date | None = None, client: str | None = None) -> list[CostLine]:
        columns = (ModelCallRow.client, ModelCallRow.provider, ModelCallRow.model)
        sums = [
            func.count(),
            func.sum(ModelCallRow.input_tokens),
            func.sum(ModelCallRow.output_tokens),
            func.sum(ModelCallRow.cache_read_tokens),
            func.sum(ModelCallRow.cache_write_tokens),
            func.sum(ModelCallRow.cost_usd),
        ]
        query = select(*columns, *sums).group_by(*columns).order_by(*columns)
        if since is not None:
            query = query.where(ModelCallRow.created_at >= dt.datetime.combine(since, dt.time(), dt.timezone.utc))
        if client is not None:
            query = query.where(ModelCallRow.client == client)
        with self._db.session_for(OWNER) as session:
            rows = session.execute(query).all()
        names = (
            "client",
            "provider",
            "model",
            "calls",
            "input_tokens",
            "output_tokens",
            "cache_read_tokens",
            "cache_write_tokens",
            "cost_usd",
        )
        return [CostLine(**dict(zip(names, row, strict=True))) for row in rows]


def _call(row: ModelCallRow) -> ModelCall:
    fields = {name: getattr(row, name) for name in ModelCall.model_fields if name != "at"}
    return ModelCall(**fields, at=row.created_at)


def _add_call(session: Session, call: ModelCall) -> None:
    session.add(ModelCallRow(id=uuid.uuid4(), **call.model_dump(exclude={"at"}), created_at=call.at))
