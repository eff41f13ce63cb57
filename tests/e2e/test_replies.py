"""Replies from a drop folder of .eml files: threaded to the lead, classified, acted on."""

import email
from email.message import EmailMessage

import pytest

from aicmo.cam.api import LeadStage, MessageVariant, NewCampaign, ReplyClass, SequenceStep
from aicmo.orchestration.composition import bootstrap

pytestmark = pytest.mark.e2e
LEADS = b"email,first name,company\r\njane@acme.io,Jane,Acme\r\nraj@widgets.co,Raj,Widgets\r\nann@shop.io,Ann,Shop\r\nbo@x.io,Bo,X\r\n"
STEPS = [
    SequenceStep(delay_days=0, variants=[MessageVariant(name="A", subject="Coffee for {{company}}", body="Hi {{first_name}}.")]),
    SequenceStep(delay_days=0, variants=[MessageVariant(name="A", subject="Following up", body="Hi again {{first_name}}.")]),
]


def reply(folder, name: str, sender: str, subject: str, body: str, in_reply_to: str | None = None) -> None:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, "aicmo@localhost", subject
    message["Message-ID"] = f"<{name}@replies.test>"
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    message.set_content(body)
    (folder / f"{name}.eml").write_bytes(bytes(message))


def test_replies_thread_classify_and_stop_the_sequence(settings, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with bootstrap(settings, launch_durable=False) as app:
        app.campaigns.create(NewCampaign(name="Coffee", window_start="00:00", window_end="23:59:59"))
        app.leads.import_csv("Coffee", LEADS, "leads.csv")
        app.outreach.set_sequence("Coffee", STEPS)
        app.outreach.run_cycle()
        sent = {
            email.message_from_bytes(path.read_bytes())["To"]: email.message_from_bytes(path.read_bytes())["Message-ID"]
            for path in (settings.home / "outbox").glob("*.eml")
        }
        reply(inbox, "r1", "Jane <jane@acme.io>", "Re: Coffee for Acme", "Sounds good, can we book a call?", sent["jane@acme.io"])
        reply(inbox, "r2", "mailer-daemon@mx.widgets.co", "Undelivered Mail Returned to Sender", "Address not found", sent["raj@widgets.co"])
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
