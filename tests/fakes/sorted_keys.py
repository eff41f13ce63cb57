"""Keys in memory, sorted as a primary key index sorts them, for the short ids of fake repositories."""

from __future__ import annotations

from aicmo.platform.db.short_ids import ListedKeys


class FakeSortedKeys(ListedKeys):
    """The keys a fake repository serves: the in-memory keys the application uses for short lists."""
