"""Turns: transactions that must not interleave, such as two numbering the next version of one
document, run one after the other instead of racing and retrying.

On Postgres a transaction-scoped advisory lock per key is the turn, released at commit or
rollback. SQLite has one writer at a time, but a transaction only becomes a writer at its
first write, after it has read what it numbers from; taking the turn makes it the writer
from the start (BEGIN IMMEDIATE), so the turn is the whole database's.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, func, select, text


def turn_key(name: str) -> int:
    """The advisory lock number of a turn: 64 bits of a hash of its name."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


def wait_for_turn(connection: Connection, name: str) -> None:
    """Wait until no other transaction holds the turn `name`; this one holds it until it ends.

    Call it before the transaction's first statement: on SQLite it opens the transaction.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_advisory_xact_lock(turn_key(name))))
    elif connection.dialect.name == "sqlite":
        connection.execute(text("BEGIN IMMEDIATE"))
