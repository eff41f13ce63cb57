"""The REST API over HTTP, against `aicmo serve` on a loopback port: tokens, roles, runs
started from YAML and JSON, pages of runs, decisions, QC waivers, packages, problem details
and the audit log."""

import email.message
import json
import re
import time
from dataclasses import dataclass

import httpx2 as httpx
import pytest
import yaml

from aicmo.accounts.api import Actor, Channel, Role
from aicmo.orchestration.api import RunOptions, RunState
from aicmo.orchestration.composition import bootstrap
from aicmo.platform.settings import Settings
from aicmo.production.api import PackId
from tests.briefs import example
from tests.conftest import EXAMPLE_BRIEF
from tests.fakes import FakeWriter

from .cli import aicmo, env_for
from .serve import aicmo_serve

pytestmark = pytest.mark.e2e
PASSWORD = "correct horse battery"
BY = Actor(who="test", channel=Channel.CLI)
USERS = {
    "admin": ("admin@agency.example", Role.ADMIN, None),
    "operator": ("op@agency.example", Role.OPERATOR, None),
    "other reviewer": ("rev@other.example", Role.REVIEWER, "Another Brand"),
    "own reviewer": ("rev@northwind.example", Role.REVIEWER, "Northwind Roasters"),
}
PROBLEM = "application/problem+json"


@dataclass(frozen=True)
class Server:
    base: str
    settings: Settings
    tokens: dict[str, str]
    revoked: str
    flawed: str
    """A run whose QC found flaws, waiting for a decision."""

    def call(self, method: str, path: str, who: str | None = "operator", **options) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.tokens[who]}"} if who else {}
        return httpx.request(
            method,
            f"{self.base}/api/v1{path}",
            headers={**headers, **options.pop("headers", {})},
            timeout=300,
            **options,
        )

    def audit(self, action: str, target: str):
        with bootstrap(self.settings, launch_durable=False) as app:
            return [e for e in app.audit.entries(500) if e.action == action and e.target == target]

    def wait_until_waiting(self, run_id: str) -> dict:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            run = self.call("GET", f"/runs/{run_id}").json()["run"]
            if run["state"] != RunState.RUNNING:
                return run
            time.sleep(0.2)
        raise AssertionError(f"run {run_id} still running")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("api") / "home"
    settings = Settings(home=home)
    with bootstrap(settings, launch_durable=False) as app:
        for email, role, client in USERS.values():
            app.accounts.create_user(email, role, PASSWORD, BY, client=client)
        tokens = {who: app.accounts.create_token(email, "tests", BY).secret for who, (email, _, _) in USERS.items()}
        revoked = app.accounts.create_token("op@agency.example", "old script", BY)
        app.accounts.revoke_token(revoked.token.prefix, BY)
    with bootstrap(settings, writer=FakeWriter(fixed_by_revision=False)) as app:
        flawed = app.workflows.start_client_to_delivery(
            example("northwind"), "northwind.yaml", home / "deliveries", RunOptions(hold_on_fail=True)
        )
        assert app.workflows.wait(flawed, timeout_seconds=240).state == RunState.AWAITING_APPROVAL
    with aicmo_serve(settings, home.parent / "serve.log") as base:
        yield Server(base, settings, tokens, revoked.secret, str(flawed))


@pytest.fixture(scope="module")
def started(server):
    """Two runs started through the API, from YAML and from JSON, once they wait for approval."""
    as_yaml = server.call(
        "POST", "/runs", content=EXAMPLE_BRIEF.read_bytes(), headers={"Content-Type": "application/yaml"}
    )
    document = yaml.safe_load(EXAMPLE_BRIEF.read_text(encoding="utf-8"))
    as_json = server.call(
        "POST", "/runs", content=json.dumps(document, default=str), headers={"Content-Type": "application/json"}
    )
    assert (as_yaml.status_code, as_json.status_code) == (202, 202), (as_yaml.text, as_json.text)
    assert as_yaml.headers["location"] == f"/api/v1/runs/{as_yaml.json()['run_id']}"
    return {
        kind: server.wait_until_waiting(answer.json()["run_id"])
        for kind, answer in (("yaml", as_yaml), ("json", as_json))
    }


def pages_of(server: Server, path: str, key: str, **params) -> list[list[dict]]:
    """Every page of a list, following `next_cursor` until the last page."""
    pages, cursor = [], None
    while True:
        answer = server.call("GET", path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert answer.status_code == 200, answer.text
        pages.append(answer.json()[key])
        if (cursor := answer.json()["next_cursor"]) is None:
            return pages


def campaign_with_leads(server: Server, name: str, leads: dict[str, str]) -> None:
    """A campaign made by the command line, its leads (address → company) imported through the API."""
    created = aicmo("cam", "campaign", "create", name, env=env_for(server.settings))
    assert created.returncode == 0, created.stderr
    rows = "email,company\r\n" + "".join(f"{address},{company}\r\n" for address, company in leads.items())
    imported = server.call(
        "POST", f"/cam/campaigns/{name}/leads", content=rows.encode(), headers={"Content-Type": "text/csv"}
    )
    assert imported.status_code == 200 and imported.json()["accepted"] == len(leads), imported.text


def test_runs_started_from_yaml_and_json_wait_for_approval_and_the_start_is_audited(server, started):
    assert {run["state"] for run in started.values()} == {RunState.AWAITING_APPROVAL}
    assert {run["client_name"] for run in started.values()} == {"Northwind Roasters"}
    [entry] = server.audit("run.create", started["json"]["run_id"])
    assert (entry.channel, entry.actor, entry.address, entry.detail) == (
        Channel.API,
        "op@agency.example",
        "127.0.0.1",
        "Northwind Roasters",
    )


def test_a_wrong_brief_is_refused_as_problem_details_naming_each_field_as_aicmo_run_does(server, tmp_path):
    document = yaml.safe_load(EXAMPLE_BRIEF.read_text(encoding="utf-8"))
    del document["brand"]["name"]
    document["goal"]["objective"] = "fame"
    brief = tmp_path / "brief.yaml"
    brief.write_text(yaml.safe_dump(document), encoding="utf-8")

    refused = server.call("POST", "/runs", content=brief.read_bytes(), headers={"Content-Type": "application/yaml"})
    command_line = aicmo("run", str(brief), env=env_for(server.settings))

    assert refused.status_code == 422 and refused.headers["content-type"] == PROBLEM
    problem = refused.json()
    assert (problem["type"], problem["title"], problem["status"], problem["instance"]) == (
        "urn:aicmo:problem:invalid-input",
        "Invalid input",
        422,
        "/api/v1/runs",
    )
    assert {e["field"] for e in problem["errors"]} >= {"brand.name", "goal.objective"}
    assert [f"  - {e['field']}: {e['message']}" for e in problem["errors"]] == [
        line for line in command_line.stderr.splitlines() if line.startswith("  - ")
    ]


def test_a_body_of_the_wrong_type_or_too_large_is_refused_before_it_is_read(server):
    wrong_type = server.call("POST", "/runs", content=b"brand: x", headers={"Content-Type": "text/plain"})
    too_large = server.call(
        "POST", "/runs", content=b"#" * (1024 * 1024 + 1), headers={"Content-Type": "application/yaml"}
    )

    assert (wrong_type.status_code, too_large.status_code) == (415, 413)
    assert (
        wrong_type.json()["errors"][0]["field"] == "Content-Type" and too_large.json()["errors"][0]["field"] == "body"
    )


def test_runs_are_listed_a_page_at_a_time_with_filters(server, started):
    seen = [run["run_id"] for page in pages_of(server, "/runs", "runs", limit=1) for run in page]
    delivered = server.call("GET", "/runs", params={"state": "DELIVERED", "client": "Another Brand"}).json()
    wrong = server.call("GET", "/runs", params={"cursor": "forged", "limit": 500})

    assert len(seen) == len(set(seen)) == 3 and {
        started["yaml"]["run_id"],
        started["json"]["run_id"],
        server.flawed,
    } == set(seen)
    assert delivered == {"runs": [], "next_cursor": None}
    assert wrong.status_code == 422 and {e["field"] for e in wrong.json()["errors"]} == {"limit"}


def test_approving_delivers_the_run_and_its_package_downloads_as_a_zip(server, started):
    run_id = started["yaml"]["run_id"]

    approved = server.call("POST", f"/runs/{run_id[:8]}/approve", json={"comment": "Lovely."})
    again = server.call("POST", f"/runs/{run_id}/approve")
    package = server.call("GET", f"/packages/{approved.json()['package_id']}/zip")

    assert approved.status_code == 200 and approved.json()["state"] == RunState.DELIVERED
    assert (
        again.status_code == 409
        and again.headers["content-type"] == PROBLEM
        and "not waiting for approval" in again.json()["detail"]
    )
    assert (
        package.status_code == 200
        and package.headers["content-type"] == "application/zip"
        and package.content.startswith(b"PK")
        and package.headers["content-disposition"]
        == f'attachment; filename="northwind-roasters-{run_id[:8]}-package.zip"'
    )
    [entry] = server.audit("run.approve", run_id)
    assert (entry.channel, entry.address, entry.detail) == (Channel.API, "127.0.0.1", "Lovely.")
    [download] = server.audit("package.download", run_id)
    assert download.detail.endswith(f" (package {approved.json()['package_id'][:8]})")


def test_requesting_changes_needs_a_comment_and_sends_the_run_back(server, started):
    run_id = started["json"]["run_id"]

    blank = server.call("POST", f"/runs/{run_id}/reject", json={"comment": "  "})
    broken = server.call(
        "POST", f"/runs/{run_id}/reject", content=b'{"comment": ', headers={"Content-Type": "application/json"}
    )
    unknown_item = server.call("POST", f"/runs/{run_id}/reject", json={"comment": "Warmer.", "items": ["ffffffff"]})
    too_long = server.call("POST", f"/runs/{run_id}/reject", json={"comment": "x" * 20_000})
    too_long_approval = server.call("POST", f"/runs/{run_id}/approve", json={"comment": "x" * 2001})
    sent_back = server.call("POST", f"/runs/{run_id}/reject", json={"comment": "Warmer, please."})

    assert blank.status_code == 422 and blank.json()["errors"] == [
        {"field": "comment", "message": "say what to change, e.g. 'warmer tone, no prices'"}
    ]
    assert unknown_item.status_code == 422 and unknown_item.json()["errors"][0]["field"] == "items"
    assert too_long.status_code == too_long_approval.status_code == 422
    assert too_long.json()["errors"] == [
        {"field": "comment", "message": "Keep it to 2,000 characters: this one has 20,000."}
    ]
    assert too_long_approval.json()["errors"][0]["field"] == "comment"
    assert broken.status_code == 422 and [e["field"] for e in broken.json()["errors"]] == ["body"]
    assert sent_back.status_code == 200 and sent_back.json()["state"] == RunState.AWAITING_APPROVAL
    assert [e.detail for e in server.audit("run.request-changes", run_id)] == ["Warmer, please."]


def test_approving_a_run_with_open_blockers_is_409_and_changes_nothing(server):
    before = server.call("GET", f"/runs/{server.flawed}").json()

    refused = server.call("POST", f"/runs/{server.flawed}/approve", json={"comment": "Ship it"})

    assert refused.status_code == 409 and refused.headers["content-type"] == PROBLEM
    assert "blocker" in refused.json()["detail"] and "waive each with a reason" in refused.json()["detail"]
    assert server.call("GET", f"/runs/{server.flawed}").json() == before
    assert server.audit("run.approve", server.flawed) == []


def test_a_finding_is_waived_with_a_reason_by_the_agency_not_by_a_reviewer(server):
    report = server.call("GET", f"/runs/{server.flawed}/qc").json()
    finding = next(f for f in report["findings"] if not f["waived"])["finding_id"]

    no_reason = server.call("POST", f"/runs/{server.flawed}/findings/{finding[:8]}/waive", json={"reason": " "})
    by_reviewer = server.call(
        "POST", f"/runs/{server.flawed}/findings/{finding}/waive", who="own reviewer", json={"reason": "Fine."}
    )
    too_long = server.call("POST", f"/runs/{server.flawed}/findings/{finding}/waive", json={"reason": "x" * 5000})
    waived = server.call(
        "POST", f"/runs/{server.flawed}/findings/{finding[:8]}/waive", json={"reason": "The client backs this claim."}
    )
    again = server.call("POST", f"/runs/{server.flawed}/findings/{finding}/waive", json={"reason": "again"})
    after = server.call("GET", f"/runs/{server.flawed}/qc").json()

    assert no_reason.status_code == 422 and no_reason.json()["errors"][0]["field"] == "reason"
    assert by_reviewer.status_code == 403
    assert too_long.status_code == 422 and too_long.json()["errors"][0]["field"] == "reason"
    assert again.status_code == 409 and re.fullmatch(
        r"this finding was already waived by op@agency\.example on \d{1,2} \w{3} \d{4}: The client backs this claim\.",
        again.json()["detail"],
    )
    assert after == waived.json()
    mine = next(f for f in waived.json()["findings"] if f["finding_id"] == finding)
    assert (mine["waived"], mine["waived_by"], mine["waiver_reason"]) == (
        True,
        "op@agency.example",
        "The client backs this claim.",
    )
    [entry] = server.audit("finding.waive", after["run_id"])
    assert entry.channel == Channel.API and entry.detail.startswith(
        f"The client backs this claim. (finding {finding[:8]}: "
    )


def test_without_a_working_token_every_call_is_401(server):
    answers = {
        "none": server.call("GET", "/runs", who=None),
        "revoked": server.call("GET", "/runs", who=None, headers={"Authorization": f"Bearer {server.revoked}"}),
        "made up": server.call("GET", "/runs", who=None, headers={"Authorization": "Bearer aicmo_00000000_nothing"}),
        "start": server.call("POST", "/runs", who=None, json={}),
    }

    assert {name: answer.status_code for name, answer in answers.items()} == dict.fromkeys(answers, 401)
    assert all(
        answer.headers["content-type"] == PROBLEM and answer.headers["www-authenticate"].startswith("Bearer")
        for answer in answers.values()
    )
    assert "revoked" in answers["revoked"].json()["detail"]


def test_a_reviewer_of_another_client_gets_403_and_changes_nothing(server, started):
    run_id = server.flawed

    answers = {
        "show": server.call("GET", f"/runs/{run_id}", who="other reviewer"),
        "approve": server.call("POST", f"/runs/{run_id}/approve", who="other reviewer"),
        "list theirs": server.call("GET", "/runs", who="other reviewer", params={"client": "Northwind Roasters"}),
        "start": server.call("POST", "/runs", who="other reviewer", json={}),
        "events": server.call("GET", "/events", who="other reviewer"),
    }
    listed = server.call("GET", "/runs", who="other reviewer").json()
    own = server.call("GET", f"/runs/{run_id}", who="own reviewer")

    assert {name: answer.status_code for name, answer in answers.items()} == dict.fromkeys(answers, 403)
    assert listed["runs"] == [] and own.status_code == 200
    assert server.call("GET", f"/runs/{run_id}").json()["run"]["state"] == RunState.AWAITING_APPROVAL


def test_an_unknown_run_or_address_is_404_as_problem_details(server):
    run = server.call("GET", "/runs/0000dead")
    address = server.call("GET", "/nothing")

    assert (run.status_code, address.status_code) == (404, 404)
    assert run.headers["content-type"] == address.headers["content-type"] == PROBLEM
    assert "0000dead" in run.json()["detail"]
    assert "/api/docs, for an admin signed in to the console" in address.json()["detail"]


def sign_in(client: httpx.Client, email: str) -> None:
    page = client.get("/login").text
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    assert (
        client.post("/login", data={"email": email, "password": PASSWORD, "csrf": token, "next": "/"}).status_code
        == 303
    )


def test_the_api_documentation_is_for_signed_in_admins_only(server):
    with httpx.Client(base_url=server.base) as anonymous:
        hidden = anonymous.get("/api/docs"), anonymous.get("/api/openapi.json")
    with httpx.Client(base_url=server.base) as operator:
        sign_in(operator, "op@agency.example")
        refused = operator.get("/api/docs"), operator.get("/api/openapi.json")
    with httpx.Client(base_url=server.base) as admin:
        sign_in(admin, "admin@agency.example")
        page, document = admin.get("/api/docs"), admin.get("/api/openapi.json").json()

    assert [a.status_code for a in hidden] == [404, 404] and [a.status_code for a in refused] == [403, 403]
    assert page.status_code == 200 and "POST /api/v1/runs/{run}/approve" in page.text and "<script>" not in page.text
    assert "A reviewer sees only its client's runs, without their server paths." in " ".join(
        document["paths"]["/runs"]["get"]["description"].split()
    )
    assert document["servers"] == [{"url": "/api/v1"}] and "/runs/{run}/findings/{finding}/waive" in document["paths"]
    assert document["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_leads_are_imported_from_a_csv_upload_and_read_back_by_the_agency_only(server):
    created = aicmo("cam", "campaign", "create", "Spring", env=env_for(server.settings))
    assert created.returncode == 0, created.stderr
    rows = (
        b"email,first_name,company\r\njane@acme.io,Jane,Acme\r\nnot-an-address,Bob,Bobco\r\njane@acme.io,Jane,Acme\r\n"
    )

    imported = server.call("POST", "/cam/campaigns/Spring/leads", content=rows, headers={"Content-Type": "text/csv"})
    wrong_type = server.call(
        "POST", "/cam/campaigns/Spring/leads", content=rows, headers={"Content-Type": "application/json"}
    )
    unknown = server.call("POST", "/cam/campaigns/Autumn/leads", content=rows, headers={"Content-Type": "text/csv"})
    page = server.call("GET", "/cam/leads", params={"campaign": "Spring", "stage": "NEW"}).json()
    lead = server.call("GET", f"/cam/leads/{page['leads'][0]['lead_id'][:8]}")
    by_reviewer = server.call("GET", "/cam/leads", who="own reviewer")

    assert imported.status_code == 200, imported.text
    assert {k: imported.json()[k] for k in ("read", "accepted", "duplicates", "rejected")} == {
        "read": 3,
        "accepted": 1,
        "duplicates": 1,
        "rejected": 1,
    }
    assert wrong_type.status_code == 415 and unknown.status_code == 404
    assert [lead["email"] for lead in page["leads"]] == ["jane@acme.io"] and lead.status_code == 200
    assert (page["next_cursor"], page["matching"]) == (None, 1)
    assert by_reviewer.status_code == 403
    assert [c["name"] for c in server.call("GET", "/cam/campaigns").json()] == ["Spring"]
    assert server.call("GET", "/cam/replies", params={"needs_review": True}).json() == {
        "replies": [],
        "next_cursor": None,
    }
    [entry] = server.audit("leads.import", "Spring")
    assert (entry.channel, entry.detail) == (Channel.API, "read 3: accepted 1, rejected 1")


def test_a_campaign_is_named_by_the_id_the_api_gives_as_well_as_by_its_name(server):
    created = aicmo("cam", "campaign", "create", "Summer", env=env_for(server.settings))
    assert created.returncode == 0, created.stderr
    [summer] = [c for c in server.call("GET", "/cam/campaigns").json() if c["name"] == "Summer"]
    rows = b"email,company\r\nkim@north.io,North\r\nlee@south.io,South\r\n"

    by_id = server.call(
        "POST", f"/cam/campaigns/{summer['campaign_id']}/leads", content=rows, headers={"Content-Type": "text/csv"}
    )
    listed = server.call("GET", "/cam/leads", params={"campaign": summer["campaign_id"]}).json()
    missing = server.call(
        "POST",
        "/cam/campaigns/0c42fb8c-0000-4000-8000-000000000000/leads",
        content=rows,
        headers={"Content-Type": "text/csv"},
    )

    assert by_id.status_code == 200 and by_id.json()["accepted"] == 2, by_id.text
    assert sorted(lead["email"] for lead in listed["leads"]) == ["kim@north.io", "lee@south.io"]
    assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
    assert "create" not in missing.text and "GET /api/v1/cam/campaigns" in missing.text
    [entry] = server.audit("leads.import", "Summer")
    assert entry.detail == "read 2: accepted 2, rejected 0"


def test_leads_come_a_page_at_a_time_with_a_cursor_and_the_tables_filters(server):
    campaign_with_leads(server, "Paging", {f"lead{n}@firm{n}.io": f"Firm {n}" for n in range(7)})

    pages = pages_of(server, "/cam/leads", "leads", campaign="Paging", limit=3)
    first = server.call("GET", "/cam/leads", params={"campaign": "Paging", "limit": 3}).json()
    found = server.call("GET", "/cam/leads", params={"campaign": "Paging", "text": "FIRM 3"}).json()

    seen = [lead["email"] for page in pages for lead in page]
    assert len(pages) == 3 and sorted(seen) == sorted(f"lead{n}@firm{n}.io" for n in range(7))
    assert first["matching"] == 7
    assert [lead["email"] for lead in found["leads"]] == ["lead3@firm3.io"] and found["matching"] is None


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"stage": "ASLEEP"}, "stage"),
        ({"min_score": 101}, "min_score"),
        ({"min_score": 60, "max_score": 40}, "max_score"),
        ({"sort": "random"}, "sort"),
        ({"limit": 0}, "limit"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"grade": "A"}, "grade"),
        ({"campaign": "Nowhere"}, "campaign"),
    ],
)
def test_a_wrong_lead_filter_is_refused_naming_the_field(server, params, field):
    refused = server.call("GET", "/cam/leads", params=params)

    assert refused.status_code == 422 and refused.headers["content-type"] == PROBLEM, refused.text
    assert [error["field"] for error in refused.json()["errors"]] == [field]


def test_a_reviewer_reads_its_clients_runs_and_packages_without_server_paths_or_agency_files_and_the_agency_with_them(
    server,
):
    started = server.call(
        "POST",
        "/runs?auto_approve=true",
        content=EXAMPLE_BRIEF.read_bytes(),
        headers={"Content-Type": "application/yaml"},
    )
    run = server.wait_until_waiting(started.json()["run_id"])
    assert run["state"] == RunState.DELIVERED, run

    as_agency = {
        "run": server.call("GET", f"/runs/{run['run_id']}").json()["run"],
        "package": server.call("GET", f"/packages/{run['package_id']}").json(),
    }
    as_reviewer = {
        "run": server.call("GET", f"/runs/{run['run_id']}", who="own reviewer").json()["run"],
        "listed": server.call("GET", "/runs?limit=200", who="own reviewer").json()["runs"],
        "package": server.call("GET", f"/packages/{run['package_id']}", who="own reviewer").json(),
    }

    home = str(server.settings.home)
    assert as_agency["run"]["folder"].startswith(home) and as_agency["package"]["folder"].startswith(home)
    assert all(a["path"].startswith(home) for a in as_agency["package"]["artifacts"])
    assert as_reviewer["run"]["folder"] == "" and all(r["folder"] == "" for r in as_reviewer["listed"])
    assert as_reviewer["package"]["folder"] == "" and as_reviewer["package"]["artifacts"]
    assert all(a["path"] == "" and a["name"] for a in as_reviewer["package"]["artifacts"])
    agency_files = {a["name"] for a in as_agency["package"]["artifacts"] if a["for_the_agency"]}
    assert agency_files == {"qc-report.md", "manifest.json"}
    assert not agency_files & {a["name"] for a in as_reviewer["package"]["artifacts"]}, (
        "QC scores, writers and lineage stay with the agency"
    )
    assert home not in json.dumps(as_reviewer), "no server path reaches a client's reviewer"


def test_a_body_with_a_field_the_api_does_not_read_is_refused_naming_it_and_changes_nothing(server):
    before = server.call("GET", f"/runs/{server.flawed}").json()
    report = server.call("GET", f"/runs/{server.flawed}/qc").json()
    finding = next(f for f in report["findings"] if not f["waived"])["finding_id"]

    answers = {
        "approve": server.call("POST", f"/runs/{server.flawed}/approve", json={"comment": "ok", "bogus": 1}),
        "reject": server.call("POST", f"/runs/{server.flawed}/reject", json={"comment": "Warmer.", "bogus": 1}),
        "waive": server.call(
            "POST", f"/runs/{server.flawed}/findings/{finding}/waive", json={"reason": "Fine.", "bogus": 1}
        ),
    }

    assert {name: answer.status_code for name, answer in answers.items()} == dict.fromkeys(answers, 422)
    assert all(
        answer.json()["errors"] == [{"field": "bogus", "message": "is not a field this request reads: leave it out"}]
        for answer in answers.values()
    )
    assert server.call("GET", f"/runs/{server.flawed}").json() == before
    assert server.call("GET", f"/runs/{server.flawed}/qc").json() == report


def test_a_json_body_of_another_content_type_is_refused_as_a_brief_of_one_is(server):
    report = server.call("GET", f"/runs/{server.flawed}/qc").json()
    finding = report["findings"][0]["finding_id"]
    plain = {"headers": {"Content-Type": "text/plain"}}
    brief = server.call("POST", "/runs", content=b"brand: x", **plain)

    answers = [
        server.call("POST", f"/runs/{server.flawed}/approve", content=b'{"comment": "ok"}', **plain),
        server.call("POST", f"/runs/{server.flawed}/reject", content=b'{"comment": "Warmer."}', **plain),
        server.call("POST", f"/runs/{server.flawed}/findings/{finding}/waive", content=b'{"reason": "Fine."}', **plain),
    ]

    assert [answer.status_code for answer in answers] == [415, 415, 415]
    assert all(
        answer.headers["content-type"] == PROBLEM
        and answer.json()["type"] == brief.json()["type"]
        and [e["field"] for e in answer.json()["errors"]] == ["Content-Type"]
        and "application/json" in answer.json()["errors"][0]["message"]
        for answer in answers
    )
    assert server.call("GET", f"/runs/{server.flawed}/qc").json() == report


def test_the_qc_report_carries_the_runs_id_and_names_each_findings_item_as_the_console_does(server):
    run = server.call("GET", f"/runs/{server.flawed}").json()["run"]

    report = server.call("GET", f"/runs/{server.flawed}/qc").json()

    with bootstrap(server.settings, launch_durable=False) as app:
        labels = {str(k): v for k, v in app.production.get_pack(PackId.parse(report["pack_id"])).item_labels().items()}
    assert (report["run_id"], report["qc_run_id"]) == (server.flawed, run["qc_run_id"])
    about_items = [f for f in report["findings"] if f["item_id"]]
    assert about_items and all(f["item_label"] == labels[f["item_id"]] for f in about_items)
    assert all(f["item_label"] is None for f in report["findings"] if not f["item_id"])


def test_replies_come_a_page_at_a_time_and_an_unknown_parameter_is_named(server, tmp_path):
    campaign_with_leads(server, "Replies", {f"buyer{n}@shop{n}.io": f"Shop {n}" for n in range(3)})
    for n in range(3):
        mime = email.message.EmailMessage()
        mime["From"], mime["To"], mime["Subject"] = f"buyer{n}@shop{n}.io", "aicmo@localhost", f"Re: hello {n}"
        mime["Message-ID"], mime["Date"] = f"<reply{n}@shop.test>", f"Mon, 0{n + 1} Jun 2026 10:00:00 +0000"
        mime.set_content("Not for us, thanks.")
        (tmp_path / f"reply{n}.eml").write_bytes(bytes(mime))
    with bootstrap(server.settings, launch_durable=False) as app:
        assert app.replies.ingest_folder(tmp_path).recorded == 3

    pages = pages_of(server, "/cam/replies", "replies", limit=1)
    unknown = server.call("GET", "/cam/replies", params={"grade": "A"})
    forged = server.call("GET", "/cam/replies", params={"cursor": "forged"})

    assert [[reply["email"] for reply in page] for page in pages] == [[f"buyer{n}@shop{n}.io"] for n in (2, 1, 0)]
    assert unknown.status_code == 422 and [e["field"] for e in unknown.json()["errors"]] == ["grade"]
    assert forged.status_code == 422 and [e["field"] for e in forged.json()["errors"]] == ["cursor"]


@pytest.fixture(scope="module")
def unreadable(server):
    created = aicmo("cam", "campaign", "create", "Unreadable", env=env_for(server.settings))
    assert created.returncode == 0, created.stderr
    return server, "Unreadable"


SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>\n'


@pytest.mark.parametrize(
    ("data", "field", "says"),
    [
        (b'email,company\r\na@x.io,Acme\r\nb@x.io,"Widgets\r\n', "line 3", "fix that line"),
        (b"email,company\r\na@x.io,Acme\r\nb@x.io,\xff\r\n", "line 3", "as UTF-8"),
        (b"", "line 1", "email,first_name,company"),
        (SVG, "email", "name the column of addresses 'email' on the first line"),
    ],
    ids=["quote never closed", "not UTF-8", "empty", "svg"],
)
def test_an_unreadable_csv_is_refused_naming_where_with_advice_for_an_api_caller(unreadable, data, field, says):
    server, name = unreadable

    refused = server.call("POST", f"/cam/campaigns/{name}/leads", content=data, headers={"Content-Type": "text/csv"})

    assert refused.status_code == 422 and refused.headers["content-type"] == PROBLEM
    [error] = refused.json()["errors"]
    assert error["field"] == field and says in error["message"] and "--map" not in refused.text
    assert server.call("GET", "/cam/leads", params={"campaign": name}).json()["leads"] == []
