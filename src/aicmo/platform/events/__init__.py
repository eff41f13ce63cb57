"""The event outbox: events stored in the same transaction as the change that caused them."""

from aicmo.platform.events.outbox import OutboxStatus, define_outbox, outbox_entry

__all__ = ["OutboxStatus", "define_outbox", "outbox_entry"]
