"""An admin reads the audit log in the console: a comment of one unbroken 2,000-character word
wraps inside its cell instead of pushing the table past the page's edge. The page is saved as a
screenshot beside the test's files."""

import pytest

from aicmo.accounts.api import Actor, Channel, Role
from aicmo.orchestration.composition import bootstrap
from tests.browser.signing_in import sign_in_page
from tests.e2e.console_client import PASSWORD
from tests.e2e.serve import aicmo_serve

pytestmark = [pytest.mark.browser, pytest.mark.e2e]
LONG_WORD = "x" * 2_000


def test_a_long_unbroken_comment_wraps_inside_the_audit_table(sqlite_settings, tmp_path, chromium):
    with bootstrap(sqlite_settings, launch_durable=False) as app:
        app.accounts.create_user("ana@agency.example", Role.ADMIN, PASSWORD, Actor(who="test", channel=Channel.CLI))
        app.audit.record(
            Actor(who="ana@agency.example", channel=Channel.CONSOLE, address="127.0.0.1"),
            "run.approve",
            "0a3f6f32-1d1c-4c54-9a35-2b7c3c1f8e01",
            LONG_WORD,
        )

    with aicmo_serve(sqlite_settings, tmp_path / "serve.log") as base:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        sign_in_page(page, base, "ana@agency.example")
        page.goto(f"{base}/audit")
        page.screenshot(path=tmp_path / "audit.png", full_page=True)

        assert LONG_WORD in page.content()
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        table_right = page.evaluate("document.querySelector('main table').getBoundingClientRect().right")
        card_right = page.evaluate("document.querySelector('main .card').getBoundingClientRect().right")
        assert table_right <= card_right
        when, who = (page.locator("main table tbody td").nth(n).bounding_box() for n in (0, 1))
        assert when and who and min(when["width"], who["width"]) > 150, "the other columns are not squeezed"
