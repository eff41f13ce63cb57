"""Playwright on Debian's chromium (`make test` installs the package); never a downloaded browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from aicmo.accounts.api import Actor, Channel, Role
from aicmo.orchestration.composition import bootstrap
from tests.conftest import EXAMPLE_BRIEF
from tests.e2e.cli import aicmo, env_for
from tests.e2e.console_client import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def chromium():
    if not CHROMIUM.exists():
        pytest.skip(f"no browser at {CHROMIUM}: install Debian's chromium package (`make test` does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def operator_and_waiting_run(sqlite_settings):
    """A run of the example brief waiting for approval (`aicmo run`), and the operator
    `op@agency.example` who signs in with `PASSWORD`."""
    started = aicmo("run", str(EXAMPLE_BRIEF), env=env_for(sqlite_settings))
    assert started.returncode == 0, started.stderr
    with bootstrap(sqlite_settings, launch_durable=False) as app:
        app.accounts.create_user("op@agency.example", Role.OPERATOR, PASSWORD, Actor(who="test", channel=Channel.CLI))
    return sqlite_settings
