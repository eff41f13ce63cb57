"""The unsubscribe link of an outreach email, served by `aicmo serve` over real HTTP."""

import email
import re
import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from email.message import Message

import pytest
from sqlalchemy import create_engine, text

from aicmo.cam.api import LeadStage, MessageVariant, NewCampaign, SequenceStep
from aicmo.orchestration.composition import bootstrap
from tests.e2e.cli import aicmo
from tests.e2e.serve import aicmo_serve

pytestmark = pytest.mark.e2e
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)")
"""A script in the page itself; the console's only script is the vendored HTMX file."""
STEPS = [
    SequenceStep(
        delay_days=0, variants=[MessageVariant(name="A", subject="Hello {{first_name}}", body="A short note.")]
    ),
    SequenceStep(delay_days=0, variants=[MessageVariant(name="A", subject="Following up", body="Another note.")]),
]


def request(url: str, method: str = "GET") -> tuple[int, str]:
    status, body, _ = exchange(url, method)
    return status, body


def exchange(url: str, method: str = "GET") -> tuple[int, str, Message]:
    data = b"List-Unsubscribe=One-Click" if method == "POST" else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, method=method), timeout=60) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


def links_of_a_first_step(app, settings, campaign: str, leads: bytes) -> dict[str, str]:
    """Import `leads` into a new campaign, simulate its first step, and return each recipient's unsubscribe link."""
    app.campaigns.create(NewCampaign(name=campaign, window_start="00:00", window_end="23:59:59"))
    app.leads.import_csv(campaign, leads, "leads.csv")
    app.outreach.set_sequence(campaign, STEPS[:1])
    app.outreach.run_cycle()
    sent = (email.message_from_bytes(p.read_bytes()) for p in (settings.home / "outbox").glob("*.eml"))
    return {m["To"]: m["List-Unsubscribe"].strip("<>") for m in sent}


@pytest.fixture
def server(settings, tmp_path):
    """`aicmo serve` at its most talkative (DEBUG), its log in tmp_path/serve.log."""
    with bootstrap(settings, launch_durable=False):
        pass
    with aicmo_serve(settings, tmp_path / "serve.log", AICMO_LOG_LEVEL="DEBUG") as base:
        yield base


def test_one_click_unsubscribe_suppresses_the_address_and_stops_the_sequence(settings, server):
    settings = settings.model_copy(update={"public_url": server})
    with bootstrap(settings, launch_durable=False) as app:
        app.campaigns.create(NewCampaign(name="Intro", window_start="00:00", window_end="23:59:59"))
        app.leads.import_csv("Intro", b"email,first name\r\njane@acme.io,Jane\r\nbo@x.io,Bo\r\n", "leads.csv")
        app.outreach.set_sequence("Intro", STEPS)
        app.outreach.run_cycle()
        sent = {
            m["To"]: m
            for m in (email.message_from_bytes(p.read_bytes()) for p in (settings.home / "outbox").glob("*.eml"))
        }
        link = sent["jane@acme.io"]["List-Unsubscribe"].strip("<>")

        page = request(link)
        forged = request(link[:-1] + ("0" if link[-1] != "0" else "1"), "POST")
        after_forged = {lead.email: lead.stage for lead in app.leads.leads()}
        done = request(link, "POST")
        again = request(link, "POST")
        followups = app.outreach.run_cycle()
        jane = next(lead for lead in app.leads.leads() if lead.email == "jane@acme.io")
        timeline = app.leads.lead(jane.lead_id).timeline

    assert link.startswith(f"{server}/unsubscribe/") and link in sent["jane@acme.io"].get_payload()
    assert page[0] == 200 and '<form method="post"' in page[1], "a GET only asks, since scanners open links"
    assert forged[0] == 400 and "not one of ours" in forged[1]
    assert after_forged["jane@acme.io"] == LeadStage.CONTACTED, "a forged link changes nothing"
    assert done[0] == 200 and "jane@acme.io will receive no more emails" in done[1]
    assert again[0] == 200, "a second click is harmless"
    assert jane.stage == LeadStage.LOST and [e.kind for e in timeline].count("unsubscribe") == 1
    assert followups.simulated == 1, "step 2 goes to bo only"


def test_serving_on_a_taken_port_says_so(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        refused = aicmo(
            "serve", "--port", str(taken.getsockname()[1]), env={"AICMO_HOME": str(tmp_path / "home")}, timeout=60
        )

    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "cannot listen on 127.0.0.1" in refused.stderr and "--port: pick a free port" in refused.stderr


def test_two_hundred_clicks_at_once_all_succeed_and_the_log_holds_no_address(settings, server, tmp_path):
    settings = settings.model_copy(update={"public_url": server})
    addresses = [f"reader{n}@acme{n}.io" for n in range(4)]
    with bootstrap(settings, launch_durable=False) as app:
        links = links_of_a_first_step(
            app, settings, "Intro", ("email\r\n" + "".join(f"{a}\r\n" for a in addresses)).encode()
        )
        with ThreadPoolExecutor(50) as pool:
            answers = list(pool.map(lambda link: request(link, "POST"), [links[a] for a in addresses] * 50))
        stages = {lead.email: lead.stage for lead in app.leads.leads()}
        events = [
            [e.kind for e in app.leads.lead(lead.lead_id).timeline].count("unsubscribe") for lead in app.leads.leads()
        ]

    assert [status for status, _ in answers] == [200] * 200, {status for status, _ in answers}
    assert stages == dict.fromkeys(addresses, LeadStage.LOST) and events == [1] * 4
    log = (tmp_path / "serve.log").read_text()
    assert not [a for a in addresses if a in log] and "@" not in log, log[-2000:]


def test_one_link_closes_every_lead_of_the_address_in_every_campaign(settings, server):
    settings = settings.model_copy(update={"public_url": server})
    with bootstrap(settings, launch_durable=False) as app:
        first = links_of_a_first_step(app, settings, "Spring", b"email\r\njane@acme.io\r\n")
        links_of_a_first_step(app, settings, "Autumn", b"email\r\n  Jane@Acme.io \r\n")
        done = request(first["jane@acme.io"], "POST")
        leads = app.leads.leads()

    assert done[0] == 200
    assert sorted((lead.email, lead.stage) for lead in leads) == [
        ("Jane@Acme.io", LeadStage.LOST),
        ("jane@acme.io", LeadStage.LOST),
    ], "stored trimmed, both closed"


def test_every_page_carries_the_security_headers_and_the_api_docs_are_hidden_without_a_session(settings, server):
    settings = settings.model_copy(update={"public_url": server})
    with bootstrap(settings, launch_durable=False) as app:
        link = links_of_a_first_step(app, settings, "Intro", b"email\r\njane@acme.io\r\n")["jane@acme.io"]
    pages = {
        "ask": exchange(link),
        "forged": exchange(link[:-2] + "00", "POST"),
        "done": exchange(link, "POST"),
        "health": exchange(f"{server}/healthz"),
        "missing": exchange(f"{server}/nothing-here"),
        "docs": exchange(f"{server}/docs"),
        "api docs": exchange(f"{server}/api/docs"),
        "openapi": exchange(f"{server}/api/openapi.json"),
        "redoc": exchange(f"{server}/redoc"),
    }

    assert {name: status for name, (status, _, _) in pages.items()} == {
        "ask": 200,
        "forged": 400,
        "done": 200,
        "health": 200,
        "missing": 404,
        "docs": 404,
        "api docs": 404,
        "openapi": 404,
        "redoc": 404,
    }
    for name, (_, body, headers) in pages.items():
        policy = headers["Content-Security-Policy"] or ""
        assert (
            "default-src 'none'" in policy and "frame-ancestors 'none'" in policy and "script-src 'self';" in policy
        ), name
        assert "unsafe-inline" not in policy and not INLINE_SCRIPT.search(body), name
        assert (headers["X-Content-Type-Options"], headers["Referrer-Policy"], headers["Cache-Control"]) == (
            "nosniff",
            "no-referrer",
            "no-store",
        ), name
    assert "style=" not in pages["ask"][1], "the page's only style is the stylesheet the policy names"


def test_a_failing_database_answers_a_plain_500_page_and_the_log_holds_no_address(settings, server, tmp_path):
    settings = settings.model_copy(update={"public_url": server})
    with bootstrap(settings, launch_durable=False) as app:
        link = links_of_a_first_step(app, settings, "Intro", b"email\r\njane@acme.io\r\n")["jane@acme.io"]
    # Break the suppression list from outside, so that the database's own message quotes the address.
    engine = create_engine(settings.resolved_database_url)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE cam_suppressions ADD CONSTRAINT refuse_all CHECK (value = '')"))
        else:
            connection.execute(
                text(
                    "CREATE TRIGGER refuse_all BEFORE INSERT ON cam_suppressions"
                    " BEGIN SELECT RAISE(ABORT, 'refused'); END"
                )
            )
    engine.dispose()

    status, body, headers = exchange(link, "POST")

    assert status == 500 and "Something went wrong" in body and "acme" not in body
    assert headers["Content-Security-Policy"] and headers["Cache-Control"] == "no-store"
    log = (tmp_path / "serve.log").read_text()
    assert "POST /unsubscribe… failed: IntegrityError" in log and "acme" not in log and "Traceback" not in log, log
