"""The operator console over HTTP (FastAPI's TestClient on the real app and database): sign-in,
sessions, CSRF, security headers, roles, and text from briefs shown as text."""

import dataclasses

import pytest
import yaml
from fastapi.testclient import TestClient

from aicmo.accounts.api import Actor, Channel, Role
from aicmo.operator.web.app import create_web_app
from aicmo.orchestration.api import RunState
from aicmo.orchestration.composition import bootstrap
from aicmo.platform.settings import Settings
from tests.conftest import EXAMPLE_BRIEF

from .cli import aicmo, env_for
from .console_client import PASSWORD, csrf_of, sign_in

pytestmark = pytest.mark.e2e
HOSTILE = "<script>alert(1)</script> Roasters"
ADMIN = Actor(who="test", channel=Channel.CLI)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """A run of a brand named with a script, waiting for approval, and the users who look at it."""
    home = tmp_path_factory.mktemp("console") / "home"
    settings = Settings(home=home)
    document = yaml.safe_load(EXAMPLE_BRIEF.read_text(encoding="utf-8"))
    document["brand"]["name"] = HOSTILE
    brief = home.parent / "brief.yaml"
    brief.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    started = aicmo("run", str(brief), env=env_for(settings))
    assert started.returncode == 0, started.stderr
    with bootstrap(settings, launch_durable=False) as application:
        application.accounts.create_user("op@agency.example", Role.OPERATOR, PASSWORD, ADMIN)
        application.accounts.create_user("rev@client.example", Role.REVIEWER, PASSWORD, ADMIN, client="Another Brand")
        application.accounts.create_user("mine@client.example", Role.REVIEWER, PASSWORD, ADMIN, client=HOSTILE)
        application.accounts.create_user("forgetful@agency.example", Role.OPERATOR, PASSWORD, ADMIN)
        application.accounts.create_user("admin@agency.example", Role.ADMIN, PASSWORD, ADMIN)
        yield application


@pytest.fixture
def browser(app):
    with TestClient(create_web_app(app), follow_redirects=False) as client:
        yield client


def waiting_run(app):
    [run] = [r for r in app.workflows.list_runs() if r.client_name == HOSTILE]
    return run


def test_a_page_needs_a_session_and_sends_the_browser_to_sign_in(browser):
    answer = browser.get("/runs")

    assert answer.status_code == 303 and answer.headers["location"] == "/login?next=/runs"


def test_head_answers_as_get_does_without_the_body_for_pages_and_the_api(app, browser):
    token = app.accounts.create_token("op@agency.example", "head check", ADMIN).secret
    bearer = {"Authorization": f"Bearer {token}"}

    login, home = browser.head("/login"), browser.head("/")
    runs, listed = browser.head("/api/v1/runs", headers=bearer), browser.get("/api/v1/runs", headers=bearer)

    assert login.status_code == 200 and login.content == b""
    assert login.headers["content-type"] == browser.get("/login").headers["content-type"]
    assert home.status_code == 303 and home.headers["location"].startswith("/login")
    assert runs.status_code == 200 and runs.content == b""
    assert runs.headers["content-length"] == str(len(listed.content)) and listed.json()["runs"]


def test_every_page_carries_the_security_headers(browser):
    headers = browser.get("/login").headers

    policy = headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff" and headers["referrer-policy"] == "no-referrer"


def test_every_page_names_the_icon_it_is_served_so_a_browser_asks_for_no_missing_one(browser):
    login = browser.get("/login").text
    icon = browser.get("/static/favicon.svg")

    assert '<link rel="icon" href="/static/favicon.svg"' in login
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")


def test_signing_in_sets_a_signed_http_only_lax_cookie_and_signing_out_by_htmx_ends_the_session(app, browser):
    signed_in = sign_in(browser, "op@agency.example")
    cookie = next(c for c in signed_in.headers.get_list("set-cookie") if c.startswith("aicmo_session="))
    stolen = browser.cookies["aicmo_session"]

    assert signed_in.status_code == 303 and signed_in.headers["location"] == "/"
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    assert browser.get("/").status_code == 200

    signed_out = browser.post("/logout", headers={"X-CSRF-Token": csrf_of(browser.get("/").text), "HX-Request": "true"})
    browser.cookies.set("aicmo_session", stolen)

    assert signed_out.status_code == 303 and signed_out.headers["location"] == "/login"

    assert browser.get("/").status_code == 303


def test_the_session_cookie_is_secure_when_the_public_address_is_https(app):
    https = dataclasses.replace(
        app, settings=app.settings.model_copy(update={"public_url": "https://aicmo.agency.example"})
    )
    with TestClient(create_web_app(https), base_url="https://testserver", follow_redirects=False) as client:
        cookie = next(
            c
            for c in sign_in(client, "op@agency.example").headers.get_list("set-cookie")
            if c.startswith("aicmo_session=")
        )

    assert "Secure" in cookie


def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(app, browser):
    refused_sign_in = browser.post("/login", data={"email": "op@agency.example", "password": PASSWORD})
    sign_in(browser, "op@agency.example")
    run = waiting_run(app)
    refused_approval = browser.post(f"/runs/{run.run_id}/approve", data={"comment": "ok"})
    forged = browser.post(f"/runs/{run.run_id}/approve", data={"comment": "ok", "csrf": "forged"})

    assert (refused_sign_in.status_code, refused_approval.status_code, forged.status_code) == (403, 403, 403)
    assert "aicmo_session" not in refused_sign_in.headers.get("set-cookie", "")
    assert app.workflows.get_run(run.run_id).state == RunState.AWAITING_APPROVAL


def test_a_wrong_password_is_told_beside_the_field_and_the_sixth_try_is_held_off(browser):
    wrong = sign_in(browser, "forgetful@agency.example", "not the password")
    for _ in range(4):
        sign_in(browser, "forgetful@agency.example", "not the password")
    held = sign_in(browser, "forgetful@agency.example")

    assert (
        wrong.status_code == 400
        and "Wrong email or password" in wrong.text
        and "Check both and try again" in wrong.text
    )
    assert held.status_code == 429 and "Too many failed sign-ins for this account from this address" in held.text
    assert "Try again in 15 minutes" in held.text


def test_a_reviewer_of_another_client_gets_403_and_cannot_decide(app, browser):
    sign_in(browser, "rev@client.example")
    run = waiting_run(app)
    token = csrf_of(browser.get("/").text)

    page = browser.get(f"/runs/{run.run_id}")
    approval = browser.post(f"/runs/{run.run_id}/approve", data={"comment": "ok", "csrf": token})

    assert page.status_code == 403 and approval.status_code == 403
    assert HOSTILE not in browser.get("/runs").text and "&lt;script&gt;" not in browser.get("/runs").text
    assert app.workflows.get_run(run.run_id).state == RunState.AWAITING_APPROVAL


def test_text_from_a_brief_is_shown_as_text_never_run_as_script(app, browser):
    sign_in(browser, "mine@client.example")

    page = browser.get(f"/runs/{waiting_run(app).run_id}")

    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Roasters" in page.text
    assert 'action="/runs/' in page.text and "Approve and deliver" in page.text


def test_a_run_s_state_reads_as_words_in_its_badge_on_the_run_page_the_runs_list_and_the_dashboard(app, browser):
    sign_in(browser, "op@agency.example")
    badge = '<span class="badge state-awaiting_approval"'

    pages = [browser.get(f"/runs/{waiting_run(app).run_id}").text, browser.get("/runs").text]
    dashboard = browser.get("/").text

    assert all(badge in page and "AWAITING_APPROVAL</span>" not in page for page in pages)
    assert all(">waiting for approval</span>" in page for page in pages)
    assert "<span>waiting for approval</span>" in dashboard and "<span>failed QC</span>" in dashboard


def test_only_an_admin_reads_the_audit_log_and_it_names_who_signed_in_from_where(app, browser):
    sign_in(browser, "op@agency.example")
    refused = browser.get("/audit")
    browser.post("/logout", data={"csrf": csrf_of(browser.get("/").text)})
    sign_in(browser, "admin@agency.example")

    log = browser.get("/audit")

    assert refused.status_code == 403 and "Only an admin may read the audit log" in refused.text
    assert (
        log.status_code == 200
        and "session.login" in log.text
        and "console · testclient" in log.text
        and "user.create" in log.text
    )


def test_an_admin_disables_a_user_and_revokes_a_token_and_an_operator_may_not(app, browser):
    app.accounts.create_user("leaver@agency.example", Role.OPERATOR, PASSWORD, ADMIN)
    issued = app.accounts.create_token("op@agency.example", "nightly report", ADMIN)
    sign_in(browser, "op@agency.example")
    refused = browser.post(
        "/users/disable", data={"email": "leaver@agency.example", "csrf": csrf_of(browser.get("/").text)}
    )
    browser.post("/logout", data={"csrf": csrf_of(browser.get("/").text)})
    sign_in(browser, "admin@agency.example")
    token = csrf_of(browser.get("/users").text)

    disabled = browser.post("/users/disable", data={"email": "leaver@agency.example", "csrf": token})
    revoked = browser.post("/tokens/revoke", data={"prefix": issued.token.prefix, "csrf": token})

    assert refused.status_code == 403
    assert disabled.status_code == revoked.status_code == 303
    assert next(u for u in app.accounts.users() if u.email == "leaver@agency.example").disabled
    assert app.accounts.user_of_token(issued.secret) is None
    assert issued.secret not in browser.get("/users").text and issued.token.prefix in browser.get("/users").text


def test_an_admin_enables_a_disabled_user_who_signs_in_anew_while_its_old_session_stays_ended(app, browser):
    app.accounts.create_user("returner@agency.example", Role.OPERATOR, PASSWORD, ADMIN)
    issued = app.accounts.create_token("returner@agency.example", "weekly export", ADMIN)
    with TestClient(create_web_app(app), follow_redirects=False) as old_session:
        sign_in(old_session, "returner@agency.example")
        sign_in(browser, "admin@agency.example")
        token = csrf_of(browser.get("/users").text)
        browser.post("/users/disable", data={"email": "returner@agency.example", "csrf": token})
        while_disabled = browser.get("/users").text

        forged = browser.post("/users/enable", data={"email": "returner@agency.example"})
        enabled = browser.post("/users/enable", data={"email": "returner@agency.example", "csrf": token})
        after = browser.get("/users").text

        assert forged.status_code == 403 and enabled.status_code == 303
        assert old_session.get("/runs").status_code == 303, "a session from before disabling stays ended"
    row = next(line for line in while_disabled.split("<tr>") if "returner@agency.example" in line)
    assert ">Enable</button>" in row and ">Disable</button>" not in row
    token_row = next(line for line in while_disabled.split("<tr>") if issued.token.prefix in line)
    assert "<td>user disabled</td>" in token_row
    row = next(line for line in after.split("<tr>") if "returner@agency.example" in line)
    assert ">Disable</button>" in row and "<td>active</td>" in row
    assert "<td>active</td>" in next(line for line in after.split("<tr>") if issued.token.prefix in line)
    assert app.accounts.user_of_token(issued.secret) is not None
    [entry] = [e for e in app.audit.entries(50, target="returner@agency.example") if e.action == "user.enable"]
    assert (entry.actor, entry.channel) == ("admin@agency.example", Channel.CONSOLE)
    with TestClient(create_web_app(app), follow_redirects=False) as anew:
        assert sign_in(anew, "returner@agency.example").status_code == 303


def test_requesting_changes_without_a_comment_is_told_beside_the_field_and_the_run_still_waits(app, browser):
    sign_in(browser, "op@agency.example")
    run = waiting_run(app)

    token = csrf_of(browser.get("/").text)

    refused = browser.post(f"/runs/{run.run_id}/reject", data={"comment": "  ", "csrf": token})
    too_long = browser.post(f"/runs/{run.run_id}/reject", data={"comment": "x" * 2001, "csrf": token})

    assert refused.status_code == 422 and "Say what to change" in refused.text
    assert too_long.status_code == 422 and "Keep it to 2,000 characters: this one has 2,001." in too_long.text
    assert app.workflows.get_run(run.run_id).state == RunState.AWAITING_APPROVAL
