"""Short ids, as git shortens commits: the fewest leading characters of a UUID key that no
other row shares, and the one row a typed prefix names.

UUIDs sort the same way as their hex text on every backend (SQLite stores the hex, Postgres
compares the bytes), so a prefix is a key range and both lookups use the primary key index.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from aicmo.kernel.errors import InvalidInput, NotFound

SHOWN_AT_LEAST = 8
"""Hex digits a short id shows even when fewer would be unique: the first group of the UUID."""
TYPED_AT_LEAST = 4
_GROUP_ENDS = (8, 12, 16, 20)


class SortedKeys(Protocol):
    """The keys of one table, in UUID order (the primary key index, or a list in memory)."""

    def between(self, low: uuid.UUID, high: uuid.UUID, limit: int) -> list[uuid.UUID]:
        """The first `limit` keys from `low` to `high`, both included, in order."""
        ...

    def neighbours(self, value: uuid.UUID) -> list[uuid.UUID]:
        """The key just before `value` and the key just after it, those that exist."""
        ...


class TableKeys:
    """The keys of a table's UUID column, read through `session`."""

    def __init__(self, session: Session, key: InstrumentedAttribute) -> None:
        self._session = session
        self._key = key

    def between(self, low: uuid.UUID, high: uuid.UUID, limit: int) -> list[uuid.UUID]:
        key = self._key
        found = self._session.scalars(select(key).where(key.between(low, high)).order_by(key).limit(limit))
        return [uuid.UUID(str(k)) for k in found]

    def neighbours(self, value: uuid.UUID) -> list[uuid.UUID]:
        key = self._key
        before = select(key).where(key < value).order_by(key.desc()).limit(1).scalar_subquery()
        after = select(key).where(key > value).order_by(key).limit(1).scalar_subquery()
        return [uuid.UUID(str(n)) for n in self._session.execute(select(before, after)).one() if n is not None]


class ListedKeys:
    """A few keys held in memory (one pack's items), looked up as a table's keys are."""

    def __init__(self, keys: Iterable[uuid.UUID]) -> None:
        self._keys = sorted(keys)

    def between(self, low: uuid.UUID, high: uuid.UUID, limit: int) -> list[uuid.UUID]:
        return [key for key in self._keys if low <= key <= high][:limit]

    def neighbours(self, value: uuid.UUID) -> list[uuid.UUID]:
        before = [key for key in self._keys if key < value][-1:]
        after = [key for key in self._keys if key > value][:1]
        return before + after


def resolve_prefix(session: Session, key: InstrumentedAttribute, typed: str, *, what: str, listed_by: str) -> uuid.UUID:
    """`resolve_among` the keys of a table."""
    return resolve_among(TableKeys(session, key), typed, what=what, listed_by=listed_by)


def shortest_prefixes(session: Session, key: InstrumentedAttribute, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """`shortest_among` the keys of a table."""
    return shortest_among(TableKeys(session, key), ids)


def resolve_among(keys: SortedKeys, typed: str, *, what: str, listed_by: str) -> uuid.UUID:
    """The one key that starts with `typed` (dashes optional, any case). A whole id is returned
    as it is: whether it exists is for the use case to say.

    Raises:
        InvalidInput: `typed` is not hex, is shorter than 4 digits, or starts several keys.
        NotFound: no key starts with it.
    """
    digits = typed.strip().lower().replace("-", "")
    if digits.strip("0123456789abcdef"):
        raise InvalidInput(f"{typed!r} is not a {what} id: ids are hexadecimal (0-9, a-f) — list them with {listed_by}")
    if not TYPED_AT_LEAST <= len(digits) <= 32:
        raise InvalidInput(
            f"{typed!r} is not a {what} id: give at least {TYPED_AT_LEAST} of its characters as {listed_by} shows them"
        )
    if len(digits) == 32:
        return uuid.UUID(digits)
    found = keys.between(uuid.UUID(digits.ljust(32, "0")), uuid.UUID(digits.ljust(32, "f")), 3)
    if not found:
        raise NotFound(f"no {what} id starts with {typed!r}: list them with {listed_by}")
    if len(found) > 1:
        some = ", ".join(str(k) for k in found[:2]) + (", …" if len(found) > 2 else "")
        raise InvalidInput(f"{what} id {typed!r} is ambiguous, it starts {some}: give more of its characters")
    return found[0]


def shortest_among(keys: SortedKeys, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Each id's shortest unique prefix among every key, in its dashed form."""
    prefixes = {}
    for value in ids:
        shared = max((_common_length(value.hex, n.hex) for n in keys.neighbours(value)), default=0)
        digits = max(SHOWN_AT_LEAST, shared + 1)
        prefixes[value] = str(value)[: digits + sum(1 for end in _GROUP_ENDS if end < digits)]
    return prefixes


def _common_length(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
