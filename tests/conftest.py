"""Shared fixtures: settings on a temporary AICMO_HOME, a fresh Postgres database, the app."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, text

from aicmo.platform.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_BRIEF = ROOT / "examples" / "briefs" / "northwind.yaml"
_EXIT_STATUS = pytest.StashKey[int]()
"""The session's exit status, for ending the process when a parked workflow thread would hold it."""
POSTGRES_ADMIN_URL = os.environ.get("AICMO_TEST_POSTGRES_URL", "postgresql+psycopg://127.0.0.1:5432/test")

# Property tests judge what the code returns, never how fast: Hypothesis's default deadline
# of 200 ms per example fails them on a machine busy with other work (speed is for bench/).
hypothesis_settings.register_profile("aicmo", deadline=None)
hypothesis_settings.load_profile("aicmo")


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's AICMO_ variables or writes into the working tree."""
    for name in list(os.environ):
        if name.startswith("AICMO_") and name != "AICMO_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("AICMO_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="session")
def postgres_server() -> str:
    engine = create_engine(POSTGRES_ADMIN_URL, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any failure means no usable server
        pytest.skip(
            f"no PostgreSQL answers at {POSTGRES_ADMIN_URL} ({type(error).__name__}); start it to run this test"
        )
    finally:
        engine.dispose()
    return POSTGRES_ADMIN_URL


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A database of its own for one test, dropped afterwards."""
    name = f"aicmo_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield postgres_server.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings on SQLite, and again on a fresh Postgres database."""
    home = tmp_path / "home"
    if request.param == "postgres":
        return Settings(home=home, database_url=request.getfixturevalue("postgres_url"))
    return Settings(home=home)


@pytest.fixture
def sqlite_settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config.stash[_EXIT_STATUS] = int(exitstatus)


def pytest_unconfigure(config: pytest.Config) -> None:
    """A test that left a run waiting for approval in this process parks a workflow thread
    in DBOS for days, as `aicmo run` does; end the process as the CLI does, without it."""
    import sys

    if "dbos" not in sys.modules:
        return
    from aicmo.platform.durable import parked_workflow_threads

    if parked_workflow_threads():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(config.stash.get(_EXIT_STATUS, 1))
