"""A worker's cycle on the fake unit of work: who gets which step, when, and what stops it."""

import datetime as dt

from aicmo.cam.api.dtos import LeadStage, SendingMode, SkipReason
from aicmo.cam.internal.use_cases.unsubscribe import suppress
from tests.unit.cam.outreach_world import FIRST, FOLLOW_UP, LINKS, world


def test_each_due_lead_gets_the_first_step_once_and_becomes_contacted():
    w = world()
    spring = w.campaign()
    ana, ben = w.lead(spring, "ana@acme.example"), w.lead(spring, "ben@acme.example")

    report = w.cycle()
    again = w.cycle()

    assert report.simulated == 2 and report.skipped == {}
    assert sorted(w.simulation.recipients()) == ["ana@acme.example", "ben@acme.example"]
    assert w.simulation.sent[0].subject in ("Hello Ana", "Hello Ben")
    assert w.stage(ana) == w.stage(ben) == LeadStage.CONTACTED
    assert again.simulated == 0 and len(w.simulation.sent) == 2


def test_the_follow_up_waits_for_its_delay():
    w = world()
    w.lead(w.campaign(steps=(FIRST, FOLLOW_UP)), "ana@acme.example")
    w.cycle()

    w.app.clock.advance(dt.timedelta(days=2))
    early = w.cycle()
    w.app.clock.advance(dt.timedelta(days=1))
    due = w.cycle()

    assert early.simulated == 0
    assert due.simulated == 1 and w.simulation.sent[-1].subject == "Still there?"


def test_the_daily_cap_sends_the_best_scored_leads_and_the_rest_the_next_day():
    w = world()
    spring = w.campaign(daily_cap=2)
    w.lead(spring, "low@acme.example", score=10)
    w.lead(spring, "top@acme.example", score=90)
    w.lead(spring, "mid@acme.example", score=60)

    today = w.cycle()
    w.app.clock.advance(dt.timedelta(days=1))
    tomorrow = w.cycle()

    assert today.simulated == 2 and today.skipped == {SkipReason.DAILY_CAP: 1}
    assert w.simulation.recipients() == ["top@acme.example", "mid@acme.example", "low@acme.example"]
    assert tomorrow.simulated == 1


def test_a_paused_campaign_sends_nothing_until_it_is_resumed():
    w = world()
    w.lead(w.campaign(), "ana@acme.example")
    w.app.modules.campaigns.set_paused(None, True)

    paused = w.cycle()
    [resumed] = w.app.modules.campaigns.set_paused("Spring", False)
    sent = w.cycle()

    assert paused.simulated == 0 and paused.skipped == {SkipReason.CAMPAIGN_PAUSED: 1}
    assert not resumed.paused and sent.simulated == 1


def test_outside_the_window_nothing_is_sent_and_the_due_steps_are_counted():
    w = world()
    w.lead(w.campaign(window_start=dt.time(13), window_end=dt.time(17)), "ana@acme.example")

    report = w.cycle()

    assert report.skipped == {SkipReason.OUTSIDE_WINDOW: 1} and w.simulation.sent == []


def test_a_suppressed_address_or_domain_is_never_mailed_nor_due_again():
    w = world()
    spring = w.campaign()
    w.lead(spring, "ana@acme.example")
    w.lead(spring, "ceo@blocked.example")
    w.lead(spring, "ben@acme.example")

    suppress(w.uow, w.app.clock, "blocked.example", "asked by phone")
    suppress(w.uow, w.app.clock, "BEN@acme.example", "bounced before")
    first = w.cycle()
    second = w.cycle()

    assert w.simulation.recipients() == ["ana@acme.example"]
    assert first.skipped == {SkipReason.SUPPRESSED: 2} and second.skipped == {}


def test_live_sending_without_a_server_skips_and_a_refusal_fails_that_lead_only():
    without = world(live_mailer=False)
    without.lead(without.campaign(mode=SendingMode.LIVE), "ana@acme.example")
    refused = world()
    refused.lead(refused.campaign(mode=SendingMode.LIVE), "ana@acme.example")
    assert refused.live is not None
    refused.live.refusing = "server said no"

    skipped = without.cycle()
    failed = refused.cycle()

    assert skipped.skipped == {SkipReason.NO_SMTP: 1}
    assert failed.skipped == {SkipReason.SEND_FAILED: 1}
    [lead] = refused.cam.leads_by_id.values()
    assert (
        lead.stage == LeadStage.NEW
        and "failed" in refused.cam.timeline(lead.id)[-1]
        and "server said no" in refused.cam.timeline(lead.id)[-1]
    )


def test_a_live_message_carries_the_one_click_unsubscribe_link():
    w = world()
    lead = w.lead(w.campaign(mode=SendingMode.LIVE), "ana@acme.example")

    w.cycle()

    assert w.live is not None
    [message] = w.live.sent
    assert message.headers["List-Unsubscribe"] == f"<{LINKS.link(lead.id)}>"
    assert (
        message.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click" and LINKS.link(lead.id) in message.body
    )


def test_a_lead_without_reply_after_the_last_step_is_closed_as_lost():
    w = world()
    ana = w.lead(w.campaign(reply_timeout_days=7), "ana@acme.example")
    w.cycle()

    w.app.clock.advance(dt.timedelta(days=6))
    waiting = w.cycle()
    w.app.clock.advance(dt.timedelta(days=1))
    closed = w.cycle()

    assert waiting.timed_out == 0 and closed.timed_out == 1
    assert w.stage(ana) == LeadStage.LOST and "no reply 7 days after the last step" in w.cam.timeline(ana.id)[-1]
