"""Replies from a drop folder of .eml files: threaded to the lead, classified, acted on."""

import email
from email.message import EmailMessage

import pytest

from aicmo.cam.api import LeadStage, MessageVariant, NewCampaign, ReplyClass, SequenceStep
from aicmo.orchestration.composition import bootstrap
from tests.e2e.cli import aicmo
from tests.local_servers import ImapServer

pytestmark = pytest.mark.e2e
LEADS = (
    b"email,first name,company\r\n"
    b"jane@acme.io,Jane,Acme\r\n"
    b"raj@widgets.co,Raj,Widgets\r\n"
    b"ann@shop.io,Ann,Shop\r\n"
    b"bo@x.io,Bo,X\r\n"
)
STEPS = [
    SequenceStep(
        delay_days=0, variants=[MessageVariant(name="A", subject="Coffee for {{company}}", body="Hi {{first_name}}.")]
    ),
    SequenceStep(
        delay_days=0, variants=[MessageVariant(name="A", subject="Following up", body="Hi again {{first_name}}.")]
    ),
]


def message(name: str, sender: str, subject: str, body: str, in_reply_to: str | None = None) -> bytes:
    mime = EmailMessage()
    mime["From"], mime["To"], mime["Subject"] = sender, "aicmo@localhost", subject
    mime["Message-ID"] = f"<{name}@replies.test>"
    if in_reply_to:
        mime["In-Reply-To"] = in_reply_to
    mime.set_content(body)
    return bytes(mime)


def reply(folder, name: str, sender: str, subject: str, body: str, in_reply_to: str | None = None) -> None:
    (folder / f"{name}.eml").write_bytes(message(name, sender, subject, body, in_reply_to))


def contacted(app, home) -> dict[str, str]:
    """Set up the Coffee campaign, run a cycle, and return each lead's address → the Message-ID it was sent."""
    app.campaigns.create(NewCampaign(name="Coffee", window_start="00:00", window_end="23:59:59"))
    app.leads.import_csv("Coffee", LEADS, "leads.csv")
    app.outreach.set_sequence("Coffee", STEPS)
    app.outreach.run_cycle()
    sent = (email.message_from_bytes(path.read_bytes()) for path in (home / "outbox").glob("*.eml"))
    return {mime["To"]: mime["Message-ID"] for mime in sent}


def test_replies_thread_classify_and_stop_the_sequence(settings, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with bootstrap(settings, launch_durable=False) as app:
        sent = contacted(app, settings.home)
        reply(
            inbox,
            "r1",
            "Jane <jane@acme.io>",
            "Re: Coffee for Acme",
            "Sounds good, can we book a call?",
            sent["jane@acme.io"],
        )
        reply(
            inbox,
            "r2",
            "mailer-daemon@mx.widgets.co",
            "Undelivered Mail Returned to Sender",
            "Address not found",
            sent["raj@widgets.co"],
        )
        reply(inbox, "r3", "ann@shop.io", "Automatic reply", "I am out of the office until Monday.")
        reply(inbox, "r4", "stranger@nowhere.io", "Hello", "Who is this?")
        first = app.replies.ingest_folder(inbox)
        again = app.replies.ingest_folder(inbox)
        stages = {lead.email: lead.stage for lead in app.leads.leads()}
        queue = app.replies.replies(needs_review=True)
        followups = app.outreach.run_cycle()

    assert (first.read, first.recorded, first.unmatched) == (4, 3, 1)
    assert first.by_class == {"positive": 1, "bounce": 1, "out_of_office": 1}
    assert (again.recorded, again.duplicates) == (0, 3)
    assert stages == {
        "jane@acme.io": LeadStage.REPLIED,
        "raj@widgets.co": LeadStage.LOST,
        "ann@shop.io": LeadStage.CONTACTED,
        "bo@x.io": LeadStage.CONTACTED,
    }
    assert [(r.email, r.classification) for r in queue] == [("jane@acme.io", ReplyClass.POSITIVE)]
    assert followups.simulated == 2, "step 2 goes only to the leads still in the sequence (ann, bo)"


def test_replies_arrive_from_an_imap_mailbox_and_are_read_once(settings):
    with (
        ImapServer() as imap,
        bootstrap(settings.model_copy(update={"imap_url": imap.url()}), launch_durable=False) as app,
    ):
        sent = contacted(app, settings.home)
        imap.deliver(
            message(
                "r1", "jane@acme.io", "Re: Coffee for Acme", "Please remove me from your list.", sent["jane@acme.io"]
            )
        )
        imap.deliver(
            message("r2", "Bo <bo@x.io>", "Re: Coffee for X", "Interested, let's talk next week.", sent["bo@x.io"])
        )
        first = app.replies.ingest_mailbox()
        imap.deliver(
            message(
                "r1", "jane@acme.io", "Re: Coffee for Acme", "Please remove me from your list.", sent["jane@acme.io"]
            )
        )
        second = app.replies.ingest_mailbox()
        unread = imap.unread()
        stages = {lead.email: lead.stage for lead in app.leads.leads()}

    assert (first.read, first.by_class) == (2, {"unsubscribe": 1, "positive": 1})
    assert (second.read, second.recorded, second.duplicates) == (1, 0, 1), "a redelivered message is recorded once"
    assert unread == 0, "what was read is flagged \\Seen on the server"
    assert (stages["jane@acme.io"], stages["bo@x.io"]) == (LeadStage.LOST, LeadStage.REPLIED)


def test_the_worker_reads_the_mailbox_and_a_wrong_password_is_a_clear_error(sqlite_settings):
    home = sqlite_settings.home
    with ImapServer() as imap:
        with bootstrap(sqlite_settings, launch_durable=False) as app:
            sent = contacted(app, home)
        imap.deliver(
            message(
                "r1",
                "ann@shop.io",
                "Re: Coffee for Shop",
                "How much is the pricing for 20 people?",
                sent["ann@shop.io"],
            )
        )
        worker = aicmo("cam", "worker", "--once", env={"AICMO_HOME": str(home), "AICMO_IMAP_URL": imap.url()})
        refused = aicmo(
            "cam", "worker", "--once", env={"AICMO_HOME": str(home), "AICMO_IMAP_URL": imap.url(password="wrong")}
        )

    assert worker.returncode == 0, worker.stderr
    assert "replies from the mailbox: 1 recorded (1 positive)" in worker.stdout
    assert (
        refused.returncode != 0
        and "IMAP server 127.0.0.1" in refused.stderr + refused.stdout
        and "Traceback" not in refused.stderr
    )
