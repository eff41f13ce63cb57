"""The unsubscribe link of an outreach email, served by `aicmo serve` over real HTTP."""

import email
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from aicmo.cam.api import LeadStage, MessageVariant, NewCampaign, SequenceStep
from aicmo.orchestration.composition import bootstrap
from tests.e2e.cli import AICMO, aicmo, env_for
from tests.local_servers import free_port

pytestmark = pytest.mark.e2e
STEPS = [
    SequenceStep(delay_days=0, variants=[MessageVariant(name="A", subject="Hello {{first_name}}", body="A short note.")]),
    SequenceStep(delay_days=0, variants=[MessageVariant(name="A", subject="Following up", body="Another note.")]),
]


def request(url: str, method: str = "GET") -> tuple[int, str]:
    data = b"List-Unsubscribe=One-Click" if method == "POST" else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, method=method), timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def server(settings):
    port = free_port()
    env = env_for(settings, AICMO_PUBLIC_URL=f"http://127.0.0.1:{port}")
    with bootstrap(settings, launch_durable=False):
        pass
    process = subprocess.Popen([AICMO, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if request(f"{base}/health")[0] == 200:
                break
        except OSError:
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=30)


def test_one_click_unsubscribe_suppresses_the_address_and_stops_the_sequence(settings, server):
    settings = settings.model_copy(update={"public_url": server})
    with bootstrap(settings, launch_durable=False) as app:
        app.campaigns.create(NewCampaign(name="Intro", window_start="00:00", window_end="23:59:59"))
        app.leads.import_csv("Intro", b"email,first name\r\njane@acme.io,Jane\r\nbo@x.io,Bo\r\n", "leads.csv")
        app.outreach.set_sequence("Intro", STEPS)
        app.outreach.run_cycle()
        sent = {m["To"]: m for m in (email.message_from_bytes(p.read_bytes()) for p in (settings.home / "outbox").glob("*.eml"))}
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
        refused = aicmo("serve", "--port", str(taken.getsockname()[1]), env={"AICMO_HOME": str(tmp_path / "home")}, timeout=60)

    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "cannot listen on 127.0.0.1" in refused.stderr and "--port: pick a free port" in refused.stderr
