"""Alembic with one branch per module.

Each module keeps its revisions under its own `internal/migrations` folder and labels its
first revision with its name; `upgrade` brings every branch to its head. The composition
root says which folders exist, so this file knows no module. Processes that start at once
take turns: an advisory lock on Postgres, a lock file beside the database on SQLite.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from filelock import FileLock
from sqlalchemy import Connection, make_url, text

from aicmo.platform.db.database import MIGRATIONS_SCOPE, Database

ENV_FOLDER = Path(__file__).with_name("alembic_env")
_PG_LOCK_KEY = 0x41_49_43_4D_4F  # "AICMO": one upgrade at a time per Postgres database
_TURN_SECONDS = 300


@contextmanager
def sqlite_turn(url: str) -> Iterator[None]:
    """One migrating process at a time for a SQLite file (a lock file beside it); nothing for other databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        yield
        return
    with FileLock(f"{parsed.database}.lock", timeout=_TURN_SECONDS):
        yield


def alembic_config(database: Database, version_folders: Sequence[Path]) -> Config:
    config = Config()
    config.set_main_option("script_location", str(ENV_FOLDER))
    config.set_main_option("version_locations", " ".join(str(p) for p in version_folders))
    config.set_main_option("path_separator", "space")
    config.attributes["metadatas"] = database.metadatas
    return config


@contextmanager
def _migration_connection(database: Database) -> Iterator[Connection]:
    with sqlite_turn(database.url), database.connect_for(MIGRATIONS_SCOPE) as connection:
        if not database.is_sqlite:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        yield connection


def upgrade(database: Database, version_folders: Sequence[Path]) -> None:
    """Bring every module's branch to its head; safe to call from several processes."""
    config = alembic_config(database, version_folders)
    with _migration_connection(database) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")


def pending_heads(database: Database, version_folders: Sequence[Path]) -> set[str]:
    """Heads of the migration scripts that the database has not reached yet."""
    config = alembic_config(database, version_folders)
    heads = set(ScriptDirectory.from_config(config).get_heads())
    with database.engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return heads - current


def new_revision(database: Database, version_folders: Sequence[Path], owner: str, folder: Path, message: str) -> None:
    """Autogenerate a revision on `owner`'s branch with only `owner`'s tables in it."""
    config = alembic_config(database, version_folders)
    config.attributes["only_owner"] = owner
    with _migration_connection(database) as connection:
        config.attributes["connection"] = connection
        script = ScriptDirectory.from_config(config)
        has_branch = any(owner in (rev.branch_labels or ()) for rev in script.walk_revisions())
        command.revision(
            config,
            message=message,
            autogenerate=True,
            head=f"{owner}@head" if has_branch else "base",
            branch_label=None if has_branch else owner,
            version_path=str(folder),
        )
