"""A disabled user at the console's sign-in page, and an admin disabling and enabling users on
/users (FastAPI's TestClient on the real app and database)."""

import dataclasses
import re

import pytest
from fastapi.testclient import TestClient

from aicmo.accounts.api import Actor, Channel, Role
from aicmo.operator.web.app import create_web_app
from aicmo.orchestration.composition import bootstrap

from .console_client import PASSWORD, csrf_of, sign_in

pytestmark = pytest.mark.e2e
ADMIN = Actor(who="test", channel=Channel.CLI)


def said(page) -> list[str]:
    """The sign-in page's error lines."""
    return re.findall(r'class="(?:error|field-error)"[^>]*>([^<]*)<', page.text)


@pytest.fixture
def app(sqlite_settings):
    with bootstrap(sqlite_settings, launch_durable=False) as application:
        application.accounts.create_user("admin@agency.example", Role.ADMIN, PASSWORD, ADMIN)
        application.accounts.create_user("ana@agency.example", Role.OPERATOR, PASSWORD, ADMIN)
        yield application


def test_a_disabled_user_with_the_right_password_is_told_whom_to_ask_and_a_wrong_one_learns_nothing(app):
    app.accounts.disable_user("ana@agency.example", ADMIN)
    named = dataclasses.replace(app, settings=app.settings.model_copy(update={"agency_name": "Brightside Agency"}))

    with TestClient(create_web_app(app), follow_redirects=False) as browser:
        right = sign_in(browser, "ana@agency.example")
        wrong = sign_in(browser, "ana@agency.example", "not the password")
        unknown = sign_in(browser, "nobody@agency.example", "not the password")
    with TestClient(create_web_app(named), follow_redirects=False) as browser:
        at_named_agency = sign_in(browser, "ana@agency.example")

    assert right.status_code == 403 and "aicmo_session" not in right.headers.get("set-cookie", "")
    assert said(right) == ["This account is disabled: ask an admin of the agency to enable it"]
    assert said(at_named_agency) == ["This account is disabled: ask an admin of Brightside Agency to enable it"]
    assert wrong.status_code == unknown.status_code == 400
    assert said(wrong) == said(unknown) == ["Wrong email or password", "Check both and try again"]
    actions = [e.action for e in app.audit.entries(10, target="ana@agency.example") if e.action.startswith("session")]
    assert sorted(actions) == ["session.login-disabled", "session.login-disabled", "session.login-failed"]


def test_after_disabling_or_enabling_the_users_page_says_what_was_done_and_disabling_asks_first(app):
    with TestClient(create_web_app(app)) as browser:
        sign_in(browser, "admin@agency.example")
        before = browser.get("/users").text
        token = csrf_of(before)

        disabled = browser.post("/users/disable", data={"email": "Ana@agency.example", "csrf": token})
        enabled = browser.post("/users/enable", data={"email": "ana@agency.example", "csrf": token})
        plain = browser.get("/users").text

    row = next(line for line in before.split("<tr>") if "ana@agency.example" in line)
    assert "<summary>Disable…</summary>" in row and row.index("<summary>") < row.index(">Disable</button>")
    assert disabled.url.path == "/users" and (
        "ana@agency.example is disabled: their sessions and tokens stop working." in disabled.text
    )
    assert "ana@agency.example is enabled again" in enabled.text and "is disabled:" not in enabled.text
    assert 'class="flash"' not in plain
