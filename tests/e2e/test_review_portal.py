"""The client review portal over HTTP (FastAPI's TestClient on the real app, database and
durable workflows): the operator makes a link and emails it through a loopback SMTP server;
the client reads the pack without an account, comments, requests changes or approves, and
the decision reaches the workflow as `aicmo reject` / `aicmo approve` do. A tampered,
expired, withdrawn or outdated link changes nothing."""

import dataclasses
import datetime as dt
import html
import re
from urllib.parse import urlparse

import pytest
from fastapi.testclient import TestClient

from aicmo.accounts.api import Actor, Channel, Role
from aicmo.operator.web.app import create_web_app
from aicmo.operator.web.portal.link_tokens import ReviewLinkTokens
from aicmo.orchestration.api import RunOptions, RunState
from aicmo.orchestration.composition import bootstrap
from aicmo.platform.secrets import secret_key
from aicmo.platform.settings import Settings
from tests.briefs import example
from tests.fakes import FakeMailer
from aicmo.qc.api import QcRunId
from tests.local_servers import SmtpServer

from .console_client import PASSWORD, csrf_of, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
CLI = Actor(who="test", channel=Channel.CLI)


def start_waiting_run(app, brand: str | None = None):
    brief = example("northwind")
    if brand:
        brief = brief.model_copy(update={"brand": brief.brand.model_copy(update={"name": brand})})
    run_id = app.workflows.start_client_to_delivery(
        brief, "northwind.yaml", app.settings.home / "deliveries", RunOptions()
    )
    assert app.workflows.wait(run_id, timeout_seconds=240).state == RunState.AWAITING_APPROVAL
    return run_id


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    """The app with a run waiting for approval, an operator and a reviewer, and its SMTP server."""
    home = tmp_path_factory.mktemp("portal") / "home"
    with SmtpServer() as smtp, bootstrap(Settings(home=home, smtp_url=smtp.url)) as app:
        app.accounts.create_user("op@agency.example", Role.OPERATOR, PASSWORD, CLI)
        app.accounts.create_user("rev@northwind.example", Role.REVIEWER, PASSWORD, CLI, client="Northwind Roasters")
        yield app, smtp, start_waiting_run(app)


@pytest.fixture
def client(portal):
    with TestClient(create_web_app(portal[0]), follow_redirects=False) as client:
        yield client


def make_link(client: TestClient, run_id, **form) -> str:
    """The path of a new review link, made from the run's page as an operator."""
    sign_in(client, "op@agency.example")
    page = client.get(f"/runs/{run_id}").text
    made = client.post(f"/runs/{run_id}/review-links", data={"days": "7", "csrf": csrf_of(page), **form})
    assert made.status_code == 303, made.text
    url = new_link(client.get(made.headers["location"]).text)
    client.cookies.clear()
    return urlparse(url).path


def operator_on(client: TestClient, run_id) -> str:
    """Sign the operator in; the CSRF token of the run's page."""
    sign_in(client, "op@agency.example")
    return csrf_of(client.get(f"/runs/{run_id}").text)


def new_link(page: str) -> str:
    """The address the run page offers to copy after a link was made."""
    return html.unescape(re.search(r'id="new-link"[^>]*value="([^"]+)"', page).group(1))


def form_of(page: str) -> dict[str, str]:
    token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
    return {"form_token": token}


def readable(page: str) -> str:
    """The page without its random form token and the link's own signed token, which may spell any word."""
    return re.sub(r'name="form_token" value="[^"]+"|/review/[^"\s<]+', "", page)


def items_of(page: str) -> list[str]:
    return re.findall(r'<textarea id="(item-[^"]+)"', page)


def audit(app, action: str, run_id):
    return [entry for entry in app.audit.entries(500) if entry.action == action and entry.target == str(run_id)]


def test_the_operator_makes_a_link_emails_it_and_both_are_audited(portal, client):
    app, smtp, run_id = portal

    path = make_link(client, run_id, email="Client@Northwind.example")

    [message] = [m for m in smtp.inbox.messages if m["To"] == "client@northwind.example"]
    body = message.get_payload(decode=True).decode()
    assert "Northwind Roasters" in message["Subject"] and f"http://localhost:8000{path}" in body
    [made] = audit(app, "review_link.create", run_id)
    [sent] = audit(app, "review_link.send", run_id)
    assert (made.actor, made.channel, sent.detail) == (
        "op@agency.example",
        Channel.CONSOLE,
        "to client@northwind.example",
    )
    page = client.get(path)
    assert page.status_code == 200 and "Approve the pack" in page.text and "aicmo_session" not in client.cookies
    assert len(items_of(page.text)) > 10 and "QC" not in readable(page.text) and "BLOCKER" not in readable(page.text)


def test_a_wrong_lifetime_or_address_is_told_beside_the_field_and_no_link_is_made(portal, client):
    app, _, run_id = portal
    before = len(app.review_links.of_run(run_id))
    token = operator_on(client, run_id)

    no_days = client.post(f"/runs/{run_id}/review-links", data={"days": "0", "csrf": token})
    bad_address = client.post(f"/runs/{run_id}/review-links", data={"days": "3", "email": "nobody", "csrf": token})

    assert no_days.status_code == bad_address.status_code == 422
    assert "Give a whole number of days from 1 to 30" in no_days.text
    assert "nobody" in bad_address.text and 'class="field-error"' in bad_address.text
    assert len(app.review_links.of_run(run_id)) == before


def test_emailing_a_link_without_a_mail_server_is_told_beside_the_address_and_no_link_is_made(portal):
    app, _, run_id = portal
    before = len(app.review_links.of_run(run_id))
    with TestClient(create_web_app(dataclasses.replace(app, mailer=None)), follow_redirects=False) as client:
        sign_in(client, "op@agency.example")
        token = csrf_of(client.get(f"/runs/{run_id}").text)

        refused = client.post(f"/runs/{run_id}/review-links", data={"days": "7", "email": "a@b.example", "csrf": token})

    assert refused.status_code == 422 and "No mail server is set (AICMO_SMTP_URL)" in refused.text
    assert len(app.review_links.of_run(run_id)) == before


def test_a_withdrawn_link_answers_410_and_the_withdrawal_is_audited(portal, client):
    app, _, run_id = portal
    path = make_link(client, run_id)
    form = form_of(client.get(path).text)
    [newest, *_] = app.review_links.of_run(run_id)
    token = operator_on(client, run_id)

    withdrawn = client.post(f"/runs/{run_id}/review-links/{newest.link_id}/revoke", data={"csrf": token})
    shown = client.get(path)
    posted = client.post(path, data={**form, "decision": "approve"})

    assert withdrawn.status_code == 303 and shown.status_code == posted.status_code == 410
    assert "This link was withdrawn" in shown.text
    assert app.workflows.get_run(run_id).state == RunState.AWAITING_APPROVAL
    assert any(entry.detail == f"link {newest.link_id}" for entry in audit(app, "review_link.revoke", run_id))


def test_a_client_whose_link_was_withdrawn_while_writing_is_shown_what_they_wrote(portal, client):
    """Nothing is sent, yet the comments are on the page to copy: the client need not write them again."""
    app, _, run_id = portal
    path = make_link(client, run_id)
    page = client.get(path).text
    [first, *_] = items_of(page)
    label = re.search(rf'id="{first}-card">\s*<header>\s*<strong>([^<]+)</strong>', page).group(1)
    [newest, *_] = app.review_links.of_run(run_id)
    client.post(f"/runs/{run_id}/review-links/{newest.link_id}/revoke", data={"csrf": operator_on(client, run_id)})
    client.cookies.clear()

    posted = client.post(
        path,
        data={**form_of(page), "decision": "request-changes", "comment": "Warmer <please>.", first: "Shorter."},
    )

    assert posted.status_code == 410 and "This link was withdrawn" in posted.text
    unsent = posted.text[posted.text.index('id="unsent"') :]
    assert "was not sent" in unsent and "Warmer &lt;please&gt;." in unsent
    assert f"<b>{label}</b>" in unsent and "Shorter." in unsent
    assert app.workflows.get_run(run_id).state == RunState.AWAITING_APPROVAL


def test_a_link_the_mail_server_refuses_is_still_made_to_copy_and_says_it_was_not_sent(portal):
    app, _, run_id = portal
    mailer = FakeMailer()
    mailer.refusing = "the SMTP server at 127.0.0.1:2525 did not answer"
    with TestClient(create_web_app(dataclasses.replace(app, mailer=mailer)), follow_redirects=False) as client:
        sign_in(client, "op@agency.example")
        token = csrf_of(client.get(f"/runs/{run_id}").text)

        made = client.post(f"/runs/{run_id}/review-links", data={"days": "2", "email": "late@b.example", "csrf": token})
        shown = client.get(made.headers["location"]).text

    assert made.status_code == 303 and 'id="new-link"' in shown
    assert "Not emailed to late@b.example: the mail server did not take it" in shown
    assert "(not sent)" in shown
    assert not [e for e in audit(app, "review_link.send", run_id) if e.detail == "to late@b.example"]


def test_a_brand_written_as_markup_shows_as_text_on_the_portal(portal, client):
    app, _, _ = portal
    run_id = start_waiting_run(app, brand="<script>alert(1)</script> Roasters")

    page = client.get(make_link(client, run_id))

    assert page.status_code == 200 and "<script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Roasters" in page.text


def test_copy_reads_as_headings_lists_and_paragraphs_and_agency_only_fields_are_marked(portal, client):
    app, _, run_id = portal

    page = client.get(make_link(client, run_id)).text

    assert "## " not in page and re.search(r"<dd><h4>[^<]+</h4><ul><li>", page) and "<dd><p>" in page
    assert "<dt>Pillar (not published)</dt>" in page and "<dt>Pillar</dt>" not in page
    assert '<p class="muted" id="timezone">Posting times are local to America/Los_Angeles.</p>' in page


def test_a_reviewer_of_the_client_may_not_make_links(portal, client):
    _, _, run_id = portal
    sign_in(client, "rev@northwind.example")

    refused = client.post(f"/runs/{run_id}/review-links", data={"days": "7", "csrf": csrf_of(client.get("/").text)})

    assert refused.status_code == 403


def test_a_tampered_link_answers_400_and_changes_nothing(portal, client):
    app, _, run_id = portal
    path = make_link(client, run_id)
    form = form_of(client.get(path).text)
    tampered = path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB")

    shown = client.get(tampered)
    posted = client.post(tampered, data={**form, "decision": "approve", "comment": "Fine by <me>."})

    assert shown.status_code == posted.status_code == 400 and "This link does not work" in shown.text
    assert "What you wrote was not sent" in posted.text and "Fine by &lt;me&gt;." in posted.text
    assert app.workflows.get_run(run_id).state == RunState.AWAITING_APPROVAL


def test_an_expired_link_answers_400_and_changes_nothing(portal, client):
    app, _, run_id = portal
    live = client.get(make_link(client, run_id))
    [newest, *_] = app.review_links.of_run(run_id)
    past = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(hours=1)
    expired = app.review_links.create(run_id, newest.client, newest.pack_digest, past, CLI)
    path = "/review/" + ReviewLinkTokens(secret_key(app.settings)).token(expired)

    shown = client.get(path)
    posted = client.post(path, data={**form_of(live.text), "decision": "approve"})

    assert shown.status_code == posted.status_code == 400 and "This link has expired" in shown.text
    assert "Approve the pack" not in shown.text
    assert app.workflows.get_run(run_id).state == RunState.AWAITING_APPROVAL


def test_the_form_needs_the_token_of_its_own_link(portal, client):
    app, _, run_id = portal
    first, second = make_link(client, run_id), make_link(client, run_id)

    missing = client.post(first, data={"decision": "approve"})
    borrowed = client.post(first, data={**form_of(client.get(second).text), "decision": "approve"})

    assert missing.status_code == borrowed.status_code == 403
    assert app.workflows.get_run(run_id).state == RunState.AWAITING_APPROVAL


def test_asking_for_changes_without_a_word_or_with_too_long_a_comment_is_told_beside_the_field(portal, client):
    app, _, run_id = portal
    path = make_link(client, run_id)
    page = client.get(path).text
    [first, *_] = items_of(page)

    empty = client.post(path, data={**form_of(page), "decision": "request-changes", "comment": "  "})
    too_long = client.post(path, data={**form_of(page), "decision": "request-changes", first: "x" * 2001})

    assert empty.status_code == too_long.status_code == 422
    assert "Say what should change" in empty.text
    assert (
        f'<form method="post" action="{path}#decision"' in page
        and '<section class="card decision-bar" id="decision">' in empty.text
    )
    summary = empty.text.index('id="problems"')
    assert summary < empty.text.index("<form") and '<a href="#comment">Say what should change' in empty.text[summary:]
    assert "Keep it to 2,000 characters: this one has 2,001" in too_long.text and "x" * 2001 in too_long.text
    assert app.workflows.get_run(run_id).state == RunState.AWAITING_APPROVAL
    assert all(link.decision is None for link in app.review_links.of_run(run_id))


def blocked_run(app):
    """A run waiting for approval whose first social post an edit gave a blocker finding."""
    run_id = start_waiting_run(app)
    report = app.qc.get(QcRunId.parse(app.workflows.get_run(run_id).qc_run_id))
    post = next(i for i in app.production.get_pack(report.pack_id).items if i.kind == "social_post")
    app.workflows.edit_item(run_id, str(post.item_id), {"body": "Not cheap. Just good coffee, roasted on Monday."})
    return run_id


def test_the_client_may_not_approve_a_pack_with_open_blockers_and_nothing_changes(portal, client):
    app, _, _ = portal
    run_id = blocked_run(app)
    before = app.workflows.get_run(run_id)
    path = make_link(client, run_id)
    page = client.get(path).text

    refused = client.post(path, data={**form_of(page), "decision": "approve"})

    assert refused.status_code == 409
    assert "the agency must resolve the quality issues still open in this pack" in refused.text
    assert app.workflows.get_run(run_id) == before
    assert audit(app, "run.approve", run_id) == []


def test_the_client_requests_changes_then_approves_the_revised_pack_through_a_new_link(portal, client):
    app, _, _ = portal
    run_id = start_waiting_run(app)
    path, outdated = make_link(client, run_id), make_link(client, run_id)
    page = client.get(path).text
    [first, second, *_] = items_of(page)
    hostile = "<script>alert(1)</script> warmer, please"

    asked = client.post(
        path, data={**form_of(page), "decision": "request-changes", "comment": "Closer to our voice.", first: hostile}
    )

    assert asked.status_code == 303 and asked.headers["location"] == f"{path}#outcome"
    run = app.workflows.get_run(run_id)
    assert run.state == RunState.AWAITING_APPROVAL and run.note
    outcome = client.get(path)
    assert (
        outcome.status_code == 200
        and "You asked for changes" in outcome.text
        and "Approve the pack" not in outcome.text
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt; warmer, please" in outcome.text and "<script>" not in outcome.text
    [decision] = audit(app, "run.request-changes", run_id)
    [link, _] = [link for link in app.review_links.of_run(run_id) if link.decision] + [None]
    assert [(c.item_id, c.text) for c in link.comments] == [(first.removeprefix("item-"), hostile)]
    assert (decision.actor, decision.channel, decision.address, decision.detail) == (
        "client via link",
        Channel.LINK,
        "testclient",
        f"Closer to our voice.\n{link.comments[0].item_label}: {hostile}",
    )
    changed = client.get(outdated)
    refused = client.post(outdated, data={**form_of(page), "decision": "approve"})
    assert (
        changed.status_code == refused.status_code == 409
        and "The pack changed since this link was made" in changed.text
    )
    assert app.workflows.get_run(run_id).state == RunState.AWAITING_APPROVAL
    again = client.post(path, data={**form_of(page), "decision": "approve"})
    assert again.status_code == 409 and app.workflows.get_run(run_id).state == RunState.AWAITING_APPROVAL

    fresh = make_link(client, run_id)
    fresh_page = client.get(fresh).text
    approved = client.post(fresh, data={**form_of(fresh_page), "decision": "approve", second: "Love this one."})

    assert approved.status_code == 303 and app.workflows.get_run(run_id).state == RunState.DELIVERED
    assert "You approved this pack" in client.get(fresh).text
    [approval] = audit(app, "run.approve", run_id)
    assert (approval.actor, approval.channel) == ("client via link", Channel.LINK)
    sign_in(client, "op@agency.example")
    run_page = client.get(f"/runs/{run_id}").text
    assert "Love this one." in run_page and "&lt;script&gt;alert(1)&lt;/script&gt; warmer, please" in run_page
    twice = client.post(fresh, data={**form_of(fresh_page), "decision": "request-changes", "comment": "Wait"})
    assert twice.status_code == 409 and app.workflows.get_run(run_id).state == RunState.DELIVERED


def test_a_refused_approval_keeps_every_comment_the_client_typed(portal, client):
    app, _, _ = portal
    run_id = blocked_run(app)
    path = make_link(client, run_id)
    page = client.get(path).text
    first, second, *_ = items_of(page)
    typed = {first: "Warmer, <please>.", second: "Shorter.\r\nAnd a question.", "comment": "Nearly there."}

    refused = client.post(path, data={**form_of(page), "decision": "approve", **typed})

    assert refused.status_code == 409 and "Nothing was changed" in refused.text
    for name, text in typed.items():
        kept = html.escape(text.replace("\r\n", "\n"), quote=False)
        assert re.search(rf'<textarea id="{name}"[^>]*>{re.escape(kept)}</textarea>', refused.text), name


def test_the_client_is_told_up_front_that_approval_waits_for_the_agency_and_may_still_ask_for_changes(portal, client):
    app, _, _ = portal
    run_id = blocked_run(app)
    path = make_link(client, run_id)

    page = client.get(path).text
    [first, *_] = items_of(page)
    asked = client.post(path, data={**form_of(page), "decision": "request-changes", first: "Less salesy."})

    intro = page.split('class="card intro"', 1)[1].split("</section>", 1)[0]
    assert "approval opens once those checks are done" in intro
    assert "You can already comment and ask for changes" in intro
    assert re.search(r'<button type="button" id="approve" disabled', page) and 'value="approve"' not in page
    assert "QC" not in readable(page) and "blocker" not in readable(page).lower()
    assert asked.status_code == 303 and "You asked for changes" in client.get(path).text


def test_making_a_link_redirects_to_the_run_page_so_a_reload_makes_no_other(portal, client):
    app, _, run_id = portal
    before = len(app.review_links.of_run(run_id))
    token = operator_on(client, run_id)

    made = client.post(f"/runs/{run_id}/review-links", data={"days": "4", "csrf": token})
    shown, reloaded = client.get(made.headers["location"]), client.get(made.headers["location"])

    links = app.review_links.of_run(run_id)
    newest = max(links, key=lambda link: link.created_at)
    assert made.status_code == 303 and made.headers["location"].startswith(f"/runs/{run_id}?link={newest.link_id}")
    assert len(links) == before + 1
    assert shown.status_code == reloaded.status_code == 200 and new_link(shown.text) == new_link(reloaded.text)
    assert urlparse(new_link(shown.text)).path.startswith("/review/")


def test_only_an_open_link_can_be_withdrawn(portal, client):
    app, _, _ = portal
    run_id = start_waiting_run(app)
    make_link(client, run_id)
    report = app.qc.get(QcRunId.parse(app.workflows.get_run(run_id).qc_run_id))
    post = next(i for i in app.production.get_pack(report.pack_id).items if i.kind == "calendar_entry")
    app.workflows.edit_item(run_id, str(post.item_id), {"cta": "Book a tasting this Saturday."})
    make_link(client, run_id)
    sign_in(client, "op@agency.example")

    rows = client.get(f"/runs/{run_id}").text.split('<tr class="review-link">')[1:]

    [outdated] = [row for row in rows if "<td>pack changed</td>" in row]
    [current] = [row for row in rows if "<td>open</td>" in row]
    assert "Withdraw" not in outdated and "Withdraw" in current


def test_the_client_and_the_operator_name_each_item_alike_counting_from_one(portal, client):
    app, _, run_id = portal
    path = make_link(client, run_id)
    portal_page = client.get(path).text
    sign_in(client, "op@agency.example")
    run_page = client.get(f"/runs/{run_id}").text

    on_portal = dict(re.findall(r'id="item-([0-9a-f-]+)-card">\s*<header>\s*<strong>([^<]+)</strong>', portal_page))
    on_run_page = dict(re.findall(r'id="item-([0-9a-f-]+)">\s*<header>\s*<strong>([^<]+)</strong>', run_page))

    assert on_portal and on_portal == on_run_page
    assert "Calendar post 1 · " in next(iter(on_portal.values()))


def test_changes_asked_on_items_alone_are_audited_with_each_item_named(portal, client):
    app, _, _ = portal
    run_id = start_waiting_run(app)
    path = make_link(client, run_id)
    page = client.get(path).text
    [first, second, *_] = items_of(page)

    client.post(path, data={**form_of(page), "decision": "request-changes", first: "Warmer, please", second: "Shorter"})

    [decision] = audit(app, "run.request-changes", run_id)
    [link] = [link for link in app.review_links.of_run(run_id) if link.decision]
    first_label, second_label = (said.item_label for said in link.comments)
    assert decision.detail == f"{first_label}: Warmer, please\n{second_label}: Shorter"
