"""The console's client-acquisition pages over HTTP (FastAPI's TestClient on the real app and
database): campaigns with their sequences and pause / resume, the leads table's filters, orders and pages, a lead's
timeline and actions, the replies queue, the dashboard's funnel, roles and escaping."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from aicmo.accounts.api import Actor, Channel, Role
from aicmo.cam.api import LeadStage, MessageVariant, NewCampaign, SequenceStep
from aicmo.operator.web.app import create_web_app
from aicmo.orchestration.composition import Application, bootstrap
from aicmo.platform.settings import Settings

pytestmark = pytest.mark.e2e
PASSWORD = "correct horse battery"
ADMIN = Actor(who="test", channel=Channel.CLI)
HOSTILE = "<script>alert(1)</script> Ltd"
LEADS = 120


def leads_csv() -> bytes:
    rows = ["email,first name,company,title"]
    for number in range(LEADS):
        company = HOSTILE if number == 7 else f"Roastery {number:03d}"
        domain, title = "bean" if number % 2 else "leaf", "CMO" if number % 3 else "Intern"
        rows.append(f"lead{number:03d}@{domain}.example,Ana{number},{company},{title}")
    return ("\r\n".join(rows) + "\r\n").encode()


def positive_reply(sender: str, name: str) -> bytes:
    mime = EmailMessage()
    mime["From"], mime["To"], mime["Subject"] = sender, "aicmo@localhost", "Re: coffee <b>now</b>"
    mime["Message-ID"] = f"<{name}@replies.test>"
    mime.set_content("Sounds good <img src=x onerror=alert(1)>, let's talk.")
    return bytes(mime)


@contextmanager
def cam_app(folder: Path) -> Iterator[Application]:
    """Two campaigns, the leads imported into one, lead005's positive reply ingested, an operator and a reviewer."""
    home, inbox = folder / "home", folder / "inbox"
    inbox.mkdir()
    (inbox / "r1.eml").write_bytes(positive_reply("lead005@bean.example", "r1"))
    with bootstrap(Settings(home=home), launch_durable=False) as application:
        application.campaigns.create(NewCampaign(name="Coffee brands", icp={"titles": ["CMO"]}))
        application.campaigns.create(NewCampaign(name="Empty one"))
        application.leads.import_csv("Coffee brands", leads_csv(), "leads.csv")
        application.replies.ingest_folder(inbox)
        application.accounts.create_user("op@agency.example", Role.OPERATOR, PASSWORD, ADMIN)
        application.accounts.create_user("rev@client.example", Role.REVIEWER, PASSWORD, ADMIN, client="Some Client")
        yield application


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """Shared by the tests that only read: none of them changes a lead."""
    with cam_app(tmp_path_factory.mktemp("console-cam")) as application:
        yield application


def signed_in_as(app, email: str) -> TestClient:
    client = TestClient(create_web_app(app), follow_redirects=False)
    token = csrf_of(client.get("/login").text)
    assert (
        client.post("/login", data={"email": email, "password": PASSWORD, "csrf": token, "next": "/"}).status_code
        == 303
    )
    return client


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


@pytest.fixture
def operator(app):
    with signed_in_as(app, "op@agency.example") as client:
        yield client


def emails(page: str) -> list[str]:
    return re.findall(r'<a href="/cam/leads/[0-9a-f-]+">([^<]+)</a>', page)


def campaign_id(app, name: str) -> str:
    return str(app.campaigns.get(name).campaign_id)


def test_the_campaigns_page_counts_each_campaigns_leads_by_stage(operator):
    page = operator.get("/cam").text

    row = re.search(r"Coffee brands</a>.*?</tr>", page, re.S).group(0)
    assert '">120</a>' in row and '<span class="badge no-sequence">no sequence</span>' in row
    assert "Empty one" in page


def campaign_row(page: str, name: str) -> str:
    return re.search(rf">{re.escape(name)}</a>.*?</tr>", page, re.S).group(0)


def test_a_campaign_is_active_once_it_has_a_sequence_and_its_page_shows_the_steps_as_text(app, operator):
    app.campaigns.create(NewCampaign(name="Tea shops"))
    path = f"/cam/campaigns/{campaign_id(app, 'Tea shops')}"
    before, listed_before = operator.get(path).text, campaign_row(operator.get("/cam").text, "Tea shops")

    app.outreach.set_sequence(
        "Tea shops",
        [
            SequenceStep(delay_days=0, variants=[MessageVariant(name="a", subject=HOSTILE, body="Hi")]),
            SequenceStep(delay_days=3, variants=[MessageVariant(name="a", subject="Still?", body="Just checking")]),
        ],
    )
    after, listed_after = operator.get(path).text, campaign_row(operator.get("/cam").text, "Tea shops")

    for page in (before, listed_before):
        assert '<span class="badge no-sequence">no sequence</span>' in page and "active" not in page
    assert "No sequence yet, so nothing is sent" in before
    assert "Set one with <code>aicmo cam sequence &#39;Tea shops&#39; steps.yaml</code>" in before
    for page in (after, listed_after):
        assert '<span class="badge active">active</span>' in page and "no sequence" not in page
    assert "<dd>&lt;script&gt;alert(1)&lt;/script&gt; Ltd</dd>" in after and "<script>alert" not in after
    assert "sent as soon as the window and the daily cap allow" in after
    assert "sent 3 days after the previous step" in after and "Just checking" in after


def test_pausing_and_resuming_a_campaign_is_audited_and_needs_the_forms_token(app, operator):
    path = f"/cam/campaigns/{campaign_id(app, 'Coffee brands')}"
    token = csrf_of(operator.get(path).text)

    refused = operator.post(f"{path}/pause", data={})
    paused = operator.post(f"{path}/pause", data={"csrf": token})
    shown = operator.get(path).text
    resumed = operator.post(f"{path}/resume", data={"csrf": token})

    assert refused.status_code == 403
    assert (
        paused.status_code == 303 and 'id="resume"' in shown and "Nothing is sent while the campaign is paused" in shown
    )
    assert resumed.status_code == 303 and not app.campaigns.get("Coffee brands").paused
    actions = [(entry.action, entry.target, entry.actor) for entry in app.audit.entries(10)]
    assert ("campaign.pause", "Coffee brands", "op@agency.example") in actions
    assert ("campaign.resume", "Coffee brands", "op@agency.example") in actions


def test_the_leads_table_pages_by_cursor_through_every_lead_once(operator):
    seen, scores, path = [], [], "/cam/leads?sort=score_low"
    while path:
        page = operator.get(path.replace("&amp;", "&")).text
        seen += emails(page)
        scores += [int(score) for score in re.findall(r'<td class="num">(\d+) <span class="grade', page)]
        following = re.search(r'href="([^"]+)"[^>]*id="next-page"', page)
        path = following.group(1) if following else None

    assert len(seen) == len(set(seen)) == LEADS and scores == sorted(scores) and scores[0] < scores[-1]


def test_filters_narrow_the_table_and_are_kept_by_the_next_page_link(operator):
    by_text = operator.get("/cam/leads", params={"q": "BEAN.example", "sort": "score_high"}).text
    scored = operator.get("/cam/leads", params={"min_score": "50", "max_score": "100"}).text
    by_stage = operator.get("/cam/leads", params={"stage": "replied"}).text

    assert "50 leads found here, more on the other pages" in by_text and all("@bean." in a for a in emails(by_text))
    assert "q=BEAN.example&amp;sort=score_high&amp;cursor=" in by_text
    assert "Intern" not in scored and "leads match" in scored
    assert emails(by_stage) == ["lead005@bean.example"]


def test_htmx_gets_the_table_alone(operator):
    answer = operator.get(
        "/cam/leads", params={"q": "leaf"}, headers={"HX-Request": "true", "HX-Target": "leads-table"}
    )

    assert answer.status_code == 200 and "<html" not in answer.text and "50 leads found" in answer.text


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"min_score": "80", "max_score": "20"}, "max_score", "The highest score must not be below the lowest (80)"),
        ({"campaign": "No such"}, "campaign", "Pick one of the campaigns"),
    ],
)
def test_a_wrong_filter_is_named_beside_its_field(operator, params, field, message):
    answer = operator.get("/cam/leads", params=params)

    assert answer.status_code == 422
    assert re.search(rf'id="error-{field}" role="alert">{re.escape(message)}', answer.text)


def test_the_status_list_offers_any_status_once(operator):
    page = operator.get("/cam/leads").text

    assert len(re.findall(r'<option value=""[^>]*>Any status</option>', page)) == 1


def test_an_unknown_order_is_named_beside_the_order_list_with_the_known_ones_and_the_default_shown(operator):
    answer = operator.get("/cam/leads", params={"sort": "zzz"})

    assert answer.status_code == 422
    assert re.search(
        r'id="error-sort" role="alert">The order &#39;zzz&#39; is not known: use one of newest \(Newest first\), '
        r"oldest \(Oldest first\), score_high \(Score, high to low\), score_low \(Score, low to high\); "
        r"the list shows the default, Newest first<",
        answer.text,
    )


def test_a_parameter_the_table_does_not_read_is_named_with_the_ones_it_does(operator):
    answer = operator.get("/cam/leads", params={"order": "zzz", "stage": "new"})

    assert answer.status_code == 422
    assert (
        "Order is not a filter of this page: use campaign, stage, min_score, max_score, q, sort, cursor" in answer.text
    )
    assert 'href="/cam/leads?stage=new">Without it</a>' in answer.text


def test_a_cursor_not_made_by_a_page_is_refused_with_a_way_back(operator):
    answer = operator.get("/cam/leads", params={"cursor": "bm90IGEgY3Vyc29y"})

    assert answer.status_code == 422 and "Follow the Next link of a page" in answer.text and "First page" in answer.text


def test_text_from_leads_and_replies_shows_as_text(operator):
    leads = operator.get("/cam/leads", params={"q": "script"}).text
    replies = operator.get("/cam/replies").text

    assert "&lt;script&gt;alert(1)&lt;/script&gt; Ltd" in leads and "<script>alert" not in leads
    assert "&lt;img src=x onerror=alert(1)&gt;" in replies and "&lt;b&gt;now&lt;/b&gt;" in replies


@pytest.fixture
def own_app(tmp_path):
    """An app of its own, for a test that changes a lead: the shared one's tests count the leads
    that replied and wait for review. The app and its operator's client."""
    with cam_app(tmp_path) as app, signed_in_as(app, "op@agency.example") as operator:
        yield app, operator


def test_a_lead_page_shows_its_timeline_and_marking_it_won_empties_the_review_queue(own_app):
    app, operator = own_app
    [lead] = app.leads.leads(stage=LeadStage.REPLIED)
    page = operator.get(f"/cam/leads/{lead.lead_id}").text
    assert "reply classified positive" in page and "lead005@bean.example" in operator.get("/cam/replies").text

    won = operator.post(f"/cam/leads/{lead.lead_id}/won", data={"csrf": csrf_of(page), "note": "Signed on the call"})

    assert won.status_code == 303 and app.leads.lead(lead.lead_id).lead.stage == LeadStage.WON
    assert "Nothing waits for review" in operator.get("/cam/replies").text
    assert ("lead.won", lead.email) in [(entry.action, entry.target) for entry in app.audit.entries(10)]


def test_a_meeting_time_without_its_offset_is_named_beside_the_field(app, operator):
    lead = app.leads.leads(stage=LeadStage.NEW, limit=1)[0]
    page = operator.get(f"/cam/leads/{lead.lead_id}").text

    answer = operator.post(f"/cam/leads/{lead.lead_id}/meeting", data={"csrf": csrf_of(page), "at": "tomorrow"})

    assert answer.status_code == 422 and "Write a date and time with its offset" in answer.text
    assert re.search(r'<input id="meeting-at" name="at"[^>]* value="tomorrow"', answer.text), "what was typed stays"
    assert app.leads.lead(lead.lead_id).lead.stage == LeadStage.NEW
    reopened = operator.get(f"/cam/leads/{lead.lead_id}/meeting")
    assert (reopened.status_code, reopened.headers["location"]) == (303, f"/cam/leads/{lead.lead_id}"), (
        "the address a refusal is shown at opens the lead's page, not a 405"
    )


def test_a_wrong_replies_list_is_named(operator):
    answer = operator.get("/cam/replies", params={"show": "spam"})

    assert answer.status_code == 422 and "Pick one of the lists above" in answer.text


def test_the_dashboard_draws_the_funnel_and_what_waits(operator):
    page = operator.get("/").text

    assert '<svg class="funnel"' in page and "Leads by stage: new 119" in page
    assert "0 runs waiting for approval" in page and "0 paused campaigns" in page
    assert '<a class="button" href="/runs/new" id="new-run">New run</a>' in page


def test_a_reviewer_may_not_open_client_acquisition(app):
    with signed_in_as(app, "rev@client.example") as reviewer:
        pages = [reviewer.get(path).status_code for path in ("/cam", "/cam/leads", "/cam/replies")]
        token = csrf_of(reviewer.get("/").text)
        pause = reviewer.post(f"/cam/campaigns/{campaign_id(app, 'Coffee brands')}/pause", data={"csrf": token})
        dashboard = reviewer.get("/").text

    assert pages == [403, 403, 403] and pause.status_code == 403 and not app.campaigns.get("Coffee brands").paused
    assert '<svg class="funnel"' not in dashboard and 'href="/cam"' not in dashboard
    assert 'href="/runs/new"' not in dashboard
