"""The console's run pages over HTTP (FastAPI's TestClient on the real app, database and
workflows): a run started from an uploaded brief or the form, an item edited and checked
again, a finding waived, the decision and its comment on the page, the delivered files;
each refused for the wrong role, without its CSRF token, or on bad input, changing nothing."""

import asyncio
import io
import re
import zipfile

import pytest
from fastapi.testclient import TestClient
from starlette.requests import Request

from aicmo.accounts.api import Actor, Channel, Role
from aicmo.operator.web.app import create_web_app
from aicmo.operator.web.console.brief_upload import UploadRefused, read_brief_upload
from aicmo.orchestration.api import RunOptions, RunState
from aicmo.orchestration.composition import bootstrap
from aicmo.platform.settings import Settings
from aicmo.qc.api import QcRunId, Severity
from tests.briefs import example
from tests.conftest import EXAMPLE_BRIEF

from .held_runs import FLAW, flawed_writer, held_run
from .console_client import PASSWORD, csrf_of, sign_in

pytestmark = pytest.mark.e2e
ADMIN = Actor(who="test", channel=Channel.CLI)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    settings = Settings(home=tmp_path_factory.mktemp("console-runs") / "home")
    with bootstrap(settings, writer=flawed_writer()) as application:
        application.accounts.create_user("op@agency.example", Role.OPERATOR, PASSWORD, ADMIN)
        application.accounts.create_user(
            "rev@northwind.example", Role.REVIEWER, PASSWORD, ADMIN, client="Northwind Roasters"
        )
        application.accounts.create_user("rev@other.example", Role.REVIEWER, PASSWORD, ADMIN, client="Another Brand")
        yield application


@pytest.fixture(scope="module")
def waiting(app):
    return held_run(app)


@pytest.fixture
def browser(app):
    with TestClient(create_web_app(app), follow_redirects=False) as client:
        yield client


def flawed_post(app, run):
    """The first social post whose body QC faults, and its findings."""
    report = app.qc.get(QcRunId.parse(app.workflows.get_run(run.run_id).qc_run_id))
    pack = app.production.get_pack(report.pack_id)
    post = next(item for item in pack.items if item.kind == "social_post" and FLAW in item.fields["body"])
    return post, [f for f in report.findings if f.item_id == post.item_id]


def open_blockers(app, run):
    report = app.qc.get(QcRunId.parse(app.workflows.get_run(run.run_id).qc_run_id))
    return [f for f in report.findings if f.severity == Severity.BLOCKER and not f.waived]


def pack_of(app, run):
    return app.production.get_pack(app.qc.get(QcRunId.parse(app.workflows.get_run(run.run_id).qc_run_id)).pack_id)


def upload(browser, name: str, data: bytes, token: str):
    return browser.post(
        "/runs/new/upload",
        data={"csrf": token, "hold_on_fail": "on"},
        files={"brief": (name, data, "application/yaml")},
    )


def test_an_operator_uploads_a_brief_edits_a_post_waives_a_finding_approves_and_downloads_the_package_as_decided(
    app, browser
):
    sign_in(browser, "op@agency.example")
    token = csrf_of(browser.get("/runs/new").text)

    started = upload(browser, "northwind.yaml", EXAMPLE_BRIEF.read_bytes(), token)
    run = app.workflows.wait(app.workflows.resolve(started.headers["location"].rsplit("/", 1)[-1]), timeout_seconds=240)
    post, findings = flawed_post(app, run)
    edit_form = browser.get(f"/runs/{run.run_id}/items/{post.item_id}/edit")
    edited = browser.post(
        f"/runs/{run.run_id}/items/{post.item_id}/edit",
        data={"csrf": token, "fields.body": "Roasted on Monday, at your door on Wednesday.\r\nTaste the difference."},
    )
    page = browser.get(edited.headers["location"])
    other_post, [other_finding, *_] = flawed_post(app, run)
    waived = browser.post(
        f"/runs/{run.run_id}/findings/{other_finding.finding_id}/waive",
        data={"csrf": token, "reason": "Client has the data"},
    )
    refused = browser.post(f"/runs/{run.run_id}/approve", data={"csrf": token, "comment": "Ship it, <b>team</b>"})
    for finding in open_blockers(app, run):
        browser.post(
            f"/runs/{run.run_id}/findings/{finding.finding_id}/waive",
            data={"csrf": token, "reason": "Client accepts it"},
        )
    approved = browser.post(f"/runs/{run.run_id}/approve", data={"csrf": token, "comment": "Ship it, <b>team</b>"})
    delivered = browser.get(f"/runs/{run.run_id}")
    archive = browser.get(f"/runs/{run.run_id}/files/package.zip")
    late_edit = browser.post(f"/runs/{run.run_id}/items/{post.item_id}/edit", data={"csrf": token, "fields.body": "x"})

    assert started.status_code == 303 and run.state == RunState.AWAITING_APPROVAL
    assert edit_form.status_code == 200 and FLAW in edit_form.text and findings
    assert edited.status_code == 303 and f"edited={post.item_id}" in edited.headers["location"]
    assert "Your wording is saved. QC checked this item again" in page.text and "edited by the agency" in page.text
    assert "· not passed: " in page.text and "open — waive each with a reason or edit the items" in page.text, (
        "the pack's verdict says an open blocker fails it whatever its score"
    )
    [after] = [i for i in pack_of(app, run).items if i.item_id == post.item_id]
    assert after.fields["body"] == "Roasted on Monday, at your door on Wednesday.\nTaste the difference."
    assert after.revision == post.revision + 1 and after.writer == "operator"
    assert refused.status_code == 409 and "blockers open — waive each with a reason or edit the items" in refused.text
    assert approved.status_code == 303 and app.workflows.get_run(run.run_id).state == RunState.DELIVERED
    assert "approved: <q>Ship it, &lt;b&gt;team&lt;/b&gt;</q>" in delivered.text
    history = delivered.text.split('id="history"', 1)[1]
    assert history.index("started the run") < history.index("</b> edited") < history.index("approved: <q>"), (
        "the numbered history reads in the order things happened"
    )
    assert 'href="/runs/' + str(run.run_id) + '/files/plan.pdf"' in delivered.text
    assert archive.status_code == 200 and archive.headers["content-type"] == "application/zip"
    assert archive.headers["content-disposition"] == (
        f'attachment; filename="northwind-roasters-{str(run.run_id)[:8]}-package.zip"'
    ), "files of different clients and runs do not collide in a downloads folder"
    with zipfile.ZipFile(io.BytesIO(archive.content)) as package:
        plan = next(package.read(name) for name in package.namelist() if name.endswith("plan.md")).decode()
    assert "Roasted on Monday, at your door on Wednesday." in plan
    report = browser.get(f"/runs/{run.run_id}/files/qc-report.md").text
    assert waived.status_code == 303 and "waived by op@agency.example: Client has the data" in report
    assert late_edit.status_code == 409
    actions = {(e.action, e.channel) for e in app.audit.entries(50, target=str(run.run_id))}
    assert {
        ("run.create", Channel.CONSOLE),
        ("item.edit", Channel.CONSOLE),
        ("run.approve", Channel.CONSOLE),
    } <= actions
    short_package = app.workflows.get_run(run.run_id).package_id[:8]
    assert sorted(
        e.detail for e in app.audit.entries(50, target=str(run.run_id)) if e.action == "package.download"
    ) == [
        f"package.zip (package {short_package})",
        f"qc-report.md (package {short_package})",
    ], "a download is about its run, and names the package"


def test_a_form_brief_missing_its_required_fields_names_each_beside_it_and_starts_nothing(app, browser):
    sign_in(browser, "op@agency.example")
    token = csrf_of(browser.get("/runs/new").text)
    before = len(app.workflows.list_runs(500))

    refused = browser.post(
        "/runs/new",
        data={"csrf": token, "brand.name": "<script>alert(1)</script>", "plan.start_date": "2027-02-30"},
    )

    assert refused.status_code == 422 and "The brief is not complete" in refused.text
    assert refused.text.count("Is required — add it") >= 4
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in refused.text and "<script>alert(1)" not in refused.text
    assert re.search(r'id="plan-start_date"[^>]*>\s*<p class="field-error">', refused.text)
    assert len(app.workflows.list_runs(500)) == before


def test_a_wrong_runs_filter_is_named_beside_the_filters_and_lists_nothing(browser, waiting):
    sign_in(browser, "op@agency.example")

    wrong = browser.get("/runs", params={"state": "NOPE", "limit": "-1"})
    right = browser.get("/runs", params={"state": "awaiting_approval"})

    assert wrong.status_code == 422 and "No runs in this state" not in wrong.text
    assert re.search(r'id="error-state" role="alert">&#39;NOPE&#39; is not a run state: pick one', wrong.text)
    assert 'id="error-params" role="alert">Limit is not a filter of this page: use state' in wrong.text
    assert f'href="/runs/{waiting.run_id}"' not in wrong.text
    assert right.status_code == 200 and f'href="/runs/{waiting.run_id}"' in right.text


def test_the_form_marks_the_fields_without_a_default_as_required(browser):
    sign_in(browser, "op@agency.example")
    page = browser.get("/runs/new").text

    required = re.findall(r'<(?:input|textarea) id="([\w-]+)" [^>]*\brequired\b', page)
    assert required == [
        "brief-file",
        "brand-name",
        "brand-industry",
        "brand-product",
        "audience-primary",
        "plan-start_date",
    ]
    assert page.count('<span class="required">required</span></label>') == 5
    assert "Fields left empty take the brief's defaults" not in page


def test_an_upload_of_the_wrong_type_too_large_or_not_a_brief_is_refused_and_starts_nothing(app, browser):
    sign_in(browser, "op@agency.example")
    token = csrf_of(browser.get("/runs/new").text)
    before = len(app.workflows.list_runs(500))

    image = upload(browser, "logo.png", b"\x89PNG\r\n", token)
    large = upload(browser, "huge.yaml", b"brand:\n" + b"#" * (2 << 20), token)
    broken = upload(browser, "broken.yaml", b"brand: [", token)
    wrong = upload(browser, "wrong.json", b'{"brand": {"name": ""}}', token)
    with_logo = upload(browser, "ledgerly.yaml", EXAMPLE_BRIEF.with_name("ledgerly.yaml").read_bytes(), token)

    assert image.status_code == 415 and "is not a brief: upload a .yaml, .yml or .json file" in image.text
    assert large.status_code == 413 and "larger than a brief may be" in large.text
    assert broken.status_code == 422 and "not valid YAML" in broken.text
    assert wrong.status_code == 422 and "<code>brand.name</code>" in wrong.text
    assert (
        with_logo.status_code == 422
        and "names the file &#39;ledgerly-logo.svg&#39;, and a logo path cannot be read from an uploaded brief"
        in with_logo.text
    )
    assert "content: &lt;the file in base64&gt;}, remove the brand.logo line" in with_logo.text
    assert "use the form" not in with_logo.text
    assert len(app.workflows.list_runs(500)) == before


def test_an_upload_missing_a_field_links_to_the_example_brief_the_page_offers_not_to_a_repository_path(app, browser):
    sign_in(browser, "op@agency.example")
    page = browser.get("/runs/new").text
    token = csrf_of(page)
    before = len(app.workflows.list_runs(500))
    without_industry = EXAMPLE_BRIEF.read_text(encoding="utf-8").replace("  industry:", "  # industry:")

    refused = upload(browser, "mine.yaml", without_industry.encode(), token)
    example = browser.get(re.search(r'id="example-brief">[^<]*<a href="([^"]+)"', page)[1])

    link = '<a href="/runs/new/example-brief" download="northwind.yaml">the example brief</a>'
    assert (
        refused.status_code == 422 and f"<code>brand.industry</code> is required — add it (see {link})" in refused.text
    )
    assert "examples/briefs" not in refused.text, "a browser user cannot open a file of the repository"
    assert example.status_code == 200 and example.content == EXAMPLE_BRIEF.read_bytes()
    assert example.headers["content-disposition"] == 'attachment; filename="northwind.yaml"'
    assert len(app.workflows.list_runs(500)) == before


def test_an_edit_with_a_control_character_is_told_beside_the_field_and_changes_nothing(app, browser, waiting):
    sign_in(browser, "op@agency.example")
    post, _ = flawed_post(app, waiting)
    token = csrf_of(browser.get("/").text)

    refused = browser.post(
        f"/runs/{waiting.run_id}/items/{post.item_id}/edit", data={"csrf": token, "fields.hook": "Hi\x1b[31m"}
    )

    assert refused.status_code == 422 and "Holds a control character" in refused.text
    assert flawed_post(app, waiting)[0] == post


def test_an_edit_emptying_a_required_field_or_writing_words_as_hashtags_is_told_beside_it_and_stores_nothing(
    app, browser, waiting
):
    sign_in(browser, "op@agency.example")
    post, _ = flawed_post(app, waiting)
    token = csrf_of(browser.get("/").text)
    edits = app.audit.entries(200, target=str(waiting.run_id))

    refused = browser.post(
        f"/runs/{waiting.run_id}/items/{post.item_id}/edit",
        data={"csrf": token, "fields.body": " ", "fields.hashtags": "not a hashtag list at all <b>x</b>"},
    )

    assert refused.status_code == 422
    assert "Write the body: every item of this kind has one" in refused.text
    assert "7 words are not hashtags: &#39;not&#39;; &#39;a&#39;; &#39;hashtag&#39;; and 4 more." in refused.text
    assert "<b>x</b>" not in refused.text
    assert "&lt;b&gt;x&lt;/b&gt;" in refused.text, "what was typed is shown again, as text"
    assert flawed_post(app, waiting)[0] == post
    assert app.audit.entries(200, target=str(waiting.run_id)) == edits


def test_a_waiver_needs_a_reason_beside_its_finding_then_shows_who_and_why(app, browser, waiting):
    sign_in(browser, "op@agency.example")
    _, [finding, *_] = flawed_post(app, waiting)
    token = csrf_of(browser.get("/").text)
    path = f"/runs/{waiting.run_id}/findings/{finding.finding_id}/waive"

    refused = browser.post(path, data={"csrf": token, "reason": "  "})
    too_long = browser.post(path, data={"csrf": token, "reason": "x" * 2001})
    waived = browser.post(path, data={"csrf": token, "reason": "The client backs the claim"})
    again = browser.post(path, data={"csrf": token, "reason": "Again"})

    assert refused.status_code == 422 and "Say why the finding may stand" in refused.text
    reopened = browser.get(path)
    assert (reopened.status_code, reopened.headers["location"]) == (
        303,
        f"/runs/{waiting.run_id}#finding-{finding.finding_id}",
    ), "the address a refusal is shown at opens the page its form is on"
    assert too_long.status_code == 422 and "Keep it to 2,000 characters: this one has 2,001." in too_long.text
    assert waived.status_code == 303
    assert again.status_code == 409 and re.search(
        r'class="field-error">This finding was already waived by op@agency.example on \d{1,2} \w{3} \d{4}:'
        r" The client backs the claim</p>",
        again.text,
    )
    assert "waived by op@agency.example: The client backs the claim" in browser.get(f"/runs/{waiting.run_id}").text
    [entry] = [e for e in app.audit.entries(50, target=str(waiting.run_id)) if e.action == "finding.waive"]
    assert (entry.actor, entry.detail) == (
        "op@agency.example",
        f"The client backs the claim (finding {str(finding.finding_id)[:8]}: {finding.message})",
    ), "a waiver is about its run, and names the finding"


def test_a_reviewer_reads_its_clients_run_but_may_not_start_edit_or_waive_and_another_client_reads_nothing(
    app, browser, waiting
):
    before = flawed_post(app, waiting)
    post, [finding, *_] = before
    sign_in(browser, "rev@northwind.example")
    token = csrf_of(browser.get("/").text)

    page = browser.get(f"/runs/{waiting.run_id}")
    new_run = browser.get("/runs/new")
    uploaded = upload(browser, "northwind.yaml", EXAMPLE_BRIEF.read_bytes(), token)
    edit = browser.post(f"/runs/{waiting.run_id}/items/{post.item_id}/edit", data={"csrf": token, "fields.hook": "x"})
    waive = browser.post(
        f"/runs/{waiting.run_id}/findings/{finding.finding_id}/waive", data={"csrf": token, "reason": "x"}
    )
    browser.post("/logout", data={"csrf": token})
    sign_in(browser, "rev@other.example")
    other = browser.get(f"/runs/{waiting.run_id}/steps")
    other_file = browser.get(f"/runs/{waiting.run_id}/files/package.zip")

    assert page.status_code == 200 and "/edit" not in page.text and "Waive…" not in page.text
    assert (new_run.status_code, uploaded.status_code, edit.status_code, waive.status_code) == (403, 403, 403, 403)
    assert "A client&#39;s reviewer may not start a run" in new_run.text
    assert other.status_code == other_file.status_code == 403
    assert flawed_post(app, waiting) == before


def test_every_run_page_form_without_its_csrf_token_is_refused_and_changes_nothing(app, browser, waiting):
    sign_in(browser, "op@agency.example")
    post, findings = flawed_post(app, waiting)
    before = len(app.workflows.list_runs(500))

    answers = [
        browser.post("/runs/new", data={"brand.name": "Acme"}),
        browser.post("/runs/new/upload", files={"brief": ("b.yaml", EXAMPLE_BRIEF.read_bytes(), "application/yaml")}),
        browser.post(f"/runs/{waiting.run_id}/items/{post.item_id}/edit", data={"fields.hook": "Forged"}),
        browser.post(f"/runs/{waiting.run_id}/findings/{findings[-1].finding_id}/waive", data={"reason": "forged"}),
    ]

    assert [answer.status_code for answer in answers] == [403, 403, 403, 403]
    assert flawed_post(app, waiting) == (post, findings) and len(app.workflows.list_runs(500)) == before


def test_the_steps_fragment_asks_the_page_to_reload_once_the_run_has_stopped(browser, waiting):
    sign_in(browser, "op@agency.example")

    fragment = browser.get(f"/runs/{waiting.run_id}/steps", headers={"HX-Request": "true"})

    assert fragment.status_code == 200 and fragment.headers["HX-Refresh"] == "true" and "capture_brief" in fragment.text


def streamed_upload(filename: str, chunks: int) -> tuple[Request, list[int]]:
    """A request whose body is a multipart upload of `filename` sent 64 KiB at a time, with no
    Content-Length; the list counts the chunks the server has read."""
    head = f'--X\r\nContent-Disposition: form-data; name="brief"; filename="{filename}"\r\n\r\n'.encode()
    body = [head, *[b"#" * (64 << 10)] * chunks, b"\r\n--X--\r\n"]
    read = [0]

    async def receive():
        read[0] += 1
        return {"type": "http.request", "body": body[read[0] - 1], "more_body": read[0] < len(body)}

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/runs/new/upload",
        "headers": [(b"content-type", b"multipart/form-data; boundary=X")],
    }
    return Request(scope, receive), read


@pytest.mark.parametrize(("filename", "status", "most_read"), [("huge.yaml", 413, 18), ("film.mp4", 415, 1)])
def test_an_upload_is_refused_before_it_is_read_in_full(filename, status, most_read):
    request, read = streamed_upload(filename, chunks=200)

    with pytest.raises(UploadRefused) as refused:
        asyncio.run(read_brief_upload(request))

    assert refused.value.status == status and read[0] <= most_read


def held_run(app):
    """A fresh Northwind run whose social posts fail QC, held for a decision."""
    run_id = app.workflows.start_client_to_delivery(
        example("northwind"), "northwind.yaml", app.settings.home / "deliveries", RunOptions(hold_on_fail=True)
    )
    return app.workflows.wait(run_id, timeout_seconds=240)


def banner(page: str) -> str:
    """The run page's note on why the pack does not pass QC, or '' when there is none."""
    found = re.search(r'<p class="note" id="qc-hold">(.*?)</p>', page, re.S)
    return found.group(1) if found else ""


def test_the_banner_says_the_current_qc_verdict_in_console_words_and_goes_once_the_pack_passes(app, browser):
    run = held_run(app)
    sign_in(browser, "op@agency.example")
    token = csrf_of(browser.get("/").text)
    first, *others = open_blockers(app, run)

    held = banner(browser.get(f"/runs/{run.run_id}").text)
    browser.post(f"/runs/{run.run_id}/findings/{first.finding_id}/waive", data={"csrf": token, "reason": "Fine"})
    report = app.qc.get(QcRunId.parse(app.workflows.get_run(run.run_id).qc_run_id))
    after_one = browser.get(f"/runs/{run.run_id}").text
    for finding in [f for f in report.findings if not f.waived]:
        app.qc.waive(finding.finding_id, "The client accepts it", "op@agency.example")
    cleared = browser.get(f"/runs/{run.run_id}").text

    assert f"{len(others) + 1} blockers open" in held and "“Waive…”" in held and "`" not in held
    assert f"QC score {report.score}," in banner(after_one) and f"{len(others)} blocker" in banner(after_one)
    assert "aicmo qc waive" not in after_one and app.workflows.get_run(run.run_id).note is None
    assert f"<dt>QC score</dt><dd>{report.score}</dd>" in after_one, "the run's facts show the current score too"
    assert banner(cleared) == "" and 'id="qc-hold"' not in cleared


def test_the_run_page_warns_that_the_client_may_comment_but_not_approve_while_blockers_are_open(app, browser, waiting):
    sign_in(browser, "op@agency.example")
    page = browser.get(f"/runs/{waiting.run_id}").text
    count = len(open_blockers(app, waiting))

    made = browser.post(f"/runs/{waiting.run_id}/review-links", data={"days": "3", "csrf": csrf_of(page)})
    after = browser.get(made.headers["location"]).text

    warning = f"{count} blockers open: the client can comment and ask for changes, but cannot approve until"
    assert warning in page.split('id="client-review"')[1] and warning in after.split('id="client-review"')[1]
    assert 'id="new-link"' in after


def test_items_are_counted_from_one_within_their_deliverable_on_the_run_page(app, browser, waiting):
    sign_in(browser, "op@agency.example")
    page = browser.get(f"/runs/{waiting.run_id}").text
    pack = pack_of(app, waiting)
    post = next(item for item in pack.items if item.kind == "social_post")
    card = page.split(f'id="item-{post.item_id}"', 1)[1].split("</header>", 1)[0]

    assert "<strong>Social post 1 · " in card and f"#{post.position}" not in card
    assert "<strong>Calendar post 1 · " in page and "#0<" not in page


def test_a_reviewer_never_sees_where_the_package_lies_nor_the_agencys_own_files_and_the_agency_does(app, browser):
    run = held_run(app)
    for finding in app.qc.get(QcRunId.parse(run.qc_run_id)).findings:
        app.qc.waive(finding.finding_id, "The client accepts it", "op@agency.example")
    delivered = app.workflows.approve(run.run_id, "Go")
    assert delivered.state == RunState.DELIVERED

    sign_in(browser, "rev@northwind.example")
    as_reviewer = browser.get(f"/runs/{run.run_id}").text
    sign_in(browser, "op@agency.example")
    as_operator = browser.get(f"/runs/{run.run_id}").text

    assert delivered.folder in as_operator and "<dt>Package</dt>" in as_operator
    assert delivered.folder not in as_reviewer and str(app.settings.home) not in as_reviewer
    assert "<dt>Package</dt>" not in as_reviewer and "package.zip" in as_reviewer
    for name in ("qc-report.md", "manifest.json"):
        assert f"/files/{name}" in as_operator and f"/files/{name}" not in as_reviewer
        assert browser.get(f"/runs/{run.run_id}/files/{name}").status_code == 200
    sign_in(browser, "rev@northwind.example")
    assert [
        browser.get(f"/runs/{run.run_id}/files/{name}").status_code for name in ("qc-report.md", "manifest.json")
    ] == [
        404,
        404,
    ]
