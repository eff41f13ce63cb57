"""Signing in to the console in a browser page, as its user does: the form, then the dashboard."""

from tests.e2e.console_client import PASSWORD


def sign_in_page(page, base: str, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
