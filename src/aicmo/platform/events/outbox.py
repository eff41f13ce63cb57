"""Each module keeps its own outbox table (`<module>_outbox`): recording an event is a
write the module owns, in the same transaction as the state change. Rows never change
afterwards; what happened to each event is kept by the dispatcher (orchestration), which
reads each outbox after the last position it has handled (see `positions.py`)."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Index, String, Uuid
from sqlalchemy.event import listen
from sqlalchemy.orm import DeclarativeBase, mapped_column

from aicmo.kernel.events import DomainEvent
from aicmo.platform.db.base import owner_of_metadata
from aicmo.platform.db.types import UtcDateTime
from aicmo.platform.events.positions import next_position, take_turn


def outbox_table_name(owner: str) -> str:
    return f"{owner}_outbox"


def define_outbox(base: type[DeclarativeBase]) -> type:
    """Declare the outbox model of the module whose declarative base is `base`."""
    owner = owner_of_metadata(base.metadata)
    name = outbox_table_name(owner)
    namespace = {
        "__tablename__": name,
        "__table_args__": (Index(f"ix_{name}_event_type_position", "event_type", "position"),),
        "id": mapped_column(Uuid, primary_key=True),
        "position": mapped_column(BigInteger, unique=True, nullable=False),
        "event_type": mapped_column(String(120), index=True, nullable=False),
        "payload": mapped_column(JSON, nullable=False),
        "occurred_at": mapped_column(UtcDateTime, index=True, nullable=False),
        "correlation_id": mapped_column(Uuid, nullable=True),
    }
    outbox = type(f"{owner.title()}OutboxEntry", (base,), namespace)
    listen(outbox, "before_insert", take_turn)
    return outbox


def outbox_entry(outbox: type, event: DomainEvent) -> object:
    """The outbox row for `event`; the module adds it in the transaction of its change."""
    return outbox(
        id=event.event_id,
        position=next_position(outbox.__table__),
        event_type=event.event_type(),
        payload=event.model_dump(mode="json"),
        occurred_at=event.occurred_at,
        correlation_id=event.correlation_id,
    )
