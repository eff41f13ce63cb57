"""The event outbox: events stored in the same transaction as the change that caused them."""

from aicmo.platform.events.outbox import define_outbox, outbox_entry, outbox_table_name
from aicmo.platform.events.reader import StoredEvent, find_event, latest_events, read_after, read_events

__all__ = [
    "StoredEvent",
    "define_outbox",
    "find_event",
    "latest_events",
    "outbox_entry",
    "outbox_table_name",
    "read_after",
    "read_events",
]
