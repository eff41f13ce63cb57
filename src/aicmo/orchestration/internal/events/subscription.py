"""Who hears which event: a subscriber names the event class it handles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from aicmo.kernel.events import DomainEvent

E = TypeVar("E", bound=DomainEvent)


@dataclass(frozen=True)
class Subscription(Generic[E]):
    event: type[E]
    """The event class, as its publishing module exports it from its `api`."""
    subscriber: str
    """A stable name, e.g. 'onboarding.open_intake': the key of its delivery records and cursors."""
    handle: Callable[[E], None]

    @property
    def event_type(self) -> str:
        return self.event.event_type()

    def deliver(self, payload: dict) -> None:
        """Hand the stored event to the subscriber as its class; a payload that no longer fits raises."""
        self.handle(self.event.model_validate(payload))
