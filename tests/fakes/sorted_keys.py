"""Keys in memory, sorted as a primary key index sorts them, for the short ids of fake repositories."""

from __future__ import annotations

import uuid
from collections.abc import Iterable


class FakeSortedKeys:
    def __init__(self, keys: Iterable[uuid.UUID]) -> None:
        self._keys = sorted(keys)

    def between(self, low: uuid.UUID, high: uuid.UUID, limit: int) -> list[uuid.UUID]:
        return [key for key in self._keys if low <= key <= high][:limit]

    def neighbours(self, value: uuid.UUID) -> list[uuid.UUID]:
        before = [key for key in self._keys if key < value][-1:]
        after = [key for key in self._keys if key > value][:1]
        return before + after
