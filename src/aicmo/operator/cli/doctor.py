"""`aicmo doctor`: one line per check, ok or fail, with the fix."""

from __future__ import annotations

import tempfile
from importlib.metadata import version
from collections.abc import Callable

from pydantic import ValidationError
from sqlalchemy import create_engine, text

from aicmo.operator.cli.console import EXIT_FAILED, EXIT_OK, out
from aicmo.orchestration.composition import connect_database, unapplied_migrations
from aicmo.platform.db import Database
from aicmo.platform.db.database import normalize_url
from aicmo.platform.settings import Settings


class CheckFailed(Exception):
    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.fix = fix


def _line(ok: bool, name: str, detail: str, fix: str = "") -> None:
    mark = "[green]ok  [/green]" if ok else "[red]fail[/red]"
    out.print(f"{mark} {name}: {detail}" + (f" — fix: {fix}" if fix else ""), soft_wrap=True)


def _check(name: str, probe: Callable[[], str]) -> bool:
    try:
        _line(True, name, probe())
        return True
    except CheckFailed as failure:
        _line(False, name, str(failure), failure.fix)
    except Exception as error:  # noqa: BLE001 - doctor reports every failure as a line
        _line(False, name, f"{type(error).__name__}: {error}".splitlines()[0], "see the message; `aicmo doctor` again after")
    return False


def doctor() -> int:
    try:
        settings = Settings()
    except ValidationError as error:
        _line(False, "settings", str(error).splitlines()[0], "correct the AICMO_ variable named above")
        return EXIT_FAILED
    url = settings.resolved_database_url
    _line(True, "settings", f"home={settings.home.resolve()} database={url.split('@')[-1]}")
    results = [_check("data folder writable", lambda: _writable(settings))]
    try:
        db = connect_database(settings)
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
    try:
        with tempfile.NamedTemporaryFile(dir=settings.home, prefix=".doctor-"):
            pass
    except OSError as error:
        raise CheckFailed(f"{settings.home}: {error.strerror}", "set AICMO_HOME to a folder you can write") from None
    return str(settings.home.resolve())


def _reachable(db: Database) -> str:
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
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
