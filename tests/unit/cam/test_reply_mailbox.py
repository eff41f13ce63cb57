"""Replies read from a mailbox (the IMAP port, here in memory): each is threaded to its lead
once, even when a crash hands the same messages over again, and a refused login says what to fix."""

import pytest

from aicmo.cam.api.dtos import LeadStage
from aicmo.cam.internal.classifier import RuleClassifier
from aicmo.cam.internal.replies import ReplyService
from aicmo.kernel.errors import ChannelUnavailable
from tests.fakes.reply_mailbox import FakeReplyMailbox
from tests.unit.cam.outreach_world import world


def message(sender: str, body: str, *, message_id: str, in_reply_to: str = "") -> bytes:
    headers = [
        f"From: {sender}",
        "To: hello@agency.example",
        "Subject: Re: Hello",
        f"Message-ID: {message_id}",
        "Date: Mon, 11 Jan 2027 10:00:00 +0000",
    ]
    if in_reply_to:
        headers.append(f"In-Reply-To: {in_reply_to}")
    return ("\r\n".join(headers) + "\r\n\r\n" + body + "\r\n").encode()


def test_replies_in_the_mailbox_reach_their_leads_and_the_report_counts_them():
    w = world()
    ana = w.lead(w.campaign(), "ana@acme.example")
    w.cycle()
    [send] = w.cam.sends.values()
    mailbox = FakeReplyMailbox(
        [
            message(
                "colleague@acme.example",
                "Sounds good, call me Tuesday.",
                message_id="<1@acme>",
                in_reply_to=send.message_id,
            ),
            message("nobody@else.example", "Who is this?", message_id="<2@else>"),
        ]
    )

    report = ReplyService(w.uow, w.app.clock, RuleClassifier(), mailbox).ingest_mailbox()

    assert (report.read, report.recorded, report.unmatched) == (2, 1, 1)
    assert w.stage(ana) == LeadStage.REPLIED and mailbox.unread == []


def test_messages_handed_over_again_after_a_crash_are_recorded_once():
    w = world()
    ana = w.lead(w.campaign(), "ana@acme.example")
    replies = [
        message("ana@acme.example", f"Question {n}: what does it cost?", message_id=f"<{n}@acme>") for n in (1, 2)
    ]
    mailbox = FakeReplyMailbox(replies)
    mailbox.crash_after = 1
    service = ReplyService(w.uow, w.app.clock, RuleClassifier(), mailbox)
    with pytest.raises(ConnectionResetError):
        service.ingest_mailbox()
    mailbox.crash_after = None

    report = service.ingest_mailbox()

    assert (report.read, report.recorded, report.duplicates) == (2, 1, 1)
    assert len(w.cam.replies_by_id) == 2 and w.stage(ana) == LeadStage.REPLIED


def test_a_refused_login_ends_the_read_with_the_reason_and_changes_nothing():
    w = world()
    ana = w.lead(w.campaign(), "ana@acme.example")
    mailbox = FakeReplyMailbox(
        [message("ana@acme.example", "Yes please.", message_id="<1@acme>")],
        refusing="the IMAP server refused the login: check the user and password in AICMO_IMAP_URL",
    )

    with pytest.raises(ChannelUnavailable) as refused:
        ReplyService(w.uow, w.app.clock, RuleClassifier(), mailbox).ingest_mailbox()

    assert "AICMO_IMAP_URL" in str(refused.value)
    assert w.cam.replies_by_id == {} and w.stage(ana) == LeadStage.NEW


def test_without_a_mailbox_the_setting_to_give_is_named():
    w = world()

    with pytest.raises(ChannelUnavailable) as missing:
        ReplyService(w.uow, w.app.clock, RuleClassifier(), None).ingest_mailbox()

    assert "AICMO_IMAP_URL" in str(missing.value)
