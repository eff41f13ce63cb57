"""Outreach with real parts: SMTP on loopback for LIVE, .eml files for SIMULATION, and
two workers at once (SQLite and Postgres) never sending a step twice nor passing the cap."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import text

from aicmo.cam.api import LeadStage, MessageVariant, NewCampaign, SendingMode, SequenceStep, SkipReason, TimelineKind
from aicmo.kernel.errors import InvalidInput
from aicmo.orchestration.composition import bootstrap
from tests.local_servers import SmtpServer

pytestmark = pytest.mark.e2e
LEADS = (
    b"email,first name,company\r\n"
    b"jane@acme.io,Jane,Acme\r\n"
    b"raj@widgets.co,,\r\n"
    b"ann@blocked.io,Ann,Blocked\r\n"
    b"bo@x.io,Bo,X\r\n"
)
STEPS = [
    SequenceStep(
        delay_days=0,
        variants=[
            MessageVariant(name="A", subject="Coffee for {{company|your team}}", body="Hi {{first_name}}, fresh beans?")
        ],
    ),
    SequenceStep(delay_days=3, variants=[MessageVariant(name="A", subject="Following up", body="Hi {{first_name}}.")]),
]


def prepared(app, *, mode=SendingMode.SIMULATION, cap=3):
    app.campaigns.create(
        NewCampaign(name="Coffee", mode=mode, daily_cap=cap, window_start="00:00", window_end="23:59:59")
    )
    app.leads.import_csv("Coffee", LEADS, "leads.csv")
    app.outreach.set_sequence("Coffee", STEPS)
    app.outreach.suppress("blocked.io", "asked to be left alone")


def test_live_sending_respects_cap_suppression_and_sends_the_headers(settings):
    with (
        SmtpServer() as smtp,
        bootstrap(settings.model_copy(update={"smtp_url": smtp.url}), launch_durable=False) as app,
    ):
        prepared(app, mode=SendingMode.LIVE, cap=2)
        first = app.outreach.run_cycle()
        second = app.outreach.run_cycle()
        contacted = {lead.email: lead.stage for lead in app.leads.leads()}

    assert (first.sent, first.skipped) == (2, {SkipReason.SUPPRESSED: 1, SkipReason.DAILY_CAP: 1})
    assert second.sent == 0, "the cap holds for the rest of the day and step 2 waits three days"
    assert {m["To"] for m in smtp.inbox.messages} <= {"jane@acme.io", "raj@widgets.co", "bo@x.io"} and len(
        smtp.inbox.messages
    ) == 2
    message = smtp.inbox.messages[0]
    assert message["Message-ID"] and message["List-Unsubscribe"].startswith("<http://localhost:8000/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    body = message.get_payload(decode=True).decode()
    assert "No more emails from us: http://localhost:8000/unsubscribe/" in body and "{{" not in body
    assert contacted["ann@blocked.io"] == LeadStage.NEW and list(contacted.values()).count(LeadStage.CONTACTED) == 2


def test_simulation_writes_eml_files_and_sends_nothing(settings, tmp_path):
    with (
        SmtpServer() as smtp,
        bootstrap(settings.model_copy(update={"smtp_url": smtp.url}), launch_durable=False) as app,
    ):
        prepared(app)
        report = app.outreach.run_cycle()

    assert (report.simulated, report.sent, smtp.inbox.messages) == (3, 0, [])
    files = list((settings.home / "outbox").glob("*.eml"))
    assert len(files) == 3
    assert any(
        b"Subject: Coffee for your team" in f.read_bytes() and b"Hi there, fresh beans?" in f.read_bytes()
        for f in files
    )


def test_a_paused_campaign_or_a_lead_that_replied_gets_nothing(settings):
    with bootstrap(settings, launch_durable=False) as app:
        prepared(app)
        jane = next(lead for lead in app.leads.leads() if lead.email == "jane@acme.io")
        app.leads.advance(jane.lead_id, LeadStage.REPLIED, "Interested")
        app.campaigns.set_paused("Coffee", True)
        paused = app.outreach.run_cycle()
        app.campaigns.set_paused("Coffee", False)
        resumed = app.outreach.run_cycle()

    assert paused.simulated == 0 and paused.skipped == {SkipReason.CAMPAIGN_PAUSED: 3}
    assert resumed.simulated == 2, "jane replied, so her sequence stopped"


def test_a_sequence_with_an_unknown_token_is_refused():
    step = SequenceStep(delay_days=0, variants=[MessageVariant(name="A", subject="Hi {{nickname}}", body="x")])
    with bootstrap(launch_durable=False) as app, pytest.raises(InvalidInput) as caught:
        app.campaigns.create(NewCampaign(name="Bad"))
        app.outreach.set_sequence("Bad", [step])

    assert "unknown token {{nickname}}" in caught.value.problems[0].message


@pytest.mark.postgres
def test_two_workers_at_once_never_send_a_step_twice_nor_pass_the_cap(settings):
    rows = "\r\n".join(f"lead{n}@company{n}.io,Lead{n},Company {n}" for n in range(260))
    with bootstrap(settings, launch_durable=False) as app:
        app.campaigns.create(NewCampaign(name="Big", daily_cap=250, window_start="00:00", window_end="23:59:59"))
        app.leads.import_csv("Big", f"email,first name,company\r\n{rows}\r\n".encode(), "big.csv")
        app.outreach.set_sequence("Big", STEPS[:1])
    start = threading.Barrier(2)

    def cycle(worker_app):
        start.wait()
        return worker_app.outreach.run_cycle()

    # Two applications, each with its own engine and connections, as two processes would have.
    with (
        bootstrap(settings, launch_durable=False) as first,
        bootstrap(settings, launch_durable=False) as second,
        ThreadPoolExecutor(2) as pool,
    ):
        reports = list(pool.map(cycle, (first, second)))
    with bootstrap(settings, launch_durable=False) as app, app.db.engine.connect() as connection:
        sends = connection.execute(text("SELECT count(*), count(DISTINCT lead_id) FROM cam_sends")).one()

    assert sum(r.simulated for r in reports) == 250 and tuple(sends) == (250, 250), "the cap holds across workers"
    assert min(r.simulated for r in reports) > 0, "both workers took batches"
    assert len(list((settings.home / "outbox").glob("*.eml"))) == 250


def test_a_meeting_invitation_carries_an_ics_and_moves_the_lead(settings):
    import datetime as dt

    from icalendar import Calendar

    with (
        SmtpServer() as smtp,
        bootstrap(settings.model_copy(update={"smtp_url": smtp.url}), launch_durable=False) as app,
    ):
        prepared(app, mode=SendingMode.LIVE)
        jane = next(lead for lead in app.leads.leads() if lead.email == "jane@acme.io")
        start = dt.datetime(2030, 1, 14, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
        detail = app.outreach.invite(jane.lead_id, start, 45, "Coffee tasting")
        with pytest.raises(InvalidInput, match="future start with a time zone"):
            app.outreach.invite(jane.lead_id, dt.datetime(2030, 1, 14, 15, 0))

    assert detail.lead.stage == LeadStage.MEETING and detail.timeline[-1].kind == TimelineKind.MEETING
    [message] = smtp.inbox.messages
    [attachment] = [part for part in message.walk() if part.get_filename() == "invite.ics"]
    [event] = Calendar.from_ical(attachment.get_payload(decode=True)).walk("VEVENT")
    assert str(event["summary"]) == "Coffee tasting" and "jane@acme.io" in str(event["attendee"])
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(minutes=45)


def test_leads_without_a_reply_are_closed_after_the_timeout_and_the_funnel_counts_them(settings):
    import datetime as dt

    from aicmo.kernel.clock import FixedClock

    clock = FixedClock(dt.datetime(2027, 3, 1, 10, tzinfo=dt.UTC))
    with bootstrap(settings, clock=clock, launch_durable=False) as app:
        app.campaigns.create(
            NewCampaign(name="Coffee", window_start="00:00", window_end="23:59:59", reply_timeout_days=3)
        )
        app.leads.import_csv("Coffee", LEADS, "leads.csv")
        app.outreach.set_sequence("Coffee", STEPS[:1])
        app.outreach.run_cycle()
        jane = next(lead for lead in app.leads.leads() if lead.email == "jane@acme.io")
        app.leads.advance(jane.lead_id, LeadStage.REPLIED, "answered by phone")
        clock.advance(dt.timedelta(days=2))
        early = app.outreach.run_cycle()
        clock.advance(dt.timedelta(days=1))
        due = app.outreach.run_cycle()
        funnel = app.leads.funnel("Coffee")
        timeline = app.leads.lead(next(lead for lead in app.leads.leads() if lead.email == "bo@x.io").lead_id).timeline

    assert (early.timed_out, due.timed_out) == (0, 3)
    assert funnel == {stage: {LeadStage.REPLIED: 1, LeadStage.LOST: 3}.get(stage, 0) for stage in LeadStage}
    assert timeline[-1].kind == TimelineKind.TIMEOUT and "no reply 3 days after the last step" in timeline[-1].detail


@pytest.mark.parametrize("mode", [SendingMode.SIMULATION, SendingMode.LIVE])
def test_a_lead_whose_message_cannot_be_built_fails_alone_and_the_cycle_goes_on(settings, mode):
    with (
        SmtpServer() as smtp,
        bootstrap(settings.model_copy(update={"smtp_url": smtp.url}), launch_durable=False) as app,
    ):
        prepared(app, mode=mode, cap=10)
        # A lead stored before imports refused control characters: its company reaches the subject.
        with app.db.connect_for("cam") as connection:
            connection.execute(
                text("UPDATE cam_leads SET company = :bad WHERE email_key = 'jane@acme.io'"),
                {"bad": "Acme\nBcc: victim@example.org"},
            )
        first = app.outreach.run_cycle()
        second = app.outreach.run_cycle()
        leads = {lead.email: lead for lead in app.leads.leads()}
        timeline = app.leads.lead(leads["jane@acme.io"].lead_id).timeline

    delivered = (
        [m["To"] for m in smtp.inbox.messages]
        if mode == SendingMode.LIVE
        else list((settings.home / "outbox").glob("*.eml"))
    )
    assert first.sent + first.simulated == 2 and first.skipped == {SkipReason.SUPPRESSED: 1, SkipReason.SEND_FAILED: 1}
    assert second.sent + second.simulated == 0 and len(delivered) == 2, (
        "the others went out once; the next cycle writes nothing again"
    )
    assert leads["jane@acme.io"].stage == LeadStage.NEW and leads["bo@x.io"].stage == LeadStage.CONTACTED
    assert timeline[-1].kind == TimelineKind.EMAIL
    assert "step 1 variant A failed: Coffee for Acme\\nBcc: victim@example.org" in timeline[-1].detail
    assert "the message cannot be built from this lead's fields" in timeline[-1].detail
