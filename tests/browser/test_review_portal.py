"""A client reviews a pack through a link, in a browser without an account: the operator makes
the link on the run's page, the client comments on an item and requests changes, then approves
the revised pack through a new link and the run is delivered. Each page is saved as a
screenshot beside the test's files."""

import pytest

from aicmo.orchestration.api import RunState
from aicmo.orchestration.composition import bootstrap
from tests.e2e.console_client import PASSWORD
from tests.e2e.serve import aicmo_serve

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]


def make_link(page, base: str) -> str:
    page.goto(f"{base}/runs")
    page.get_by_role("link", name="Northwind Roasters").click()
    page.fill("#link-days", "5")
    page.click("#make-link")
    return page.locator("#new-link").input_value()


def test_a_client_asks_for_changes_then_approves_the_revised_pack(operator_and_waiting_run, tmp_path, chromium):
    sqlite_settings = operator_and_waiting_run
    shots = tmp_path / "screenshots"

    with aicmo_serve(sqlite_settings, tmp_path / "serve.log", AICMO_AGENCY_NAME="Brightside Studio") as base:
        blocked = []
        operator = chromium.new_context(viewport={"width": 1280, "height": 900}).new_page()
        client = chromium.new_context(viewport={"width": 1100, "height": 900}).new_page()
        for page in (operator, client):
            page.set_default_timeout(120_000)
            page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
        operator.goto(f"{base}/login")
        operator.fill("#email", "op@agency.example")
        operator.fill("#password", PASSWORD)
        operator.click("button[type=submit]")
        first_link = make_link(operator, base)
        operator.locator("#client-review").screenshot(path=shots / "1-operator-made-a-link.png")

        client.goto(first_link)
        client.screenshot(path=shots / "2-client-reads-the-pack.png")
        client.locator("#social_post").screenshot(path=shots / "2-client-reads-the-social-posts.png")
        client.locator("#landing_page").screenshot(path=shots / "2-client-reads-the-landing-page.png")
        assert client.locator("header.top").count() == 0 and client.locator("#approve").is_visible()
        client.click("#request-changes")
        assert "Say what should change" in client.locator("#decision").inner_text()
        assert client.url.endswith("#decision") and client.locator("#problems").count() == 1
        assert 0 <= client.locator("#decision").bounding_box()["y"] < 900
        client.locator("#decision").screenshot(path=shots / "3-client-forgot-to-say-what.png")
        client.screenshot(path=shots / "3-client-sees-the-form-with-its-error.png")
        client.locator("article.item textarea").first.fill("Warmer, and mention the weekend tasting.")
        client.click("#request-changes")
        client.wait_for_selector("#outcome")
        client.screenshot(path=shots / "4-client-asked-for-changes.png", full_page=True)
        assert "You asked for changes" in client.locator("#outcome").inner_text()

        second_link = make_link(operator, base)
        operator.locator("#client-review").screenshot(path=shots / "5-operator-reads-the-comment.png")
        assert "mention the weekend tasting" in operator.locator("#client-review").inner_text()
        client.goto(first_link)
        assert "You asked for changes" in client.locator("#outcome").inner_text()
        client.goto(second_link)
        client.fill("#comment", "Lovely, thank you.")
        client.click("#approve")
        client.wait_for_selector("#outcome")
        client.screenshot(path=shots / "6-client-approved.png")
        assert "You approved this pack" in client.locator("#outcome").inner_text()
        assert blocked == []
    with bootstrap(sqlite_settings, launch_durable=False) as app:
        [run] = app.workflows.list_runs()
        decisions = [e.action for e in app.audit.entries() if e.actor == "client via link"]
    assert run.state == RunState.DELIVERED
    assert sorted(decisions) == ["run.approve", "run.request-changes"]


def test_a_pack_with_open_blockers_warns_the_operator_and_the_client_and_a_refusal_keeps_the_comments(
    operator_and_waiting_run, tmp_path, chromium
):
    sqlite_settings = operator_and_waiting_run
    shots = tmp_path / "screenshots"

    with aicmo_serve(sqlite_settings, tmp_path / "serve.log", AICMO_AGENCY_NAME="Brightside Studio") as base:
        operator = chromium.new_context(viewport={"width": 1280, "height": 900}).new_page()
        # The client's page may be older than the pack's blockers: its form is sent as it was.
        client = chromium.new_context(viewport={"width": 1100, "height": 900}, bypass_csp=True).new_page()
        for page in (operator, client):
            page.set_default_timeout(120_000)
        operator.goto(f"{base}/login")
        operator.fill("#email", "op@agency.example")
        operator.fill("#password", PASSWORD)
        operator.click("button[type=submit]")
        operator.goto(f"{base}/runs")
        operator.get_by_role("link", name="Northwind Roasters").click()
        operator.locator("#social_post a.edit-link").first.click()
        operator.fill("#field-body", "Not cheap. Just good coffee, roasted on Monday.")
        operator.click("#save-item")
        assert "blocker" in operator.locator("#client-cannot-approve").inner_text()
        operator.evaluate("() => window.scrollTo(0, 0)")
        operator.screenshot(path=shots / "0-run-page-says-the-current-qc-verdict.png")
        assert "`" not in operator.locator("#qc-hold").inner_text()
        link = make_link(operator, base)
        operator.locator("#client-review").screenshot(path=shots / "1-operator-warned-before-sending.png")
        operator.screenshot(path=shots / "1-run-page-with-open-blockers.png")
        assert "cannot approve until" in operator.locator("#client-review").inner_text()

        client.goto(link)
        client.screenshot(path=shots / "2-client-told-approval-waits.png")
        assert "approval opens once those checks are done" in client.locator("#not-yet").inner_text()
        assert client.locator("#approve").is_disabled() and client.locator("#request-changes").is_enabled()
        client.locator("#decision").screenshot(path=shots / "2-client-decision-without-approval.png")
        client.locator("article.item textarea").nth(0).fill("Warmer, please.")
        client.locator("article.item textarea").nth(1).fill("Mention the Saturday tasting.")
        client.fill("#comment", "Nearly there.")
        client.evaluate(
            """() => { const form = document.querySelector('form');
                 const decision = document.createElement('input');
                 Object.assign(decision, {type: 'hidden', name: 'decision', value: 'approve'});
                 form.append(decision); form.submit(); }"""
        )
        client.wait_for_selector("#refused")
        client.screenshot(path=shots / "3-client-refused-keeps-comments.png")
        assert "Nothing was changed" in client.locator("#decision").inner_text()
        assert client.locator("article.item textarea").nth(0).input_value() == "Warmer, please."
        assert client.locator("article.item textarea").nth(1).input_value() == "Mention the Saturday tasting."
        assert client.locator("#comment").input_value() == "Nearly there."
    with bootstrap(sqlite_settings, launch_durable=False) as app:
        [run] = app.workflows.list_runs()
    assert run.state == RunState.AWAITING_APPROVAL
