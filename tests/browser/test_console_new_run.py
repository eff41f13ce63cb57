"""An operator fills in a brief that misses fields and reads what to add beside each, uploads one
that misses a field and downloads the example brief its message links to, then starts a run
from an uploaded brief in the console, watches it reach waiting for approval, edits a post (QC
checks it again), is refused approval while the edit's blockers are open, waives them with a
reason, approves with a comment, and downloads the package with the edit in it, saved under
the client's and the run's names. Each page is saved as a screenshot beside the test's files."""

import zipfile

import pytest
from playwright.sync_api import expect

from tests.conftest import EXAMPLE_BRIEF
from tests.e2e.serve import aicmo_serve

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]
EDITED = "Roasted on Monday, at your door by Wednesday. Guaranteed to change your mornings."
"""The operator's wording: QC, checking the post again, finds its claim without proof and the
brief's disclaimer missing."""


def test_an_operator_uploads_a_brief_edits_a_post_approves_and_downloads_the_package(
    sqlite_settings, tmp_path, operator, console_page
):
    email, password = operator
    shots = tmp_path / "screenshots"

    with aicmo_serve(sqlite_settings, tmp_path / "serve.log") as base:
        page, blocked = console_page
        page.goto(f"{base}/runs")
        page.fill("#email", email)
        page.fill("#password", password)
        page.click("button[type=submit]")
        page.click("#new-run")
        page.fill("#brand-name", "Acme Bakery")
        page.fill("#plan-start_date", "2027-03-01")
        page.click("#start-form")
        page.screenshot(path=shots / "0-form-stopped-by-the-browser.png", full_page=True)

        assert page.url == f"{base}/runs/new" and page.locator("#brand-industry:invalid").count() == 1
        assert page.locator("#brand-name").input_value() == "Acme Bakery"

        without_industry = tmp_path / "mine.yaml"
        without_industry.write_text(EXAMPLE_BRIEF.read_text(encoding="utf-8").replace("  industry:", "  # industry:"))
        page.set_input_files("#brief-file", str(without_industry))
        page.click("#start-upload")
        page.screenshot(path=shots / "1-upload-missing-a-field.png", full_page=True)
        with page.expect_download() as example:
            page.click("#upload-problems a")

        assert "brand.industry is required — add it (see the example brief)" in page.inner_text("#upload-problems")
        assert example.value.suggested_filename == "northwind.yaml"
        assert example.value.path().read_bytes() == EXAMPLE_BRIEF.read_bytes()

        page.set_input_files("#brief-file", str(EXAMPLE_BRIEF))
        page.screenshot(path=shots / "1-new-run.png", full_page=True)
        page.click("#start-upload")
        page.wait_for_url(f"{base}/runs/*")
        run_id = page.url.rsplit("/", 1)[-1]
        page.screenshot(path=shots / "2-run-started.png", full_page=True)
        expect(page.locator("#run-state")).to_have_text("waiting for approval", timeout=120_000)
        page.screenshot(path=shots / "3-run-waiting.png")

        assert page.locator("#social_post article").count() > 0

        page.locator("#social_post article .edit-link").first.click()
        page.fill("#field-body", EDITED)
        page.screenshot(path=shots / "4-edit-item.png", full_page=True)
        page.click("#save-item")
        page.wait_for_url(f"{base}/runs/*edited=*")
        edited = page.locator("article.just-edited")
        edited.scroll_into_view_if_needed()
        page.screenshot(path=shots / "5-item-edited.png")

        assert EDITED in edited.inner_text() and "edited by the agency" in edited.inner_text()
        assert "QC checked this item again: 2 findings" in edited.inner_text()
        assert "QC-UNSUPPORTED-CLAIM" in edited.inner_text() and "QC-DISCLAIMER" in edited.inner_text()

        page.locator("#approve").scroll_into_view_if_needed()
        page.screenshot(path=shots / "6-approval-not-yet.png")
        expect(page.locator("#approve")).to_be_disabled()
        assert "Approval opens once no blocker is open" in page.locator("#approve-later").inner_text()

        open_blockers = page.locator(".finding.sev-blocker:not(.waived) details.waive")
        while open_blockers.count():
            blocker = open_blockers.first
            blocker.locator("summary").click()
            blocker.locator("input[name=reason]").fill("The client's legal team accepts this wording.")
            blocker.locator("button[type=submit]").click()
            page.wait_for_load_state()
        page.fill("#approve-comment", "Ready for the client")
        page.click("#approve")
        expect(page.locator("#run-state")).to_have_text("delivered", timeout=120_000)
        page.screenshot(path=shots / "7-run-delivered.png")

        assert "approved: Ready for the client" in page.locator("#history").inner_text()
        with page.expect_download() as download:
            page.click("#files a[href$='/package.zip']")
        archive = tmp_path / "package.zip"
        download.value.save_as(archive)
        assert download.value.suggested_filename == f"northwind-roasters-{run_id[:8]}-package.zip"
        assert blocked == []

    with zipfile.ZipFile(archive) as package:
        plan = next(package.read(name) for name in package.namelist() if name.endswith("plan.md")).decode()
    assert EDITED in plan
