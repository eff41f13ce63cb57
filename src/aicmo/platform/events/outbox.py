"""Each module keeps its own outbox table (`<module>_outbox`): recording an event is a
write the module owns, in the same transaction as the state change. Rows never change
afterwards; what happened to each event is kept by the dispatcher (orchestration)."""

from __future__ import annotations

from sqlalchemy import JSON, String, Uuid
from sqlalchemy.orm import DeclarativeBase, mapped_column

from aicmo.kernel.events import DomainEvent
from aicmo.platform.db.base import owner_of_metadata
from aicmo.platform.db.types import UtcDateTime


def outbox_table_name(owner: str) -> str:
    return f"{owner}_outbox"


def define_outbox(base: type[DeclarativeBase]) -> type:
    """Declare the outbox model of the module whose declarative base is `base`."""
    owner = owner_of_metadata(base.metadata)
    namespace = {
        "__tablename__": outbox_table_name(owner),
        "id": mapped_column(Uuid, primary_key=True),
        "event_type": mapped_column(String(120), index=True, nullable=False),
        "payload": mapped_column(JSON, nullable=False),
        "occurred_at": mapped_column(UtcDateTime, index=True, nullable=False),
        "correlation_id": mapped_column(Uuid, nullable=True),
    }
    return type(f"{owner.title()}OutboxEntry", (base,), namespace)


def outbox_entry(outbox: type, event: DomainEvent) -> object:
    """The outbox row for `event`; the module adds it in the transaction of its change."""
    return outbox(
        id=event.event_id,
        event_type=event.event_type(),
        payload=event.model_dump(mode="json"),
        occurred_at=event.occurred_at,
        correlation_id=event.correlation_id,
    )
