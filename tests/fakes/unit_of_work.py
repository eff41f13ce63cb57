"""A unit of work in memory, for booting a module's use cases without a database."""

from __future__ import annotations

from typing import Generic

from aicmo.kernel.events import DomainEvent
from aicmo.platform.db.unit_of_work import R, UnitOfWork


class FakeUnitOfWork(UnitOfWork[R], Generic[R]):
    """Holds one fake repository for every unit of work it opens (pass `lambda: uow` as the
    factory) and keeps the events of each commit in `published`, as the outbox would.

    The fake repositories change as the use case calls them, so a use case that fails before
    committing leaves its changes there, but never its events.
    """

    def __init__(self, repository: R) -> None:
        self.repository = repository
        self.published: list[DomainEvent] = []
        self.commits = 0

    def take_turn(self, name: str) -> None:
        """Nothing to wait for: in memory, one use case runs at a time."""

    def _commit(self, events: list[DomainEvent]) -> None:
        self.published += events
        self.commits += 1

    def rollback(self) -> None:
        """Nothing to forget: uncommitted events are dropped by `UnitOfWork` itself."""

    def published_types(self) -> list[str]:
        return [event.event_type() for event in self.published]
