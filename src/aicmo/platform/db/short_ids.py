"""Short ids, as git shortens commits: the fewest leading characters of a UUID key that no
other row shares, and the one row a typed prefix names.

UUIDs sort the same way as their hex text on every backend (SQLite stores the hex, Postgres
compares the bytes), so a prefix is a key range and both lookups use the primary key index.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from aicmo.kernel.errors import InvalidInput, NotFound

SHOWN_AT_LEAST = 8
"""Hex digits a short id shows even when fewer would be unique: the first group of the UUID."""
TYPED_AT_LEAST = 4
_GROUP_ENDS = (8, 12, 16, 20)


def resolve_prefix(session: Session, key: InstrumentedAttribute, typed: str, *, what: str, listed_by: str) -> uuid.UUID:
    """The one key that starts with `typed` (dashes optional, any case). A whole id is returned
    as it is: whether it exists is for the use case to say.

    Raises:
        InvalidInput: `typed` is not hex, is shorter than 4 digits, or starts several keys.
        NotFound: no key starts with it.
    """
    digits = typed.strip().lower().replace("-", "")
    if not TYPED_AT_LEAST <= len(digits) <= 32 or digits.strip("0123456789abcdef"):
        raise InvalidInput(f"{typed!r} is not a {what} id: give at least {TYPED_AT_LEAST} of its characters as {listed_by} shows them")
    if len(digits) == 32:
        return uuid.UUID(digits)
    bounds = uuid.UUID(digits.ljust(32, "0")), uuid.UUID(digits.ljust(32, "f"))
    found = list(session.scalars(select(key).where(key.between(*bounds)).order_by(key).limit(3)))
    if not found:
        raise NotFound(f"no {what} id starts with {typed!r}: list them with {listed_by}")
    if len(found) > 1:
        some = ", ".join(str(uuid.UUID(str(k))) for k in found[:2]) + (", …" if len(found) > 2 else "")
        raise InvalidInput(f"{what} id {typed!r} is ambiguous, it starts {some}: give more of its characters")
    return uuid.UUID(str(found[0]))


def shortest_prefixes(session: Session, key: InstrumentedAttribute, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Each id's shortest unique prefix among every key of the table, in its dashed form."""
    prefixes = {}
    for value in ids:
        before = select(key).where(key < value).order_by(key.desc()).limit(1).scalar_subquery()
        after = select(key).where(key > value).order_by(key).limit(1).scalar_subquery()
        neighbours = [uuid.UUID(str(n)).hex for n in session.execute(select(before, after)).one() if n is not None]
        shared = max((_common_length(value.hex, n) for n in neighbours), default=0)
        digits = max(SHOWN_AT_LEAST, shared + 1)
        prefixes[value] = str(value)[: digits + sum(1 for end in _GROUP_ENDS if end < digits)]
    return prefixes


def _common_length(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
