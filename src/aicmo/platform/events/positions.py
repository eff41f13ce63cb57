"""Positions in an outbox: a number per row, assigned at insert, that grows in commit order.

A reader that resumes after the last position it saw misses nothing only if no row can
commit later with a smaller position. Rows therefore take their position in turns: on
SQLite the database's single writer lock already serialises write transactions; on
Postgres a transaction-scoped advisory lock per outbox is taken just before the insert
and released at commit, so the next writer numbers its rows only after this one is
visible. Outbox rows are added last in a module's transaction, so the turn is short.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.sql.elements import ColumnElement

from aicmo.platform.db.turns import turn_key


def next_position(table: Table) -> ColumnElement[int]:
    """The position of a row inserted now: one past the highest one committed before this turn."""
    return select(func.coalesce(func.max(table.c.position), 0) + 1).scalar_subquery()


def take_turn(_mapper: Any, connection: Connection, target: Any) -> None:
    """Before an outbox row is inserted: wait until no other transaction is numbering rows of that outbox."""
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_advisory_xact_lock(turn_key(target.__table__.name))))
