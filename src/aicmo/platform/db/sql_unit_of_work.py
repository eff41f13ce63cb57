"""The unit of work on the application database, in a session scoped to its module.

The session is the module's owner-scoped session (`Database.session`), so the ownership
guard (R5) checks every statement it sends. The module gives the repository built on the
session and the function that adds its events to its own outbox table.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from aicmo.kernel.events import DomainEvent
from aicmo.platform.db.database import Database
from aicmo.platform.db.turns import wait_for_turn
from aicmo.platform.db.unit_of_work import R, UnitOfWork

StoreEvents = Callable[[Session, list[DomainEvent]], None]


class SqlUnitOfWork(UnitOfWork[R]):
    def __init__(self, db: Database, owner: str, repository: Callable[[Session], R], store_events: StoreEvents) -> None:
        self._db = db
        self._owner = owner
        self._repository = repository
        self._store_events = store_events

    def __enter__(self) -> SqlUnitOfWork[R]:
        self._session = self._db.session(self._owner)
        self.repository = self._repository(self._session)
        return super().__enter__()

    def __exit__(self, *exc: object) -> None:
        try:
            super().__exit__(*exc)
        finally:
            self._session.close()

    def take_turn(self, name: str) -> None:
        wait_for_turn(self._session.connection(), name)

    def _commit(self, events: list[DomainEvent]) -> None:
        self._store_events(self._session, events)
        self._session.commit()

    def rollback(self) -> None:
        self._session.rollback()
