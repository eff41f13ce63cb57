"""Replies recorded on the fake unit of work: threaded to their lead, classified, acted on."""

import datetime as dt

from aicmo.cam.api.dtos import LeadStage, ReplyClass
from aicmo.cam.internal.classifier import RuleClassifier
from aicmo.cam.internal.use_cases.record_reply import DUPLICATE, UNMATCHED, IncomingReply, record_reply
from tests.unit.cam.outreach_world import FIRST, FOLLOW_UP, world


def _reply(
    sender: str, body: str, *, message_id: str = "<r1@client>", referenced: tuple[str, ...] = ()
) -> IncomingReply:
    return IncomingReply(
        message_id=message_id,
        sender=sender,
        subject="Re: Hello",
        body=body,
        referenced=list(referenced),
        received_at=None,
    )


def _record(w, reply: IncomingReply) -> str:
    return record_reply(w.uow, w.app.clock, RuleClassifier(), reply)


def test_a_positive_reply_to_our_message_moves_the_lead_to_replied_and_waits_for_review():
    w = world()
    ana = w.lead(w.campaign(), "ana@acme.example")
    w.cycle()
    [send] = w.cam.sends.values()

    outcome = _record(
        w,
        _reply("someone.else@acme.example", "Sounds interesting, let's talk next week.", referenced=(send.message_id,)),
    )

    assert outcome == ReplyClass.POSITIVE
    assert w.stage(ana) == LeadStage.REPLIED
    [(reply, address)] = w.cam.replies(needs_review=True, classification=None, limit=10)
    assert address == "ana@acme.example" and reply.received_at == w.app.clock.now()


def test_a_reply_is_recorded_once_and_one_from_a_stranger_is_unmatched():
    w = world()
    w.lead(w.campaign(), "ana@acme.example")

    first = _record(w, _reply("ana@acme.example", "Thanks, tell me more."))
    again = _record(w, _reply("ana@acme.example", "Thanks, tell me more."))
    stranger = _record(w, _reply("nobody@else.example", "Hi", message_id="<r2@else>"))

    assert first != DUPLICATE and again == DUPLICATE and stranger == UNMATCHED
    assert len(w.cam.replies_by_id) == 1


def test_a_bounce_suppresses_the_address_closes_the_lead_and_stops_its_sequence():
    w = world()
    ana = w.lead(w.campaign(steps=(FIRST, FOLLOW_UP)), "ana@acme.example")
    w.cycle()
    [send] = w.cam.sends.values()

    outcome = _record(
        w, _reply("mailer-daemon@acme.example", "Delivery Status Notification (Failure)", referenced=(send.message_id,))
    )
    w.app.clock.advance(dt.timedelta(days=3))
    report = w.cycle()

    assert outcome == ReplyClass.BOUNCE and w.stage(ana) == LeadStage.LOST
    assert "ana@acme.example" in w.cam.suppressions and report.simulated == 0


def test_an_out_of_office_reply_leaves_the_stage_and_notes_it_on_the_timeline():
    w = world()
    ana = w.lead(w.campaign(), "ana@acme.example")
    w.cycle()

    outcome = _record(
        w, _reply("ana@acme.example", "I am out of the office until Monday with limited access to email.")
    )

    assert outcome == ReplyClass.OUT_OF_OFFICE
    assert w.stage(ana) == LeadStage.CONTACTED and w.cam.timeline(ana.id)[-1] == "reply classified out_of_office"
