"""An operator approves a run in the console: sign in, open the run waiting for approval, read
the pack, approve, see it delivered. Each page is saved as a screenshot beside the test's files."""

import pytest

from aicmo.accounts.api import Channel
from aicmo.orchestration.composition import bootstrap
from tests.e2e.console_client import PASSWORD
from tests.e2e.serve import aicmo_serve

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]


def test_an_operator_reads_the_pack_approves_and_sees_the_run_delivered(
    operator_and_waiting_run, tmp_path, console_page
):
    sqlite_settings = operator_and_waiting_run
    shots = tmp_path / "screenshots"

    with aicmo_serve(sqlite_settings, tmp_path / "serve.log") as base:
        page, blocked = console_page
        page.goto(f"{base}/")
        page.fill("#email", "op@agency.example")
        page.fill("#password", PASSWORD)
        page.screenshot(path=shots / "1-sign-in.png")
        page.click("button[type=submit]")
        page.get_by_role("link", name="Review").click()
        page.screenshot(path=shots / "2-run-waiting.png", full_page=True)

        assert page.locator("#run-state").inner_text() == "waiting for approval"
        assert page.locator("#social_post article").count() > 0 and page.locator("#email article").count() > 0

        page.fill("#approve-comment", "Ready for the client")
        page.click("#approve")
        page.wait_for_url(f"{base}/runs/*")
        page.screenshot(path=shots / "3-run-delivered.png", full_page=True)

        assert page.locator("#run-state").inner_text() == "delivered"
        assert blocked == []
    with bootstrap(sqlite_settings, launch_durable=False) as app:
        [approval] = [entry for entry in app.audit.entries() if entry.action == "run.approve"]
    assert (approval.actor, approval.channel, approval.address, approval.detail) == (
        "op@agency.example",
        Channel.CONSOLE,
        "127.0.0.1",
        "Ready for the client",
    )
