"""Inserts that skip rows whose unique key is taken, on SQLite and Postgres alike."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_for(session: Session) -> Callable[..., postgresql.Insert | sqlite.Insert]:
    """The dialect's INSERT, which has `on_conflict_do_nothing`."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def insert_new(session: Session, table: Table, rows: list[dict], unique: list[str]) -> int:
    """Insert `rows`, skipping those whose `unique` key is taken; how many were stored.

    SQLite adds up the rows an executemany stored; psycopg does not tell, so on Postgres the
    stored rows' keys come back (RETURNING) and are counted.
    """
    statement = insert_for(session)(table).on_conflict_do_nothing(index_elements=unique)
    if session.get_bind().dialect.name == "postgresql":
        return len(session.execute(statement.returning(*table.primary_key), rows).all())
    return session.execute(statement, rows).rowcount
