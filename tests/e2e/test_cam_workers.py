"""CAM workers keep heartbeat rows; a worker killed mid-send loses its claims once the
lease runs out, and the next worker sends those steps, once each."""

import datetime as dt
import json
import os
import signal
import subprocess
import time

import pytest

from aicmo.cam.api import LeadStage, MessageVariant, NewCampaign, SendingMode, SequenceStep, SkipReason
from aicmo.kernel.clock import FixedClock
from aicmo.orchestration.composition import bootstrap
from tests.e2e.cli import AICMO, env_for
from tests.local_servers import SmtpServer

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
LEADS = b"email,first name\r\n" + b"".join(f"lead{n}@firm{n}.io,Lead{n}\r\n".encode() for n in range(5))
STEP = SequenceStep(
    delay_days=0, variants=[MessageVariant(name="A", subject="Hello {{first_name}}", body="A short note.")]
)
LEASE = 6.0
"""Long enough that the check right after the kill comes before the lease runs out, even on a busy machine."""


def cli_env(settings, smtp_url: str) -> dict[str, str]:
    return env_for(settings, AICMO_SMTP_URL=smtp_url, AICMO_EXECUTOR_LEASE_SECONDS=str(LEASE))


def test_a_killed_workers_claims_are_sent_by_the_next_worker_once(settings):
    settings = settings.model_copy(update={"executor_lease_seconds": LEASE})
    with bootstrap(settings, launch_durable=False) as app:
        app.campaigns.create(
            NewCampaign(name="Intro", mode=SendingMode.LIVE, daily_cap=100, window_start="00:00", window_end="23:59:59")
        )
        app.leads.import_csv("Intro", LEADS, "leads.csv")
        app.outreach.set_sequence("Intro", [STEP])

    with SmtpServer(stall=True) as stalled:
        worker = subprocess.Popen(
            [AICMO, "cam", "worker", "--once"],
            env=cli_env(settings, stalled.url),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while stalled.inbox.stalled == 0 and worker.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert stalled.inbox.stalled == 1, (
            worker.stderr.read().decode() if worker.poll() is not None else "the worker never reached DATA"
        )
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()

    with (
        SmtpServer() as smtp,
        bootstrap(settings.model_copy(update={"smtp_url": smtp.url}), launch_durable=False) as app,
    ):
        too_early = app.outreach.run_cycle()
        time.sleep(LEASE + 0.5)
        after_lease = app.outreach.run_cycle()
        workers = app.outreach.workers()
        stages = {lead.email: lead.stage for lead in app.leads.leads()}
        timeline = app.leads.lead(app.leads.leads()[0].lead_id).timeline

    assert (too_early.sent, too_early.released, too_early.skipped) == (0, 0, {}), (
        "a fresh claim holds while the lease runs"
    )
    assert (after_lease.released, after_lease.sent) == (5, 5)
    assert sorted(m["To"] for m in smtp.inbox.messages) == sorted(f"lead{n}@firm{n}.io" for n in range(5)), (
        "each lead once"
    )
    assert set(stages.values()) == {LeadStage.CONTACTED}
    assert any("was released" in event.detail for event in timeline)
    killed = next(w for w in workers if w.pid == worker.pid)
    assert killed.status == "stale" and killed.cycles == 0
    assert [w.status for w in workers].count("stopped") == 2


def test_the_workers_command_lists_heartbeats(settings):
    with bootstrap(settings, launch_durable=False) as app:
        app.campaigns.create(NewCampaign(name="Intro", window_start="00:00", window_end="23:59:59"))
        app.outreach.run_cycle()
    env = cli_env(settings, "smtp://127.0.0.1:1")
    listed = subprocess.run(
        [AICMO, "cam", "workers", "--json"], env=env, capture_output=True, text=True, timeout=120, check=False
    )

    assert listed.returncode == 0, listed.stderr
    [row] = json.loads(listed.stdout)
    assert (row["pid"], row["status"], row["cycles"]) == (os.getpid(), "stopped", 1)


def test_a_worker_taken_for_silent_records_nothing_for_the_claims_it_lost(sqlite_settings):
    """Worker A stalls long enough (the clock jumps past its lease) for worker B to take over
    its claims; A's late results are dropped, so each step is recorded once, by B."""
    clock = FixedClock(dt.datetime(2027, 3, 1, 10, tzinfo=dt.UTC))
    reports = []

    def takeover() -> None:
        if not reports:
            clock.advance(dt.timedelta(seconds=sqlite_settings.executor_lease_seconds + 1))
            reports.append(worker_b.outreach.run_cycle())

    with SmtpServer(on_message=takeover) as smtp_a, SmtpServer() as smtp_b:
        with bootstrap(
            sqlite_settings.model_copy(update={"smtp_url": smtp_b.url}), clock=clock, launch_durable=False
        ) as worker_b:
            worker_b.campaigns.create(
                NewCampaign(
                    name="Intro", mode=SendingMode.LIVE, daily_cap=100, window_start="00:00", window_end="23:59:59"
                )
            )
            worker_b.leads.import_csv("Intro", LEADS, "leads.csv")
            worker_b.outreach.set_sequence("Intro", [STEP])
            with bootstrap(
                sqlite_settings.model_copy(update={"smtp_url": smtp_a.url}), clock=clock, launch_durable=False
            ) as worker_a:
                late = worker_a.outreach.run_cycle()
            timeline = worker_b.leads.lead(worker_b.leads.leads()[0].lead_id).timeline

    [taken_over] = reports
    assert (taken_over.released, taken_over.sent) == (5, 5), "B released A's whole batch and sent it"
    assert late.sent == 0
    assert late.skipped == {SkipReason.CLAIM_LOST: 1}, "A stops recording once its first result is refused"
    assert len(smtp_b.inbox.messages) == 5 and len(smtp_a.inbox.messages) == 1, "A sent one message late, then stopped"
    assert [event.detail for event in timeline if "was released" in event.detail], (
        "the take-over is on the lead's timeline"
    )
