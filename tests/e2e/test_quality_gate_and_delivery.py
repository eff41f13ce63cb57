"""The quality gate and the delivery targets inside client_to_delivery, with real parts."""

import time
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import text

from aicmo.delivery.api import DeliveryTarget, PackageId, TargetKind
from aicmo.orchestration.api import RunOptions, RunState
from aicmo.orchestration.composition import bootstrap
from aicmo.kernel.errors import Conflict
from aicmo.qc.api import QcRunId, Severity
from tests.briefs import example
from tests.fakes import FakeWriter
from tests.local_servers import SmtpServer, WebhookEndpoint

pytestmark = pytest.mark.e2e
SECRET = "shared-secret-for-tests"


@pytest.fixture
def settings(settings):
    """Quick retries: three tries, no wait."""
    return settings.model_copy(update={"delivery_attempts": 3, "delivery_backoff_seconds": 0.0})


def run(app, tmp_path, **options):
    run_id = app.workflows.start_client_to_delivery(
        example("northwind"), "northwind.yaml", tmp_path / "out", RunOptions(**options)
    )
    return app.workflows.wait(run_id, timeout_seconds=120)


def finished_steps(app, run_id) -> list[str]:
    """The run's step names once DBOS has recorded `finish_run`: the step writes the run's final
    state before DBOS records the step itself, so a run can read as finished a moment earlier."""
    deadline = time.monotonic() + 30
    while (steps := [step.name for step in app.workflows.steps(run_id)])[-1:] != ["finish_run"]:
        assert time.monotonic() < deadline, steps
        time.sleep(0.05)
    return steps


def rows(app, sql: str) -> list[tuple]:
    with app.db.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql))]


def test_a_failing_pack_is_revised_once_and_then_passes(settings, tmp_path):
    writer = FakeWriter(fixed_by_revision=True)
    with bootstrap(settings, writer=writer) as app:
        summary = run(app, tmp_path, auto_approve=True)
        qc_runs = rows(app, "SELECT passed FROM qc_runs ORDER BY created_at")
        revised = rows(app, "SELECT count(*) FROM production_items WHERE revision = 2")

    assert summary.state == RunState.DELIVERED, summary.error
    assert qc_runs == [(False,), (True,)]
    assert revised == [(4,)], "the four social posts were rewritten"
    assert all(any("QC-UNSUPPORTED-CLAIM" in note for note in notes) for notes in writer.notes_seen)


def test_a_pack_failing_twice_ends_qc_failed_and_compensates(settings, tmp_path):
    with bootstrap(settings, writer=FakeWriter(fixed_by_revision=False)) as app:
        summary = run(app, tmp_path, auto_approve=True)
        steps = finished_steps(app, summary.run_id)
        events = [event.event_type for event in app.workflows.events_of(summary.run_id)]
        states = {
            "briefs": rows(app, "SELECT status FROM onboarding_briefs"),
            "strategies": rows(app, "SELECT status FROM strategy_versions"),
            "packs": rows(app, "SELECT status FROM production_packs"),
            "qc runs": rows(app, "SELECT voided_at IS NOT NULL FROM qc_runs"),
            "packages": rows(app, "SELECT count(*) FROM delivery_packages"),
        }

    assert summary.state == RunState.QC_FAILED
    assert "after 1 revision" in summary.error
    assert steps[-6:] == ["compensate"] * 5 + ["finish_run"], (
        "two QC runs, the pack, the strategy and the brief, in reverse"
    )
    assert events == ["WorkflowCompensated"]
    assert states == {
        "briefs": [("archived",)],
        "strategies": [("discarded",)],
        "packs": [("discarded",)],
        "qc runs": [(True,), (True,)],
        "packages": [(0,)],
    }


def test_hold_on_fail_waits_for_an_operator_who_waives_and_approves(settings, tmp_path):
    with bootstrap(settings, writer=FakeWriter(fixed_by_revision=False)) as app:
        waiting = run(app, tmp_path, hold_on_fail=True)
        report = app.qc.get(QcRunId.parse(waiting.qc_run_id))
        for finding in report.findings:
            rescored = app.qc.waive(finding.finding_id, "The client backs this claim in writing.", "ops@agency")
        approved = app.workflows.approve(waiting.run_id, "Claims cleared by the client")
        kept = app.qc.get(report.run_id)

    assert waiting.state == RunState.AWAITING_APPROVAL and not report.passed and waiting.error is None
    assert waiting.note is None, "why it waits is the QC report, which a waiver changes: the run keeps no copy"
    assert rescored.passed and rescored.score > report.score
    assert approved.state == RunState.DELIVERED
    assert all(
        f.waived and f.waiver_reason == "The client backs this claim in writing." and f.waived_by == "ops@agency"
        for f in kept.findings
    )


def test_a_held_pack_with_open_blockers_is_not_approved_until_each_is_waived(settings, tmp_path):
    with bootstrap(settings, writer=FakeWriter(fixed_by_revision=False)) as app:
        waiting = run(app, tmp_path, hold_on_fail=True)
        report = app.qc.get(QcRunId.parse(waiting.qc_run_id))
        with pytest.raises(Conflict) as refused:
            app.workflows.approve(waiting.run_id, "Ship it")
        untouched = app.workflows.get_run(waiting.run_id)
        for finding in report.findings:
            app.qc.waive(finding.finding_id, "The client backs this claim in writing.", "ops@agency")
        approved = app.workflows.approve(waiting.run_id, "Claims cleared by the client")

    blockers = report.count(Severity.BLOCKER)
    assert blockers > 1
    assert str(refused.value).startswith(f"{blockers} blockers open — waive each with a reason")
    assert (untouched.state, untouched.updated_at) == (RunState.AWAITING_APPROVAL, waiting.updated_at)
    assert approved.state == RunState.DELIVERED


def test_a_waiver_holds_when_the_client_has_another_item_revised(settings, tmp_path):
    with bootstrap(settings, writer=FakeWriter(fixed_by_revision=False)) as app:
        waiting = run(app, tmp_path, hold_on_fail=True)
        report = app.qc.get(QcRunId.parse(waiting.qc_run_id))
        [kept, revised, *_] = report.failing_items()
        for finding in report.findings:
            if finding.item_id == kept:
                app.qc.waive(finding.finding_id, "The client backs this claim in writing.", "ops@agency")
        again = app.workflows.reject(waiting.run_id, "Warmer, please", [str(revised)])
        after = app.qc.get(QcRunId.parse(again.qc_run_id))

    assert again.state == RunState.AWAITING_APPROVAL and after.run_id != report.run_id
    carried = [f for f in after.findings if f.item_id == kept]
    assert carried and all(f.waived and f.waiver_reason == "The client backs this claim in writing." for f in carried)
    assert not any(f.waived for f in after.findings if f.item_id != kept)


def test_the_package_is_emailed_once_with_the_zip_attached(settings, tmp_path):
    with SmtpServer() as smtp, bootstrap(settings.model_copy(update={"smtp_url": smtp.url})) as app:
        summary = run(
            app,
            tmp_path,
            auto_approve=True,
            targets=[DeliveryTarget(kind=TargetKind.EMAIL, address="client@northwind.test")],
        )
        package = app.delivery.get(PackageId.parse(summary.package_id))
        app.delivery.deliver(
            package.package_id, [DeliveryTarget(kind=TargetKind.EMAIL, address="client@northwind.test")]
        )

    assert summary.state == RunState.DELIVERED, summary.error
    [message] = smtp.inbox.messages
    assert message["To"] == "client@northwind.test" and "Northwind Roasters" in message["Subject"]
    [attachment] = [part for part in message.walk() if part.get_filename()]
    assert attachment.get_filename() == "package.zip"
    assert "plan.pdf" in zipfile.ZipFile(BytesIO(attachment.get_payload(decode=True))).namelist()
    assert [(j.status, j.attempts) for j in package.deliveries] == [("delivered", 1)]


def test_the_package_is_posted_to_a_webhook_with_a_valid_signature(settings, tmp_path):
    with (
        WebhookEndpoint(SECRET) as endpoint,
        bootstrap(
            settings.model_copy(update={"webhook_secret": SecretStr(SECRET), "webhook_allow_private": True})
        ) as app,
    ):
        summary = run(
            app, tmp_path, auto_approve=True, targets=[DeliveryTarget(kind=TargetKind.WEBHOOK, address=endpoint.url)]
        )

    assert summary.state == RunState.DELIVERED, summary.error
    [received] = endpoint.received
    assert received.signature_valid
    assert (
        received.body["client"] == "Northwind Roasters" and received.body["manifest"]["lineage"]["brief_version"] == 1
    )
    assert received.idempotency_key.startswith(str(summary.run_id))


def test_a_refusing_webhook_is_retried_then_the_run_fails_delivery_and_keeps_the_files(settings, tmp_path):
    with (
        WebhookEndpoint(SECRET, status=500) as endpoint,
        bootstrap(
            settings.model_copy(update={"webhook_secret": SecretStr(SECRET), "webhook_allow_private": True})
        ) as app,
    ):
        summary = run(
            app, tmp_path, auto_approve=True, targets=[DeliveryTarget(kind=TargetKind.WEBHOOK, address=endpoint.url)]
        )
        package = app.delivery.get(PackageId.parse(summary.package_id))

    assert summary.state == RunState.DELIVERY_FAILED
    assert "answered 500" in summary.error
    assert endpoint.calls == 3
    assert package.status == "void" and [(j.status, j.attempts) for j in package.deliveries] == [("failed", 3)]
    assert all(Path(a.path).is_file() for a in package.artifacts), "nothing already rendered is lost"


def test_an_smtp_server_that_is_down_fails_delivery(settings, tmp_path):
    with bootstrap(settings.model_copy(update={"smtp_url": "smtp://127.0.0.1:9"})) as app:
        summary = run(
            app,
            tmp_path,
            auto_approve=True,
            targets=[DeliveryTarget(kind=TargetKind.EMAIL, address="client@northwind.test")],
        )

    assert summary.state == RunState.DELIVERY_FAILED and "SMTP server 127.0.0.1:9 refused" in summary.error


def test_a_folder_that_cannot_be_written_fails_delivery(settings, tmp_path):
    (tmp_path / "out").write_text("a file where the folder should be")
    with bootstrap(settings) as app:
        summary = run(app, tmp_path, auto_approve=True)

    assert summary.state == RunState.DELIVERY_FAILED and "cannot write into" in summary.error
