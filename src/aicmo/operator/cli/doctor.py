"""`aicmo doctor`: one line per check, ok or fail, with the fix (a note for what works but
is worth knowing). It creates no file: a
missing or damaged SQLite file is reported before anything would connect to it."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import create_engine, text

from aicmo.operator.cli.console import EXIT_FAILED, EXIT_OK, say
from aicmo.orchestration.composition import connect_database, unapplied_migrations
from aicmo.platform.db import Database
from aicmo.platform.db.database import normalize_url
from aicmo.platform.settings import NO_AGENCY, Settings
from aicmo.platform.storage import is_sound, sqlite_files


class CheckFailed(Exception):
    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.fix = fix


def _line(ok: bool, name: str, detail: str, fix: str = "", *, note: bool = False) -> None:
    mark = "[yellow]note[/yellow]" if note else "[green]ok  [/green]" if ok else "[red]fail[/red]"
    say(f"{mark} {{}}: {{}}" + (" — fix: {}" if fix else ""), name, detail, *([fix] if fix else []))


def _check(name: str, probe: Callable[[], str]) -> bool:
    try:
        _line(True, name, probe())
        return True
    except CheckFailed as failure:
        _line(False, name, str(failure), failure.fix)
    except Exception as error:  # noqa: BLE001 - doctor reports every failure as a line
        _line(
            False,
            name,
            f"{type(error).__name__}: {error}".splitlines()[0],
            "see the message; `aicmo doctor` again after",
        )
    return False


def doctor() -> int:
    try:
        settings = Settings()
    except ValidationError as error:
        _line(False, "settings", str(error).splitlines()[0], "correct the AICMO_ variable named above")
        return EXIT_FAILED
    url = settings.resolved_database_url
    _line(True, "settings", f"home={settings.home.resolve()} database={url.split('@')[-1]}")
    _line(True, "agency name", settings.agency_name or NO_AGENCY, note=settings.agency_name is None)
    results = [_check("data folder writable", lambda: _writable(settings))]
    files = sqlite_files(settings)
    file_checks = [_check(f"database file {path.name}", lambda path=path: _sound(path)) for path in files]
    if not all(file_checks):
        if not all(path.exists() for path in files):
            _line(False, "migrations at head", "the databases do not exist yet", "run `aicmo db upgrade`")
        return EXIT_FAILED
    try:
        db = connect_database(settings, create_home=False)
    except Exception as error:  # noqa: BLE001
        _line(False, "database", str(error).splitlines()[0], "check AICMO_DATABASE_URL")
        return EXIT_FAILED
    results.append(_check("database reachable", lambda: _reachable(db)))
    results.append(_check("migrations at head", lambda: _at_head(db)))
    results.append(_check("durable runtime (DBOS)", lambda: _durable(settings)))
    from aicmo.operator.cli.doctor_writer import writer_checks  # its own file: it imports CheckFailed from here

    results += [_check(name, probe) for name, probe in writer_checks(settings)]
    db.dispose()
    return EXIT_OK if all(results) else EXIT_FAILED


def _writable(settings: Settings) -> str:
    if not settings.home.is_dir():
        raise CheckFailed(
            f"{settings.home} does not exist yet",
            "run `aicmo db upgrade` to create it, or set AICMO_HOME to your data folder",
        )
    try:
        with tempfile.NamedTemporaryFile(dir=settings.home, prefix=".doctor-"):
            pass
    except OSError as error:
        raise CheckFailed(f"{settings.home}: {error.strerror}", "set AICMO_HOME to a folder you can write") from None
    return str(settings.home.resolve())


def _sound(path: Path) -> str:
    if not path.exists():
        raise CheckFailed(f"{path} does not exist yet", "run `aicmo db upgrade`")
    if not is_sound(path):
        raise CheckFailed(
            f"{path} is damaged",
            "restore it from a backup, or move it aside and run `aicmo db upgrade` for an empty one",
        )
    return str(path)


def _reachable(db: Database) -> str:
    try:
        db.ping()
    except Exception as error:  # noqa: BLE001
        raise CheckFailed(str(error).splitlines()[0], "start the database or correct AICMO_DATABASE_URL") from None
    return db.engine.dialect.name


def _at_head(db: Database) -> str:
    pending = unapplied_migrations(db)
    if pending:
        raise CheckFailed(f"{len(pending)} branch(es) behind: {', '.join(sorted(pending))}", "run `aicmo db upgrade`")
    return "every module's branch is at head"


def _durable(settings: Settings) -> str:
    """DBOS is importable and its system database answers; launching it here would recover runs."""
    url = settings.durable_database_url
    engine = create_engine(normalize_url(url))
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001
        raise CheckFailed(str(error).splitlines()[0], "check AICMO_HOME or AICMO_DATABASE_URL") from None
    finally:
        engine.dispose()
    return f"DBOS {version('dbos')}, system database at {url.split('@')[-1]}"
