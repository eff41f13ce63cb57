"""Engines and owner-scoped sessions.

Every session and connection that may write carries its owner module as an execution
option; the ownership guard (see `ownership.py`) reads it for every statement.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from aicmo.platform.db.base import owner_of_metadata
from aicmo.platform.db.ownership import OWNER_OPTION, install_ownership_guard

MIGRATIONS_SCOPE = "__migrations__"
"""The one scope allowed to write any table: schema migrations."""


def normalize_url(url: str) -> str:
    """Use psycopg 3 for a bare `postgresql://` URL."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def build_engine(url: str) -> Engine:
    """An engine whose errors and logs never show statement parameters: they hold personal data."""
    url = normalize_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30}, hide_parameters=True)
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10, hide_parameters=True)


class Database:
    """The application database, with one session factory per owning module."""

    def __init__(self, url: str, metadatas: Sequence[MetaData], *, guard: bool = True) -> None:
        self.url = normalize_url(url)
        self.metadatas = tuple(metadatas)
        self.table_owners = _table_owners(self.metadatas)
        self.engine = build_engine(self.url)
        if guard:
            install_ownership_guard(self.engine, self.table_owners, privileged=MIGRATIONS_SCOPE)
        self._factories: dict[str, sessionmaker[Session]] = {}

    @property
    def owners(self) -> frozenset[str]:
        return frozenset(self.table_owners.values())

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def _scoped_engine(self, owner: str) -> Engine:
        if owner != MIGRATIONS_SCOPE and owner not in self.owners:
            known = ", ".join(sorted(self.owners))
            raise ValueError(f"unknown owner {owner!r}: sessions exist for {known}")
        return self.engine.execution_options(**{OWNER_OPTION: owner})

    def session_factory(self, owner: str) -> sessionmaker[Session]:
        if owner not in self._factories:
            engine = self._scoped_engine(owner)
            self._factories[owner] = sessionmaker(engine, expire_on_commit=False)
        return self._factories[owner]

    def session(self, owner: str) -> Session:
        """A new session scoped to `owner`; its caller commits and closes it."""
        session = self.session_factory(owner)()
        session.info["owner"] = owner
        return session

    @contextmanager
    def session_for(self, owner: str) -> Iterator[Session]:
        """A transaction for `owner`: commits when the block ends, rolls back on error."""
        with self.session(owner) as session, session.begin():
            yield session

    @contextmanager
    def connect_for(self, owner: str) -> Iterator[Connection]:
        """A Core connection in one transaction, scoped to `owner`."""
        with self._scoped_engine(owner).begin() as connection:
            yield connection

    def ping(self) -> None:
        """Raise the driver's error unless the database answers a trivial query."""
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()


def _table_owners(metadatas: Sequence[MetaData]) -> dict[str, str]:
    owners: dict[str, str] = {}
    for metadata in metadatas:
        owner = owner_of_metadata(metadata)
        for name in metadata.tables:
            if name in owners and owners[name] != owner:
                raise ValueError(f"table {name!r} is declared by both {owners[name]!r} and {owner!r}")
            owners[name] = owner
    return owners
