"""The audit log and a run's list of decisions over HTTP (FastAPI's TestClient on the real app,
database and workflows): an entry about a run leads to it, a waiver stays on its run's page
after an edit takes its finding away, and the log is filtered by action and by who a page at a
time, a wrong filter named beside its field."""

import html
import re
import uuid

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from aicmo.accounts.api import Actor, Channel, Role
from aicmo.operator.web.app import create_web_app
from aicmo.orchestration.composition import bootstrap
from aicmo.platform.settings import Settings
from aicmo.qc.api import QcRunId

from .held_runs import FLAW, flawed_writer, held_run
from .console_client import PASSWORD, csrf_of, sign_in

pytestmark = pytest.mark.e2e
CLI = Actor(who="test", channel=Channel.CLI)


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    """The app with an admin and an operator, a run held for a decision, and the console's client."""
    settings = Settings(home=tmp_path_factory.mktemp("console-audit") / "home")
    with bootstrap(settings, writer=flawed_writer()) as app:
        for email, role in (("admin@agency.example", Role.ADMIN), ("op@agency.example", Role.OPERATOR)):
            app.accounts.create_user(email, role, PASSWORD, CLI)
        with TestClient(create_web_app(app), follow_redirects=False) as browser:
            yield app, browser, held_run(app)


def actions_listed(page: str) -> list[str]:
    """The Action column of the audit table, top to bottom."""
    return re.findall(r'title="Only [^"]*"><code>([^<]+)</code>', page)


def test_a_waiver_is_kept_on_its_runs_page_after_an_edit_takes_its_finding_away(console):
    app, browser, waiting = console
    report = app.qc.get(QcRunId.parse(waiting.qc_run_id))
    post = next(i for i in app.production.get_pack(report.pack_id).items if FLAW in i.fields.get("body", ""))
    finding = next(f for f in report.findings if f.item_id == post.item_id)
    sign_in(browser, "op@agency.example")
    token = csrf_of(browser.get("/").text)
    run_path = f"/runs/{waiting.run_id}"

    waived = browser.post(f"{run_path}/findings/{finding.finding_id}/waive", data={"csrf": token, "reason": "Backed"})
    edited = browser.post(f"{run_path}/items/{post.item_id}/edit", data={"csrf": token, "fields.body": "Fresh beans."})
    page = browser.get(run_path).text

    assert waived.status_code == edited.status_code == 303
    latest = app.qc.get(QcRunId.parse(app.workflows.get_run(waiting.run_id).qc_run_id))
    assert finding.finding_id not in {f.finding_id for f in latest.findings}, "the edit took the finding away"
    history = page.split('id="history"', 1)[1].split("</section>", 1)[0]
    [line] = [li for li in history.split("<li>") if "waived a QC finding" in li]
    assert "op@agency.example" in line and str(escape(finding.message)) in line and "Backed" in line


def test_an_entry_about_a_run_leads_to_the_run_and_an_older_entry_still_shows(console):
    app, browser, waiting = console
    old_finding = str(uuid.uuid4())
    app.audit.record(CLI, "finding.waive", old_finding, "Kept from before")
    sign_in(browser, "admin@agency.example")
    short = app.workflows.short_ids([waiting.run_id])[waiting.run_id]

    page = browser.get("/audit?action=finding.waive").text

    rows = page.split("<tbody>", 1)[1].split("<tr>")[1:]
    about_the_run = [row for row in rows if f'href="/runs/{waiting.run_id}"' in row]
    assert about_the_run and all(f"<code>{short}</code></a> · Northwind Roasters" in row for row in about_the_run)
    [older] = [row for row in rows if old_finding in row]
    assert "Kept from before" in older and "/runs/" not in older


def test_the_log_is_filtered_by_action_and_by_who_a_page_at_a_time(console):
    app, browser, _ = console
    for n in range(120):
        who = f"visitor{n % 2}@agency.example"
        app.audit.record(Actor(who=who, channel=Channel.CONSOLE, address="127.0.0.1"), "session.login", who)
    sign_in(browser, "admin@agency.example")

    first = browser.get("/audit", params={"action": "session.", "who": "Visitor0@agency.example"})
    cursor = html.unescape(re.search(r'href="([^"]+)" id="next-page"', first.text).group(1))
    second = browser.get(cursor)
    everything = browser.get("/audit").text

    assert first.status_code == second.status_code == 200
    listed = actions_listed(first.text) + actions_listed(second.text)
    assert len(listed) == 60 and set(listed) == {"session.login"}, "the visitor signed in 60 times; no row twice"
    assert "visitor1@" not in first.text.split("<tbody>", 1)[1] + second.text.split("<tbody>", 1)[1]
    assert 'id="next-page"' not in second.text and "« First page" in second.text
    assert '<option value="session." selected>' in first.text and '<option value="user.create">' in everything
    assert len(actions_listed(everything)) == 50 and 'id="next-page"' in everything


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ({"action": "session.nap"}, 'id="error-action" role="alert">Pick one of the actions in the list'),
        ({"who": "x" * 321}, 'id="error-who" role="alert">Write at most 320 characters'),
        ({"cursor": "not-a-cursor"}, "Pass the previous page&#39;s next_cursor as it was"),
        ({"page": "2"}, "Page is not a filter of this page: use action, who, cursor"),
    ],
)
def test_a_wrong_filter_is_named_and_lists_nothing(console, query, said):
    _, browser, _ = console
    sign_in(browser, "admin@agency.example")

    refused = browser.get("/audit", params=query)

    assert refused.status_code == 422 and said in refused.text and "<tbody>" not in refused.text


def test_a_long_detail_is_cut_short_in_the_table_and_read_whole_on_demand(console):
    app, browser, _ = console
    said = "Calendar post 2 · Instagram: warmer, please. " * 10
    app.audit.record(CLI, "run.request-changes", str(uuid.uuid4()), said.strip())
    sign_in(browser, "admin@agency.example")

    page = browser.get("/audit", params={"action": "run.request-changes"}).text

    summary = re.search(r"<details><summary[^>]*>([^<]*)</summary>([^<]*)</details>", page)
    assert summary and len(summary.group(1)) <= 120 and summary.group(2) == str(escape(said.strip()))
