"""The unit of work: one module's transaction, with the events its change publishes.

A use case opens it (`with uow_factory() as uow:`), reads and changes the module's rows
through `uow.repository`, publishes events with `uow.publish`, and calls `uow.commit()`:
the change and its events are stored together. Leaving the block without committing, or
by an error, rolls everything back and publishes nothing.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Generic, Self, TypeVar

from aicmo.kernel.events import DomainEvent

R = TypeVar("R")


class UnitOfWork(ABC, Generic[R]):
    """One module's transaction: its repository `R` and the events waiting for the commit."""

    repository: R

    def __enter__(self) -> Self:
        self._events: list[DomainEvent] = []
        return self

    def __exit__(self, *_exc: object) -> None:
        self.rollback()

    def publish(self, event: DomainEvent) -> None:
        """Store `event` in the module's outbox when (and only if) the change commits."""
        self._events.append(event)

    @abstractmethod
    def take_turn(self, name: str) -> None:
        """Wait until no other unit of work holds the turn `name`, and hold it until this one ends.

        For a change that reads what it builds on (the highest version number, whether a row
        exists yet) and must not interleave with another doing the same. Take it first.
        """

    def commit(self) -> None:
        """Store the change and the events published since the last commit, in one transaction."""
        events, self._events = self._events, []
        self._commit(events)

    @abstractmethod
    def _commit(self, events: list[DomainEvent]) -> None: ...

    @abstractmethod
    def rollback(self) -> None:
        """Forget what was not committed."""


UnitOfWorkFactory = Callable[[], UnitOfWork[R]]
"""What a module's use cases take: each call opens a new unit of work."""
