"""Claims and leases on the fake unit of work: a silent worker's claims go back to the pool,
and a worker whose claims were taken stops instead of sending twice."""

import datetime as dt

from aicmo.cam.api.dtos import SkipReason
from aicmo.cam.internal.claims import Sent
from aicmo.cam.internal.sending_policy import CLAIMED, SIMULATED
from aicmo.cam.internal.use_cases.campaigns_to_send import campaigns_to_send
from aicmo.cam.internal.use_cases.claim_due_steps import claim_due_steps
from aicmo.cam.internal.use_cases.record_sends import record_sends
from aicmo.cam.internal.use_cases.release_claims import release_claims
from aicmo.cam.internal.use_cases.workers import STALE, STOPPED, beat, register_worker, worker_statuses
from tests.unit.cam.outreach_world import LEASE, world


def _claim(w, worker_id):
    [(campaign, steps)] = campaigns_to_send(w.uow)
    return claim_due_steps(w.uow, w.app.clock, worker_id, campaign.campaign_id, steps, w.app.clock.now(), batch=10)


def test_the_claims_of_a_worker_silent_past_its_lease_are_released_and_sent_by_another():
    w = world()
    ana = w.lead(w.campaign(), "ana@acme.example")
    silent = register_worker(w.uow, w.app.clock)
    claimed = _claim(w, silent)

    w.app.clock.advance(LEASE + dt.timedelta(seconds=1))
    report = w.cycle()

    assert [c.lead.id for c in claimed.claims] == [ana.id]
    assert report.released == 1 and report.simulated == 1
    assert any(f"claim of silent worker {silent} was released" in entry for entry in w.cam.timeline(ana.id))


def test_a_fresh_workers_claims_hold_and_nobody_else_sends_them():
    w = world()
    w.lead(w.campaign(), "ana@acme.example")
    busy = register_worker(w.uow, w.app.clock)
    _claim(w, busy)

    report = w.cycle()

    assert report.released == 0 and report.simulated == 0 and w.simulation.sent == []


def test_a_stopped_worker_holds_nothing_even_within_its_lease():
    w = world()
    w.lead(w.campaign(), "ana@acme.example")
    stopped = register_worker(w.uow, w.app.clock)
    _claim(w, stopped)
    beat(w.uow, w.app.clock, stopped, STOPPED)

    assert release_claims(w.uow, w.app.clock, register_worker(w.uow, w.app.clock), LEASE) == 1


def test_a_worker_whose_claims_were_taken_records_nothing_and_counts_them_lost():
    w = world()
    w.lead(w.campaign(), "ana@acme.example")
    slow = register_worker(w.uow, w.app.clock)
    [claim] = _claim(w, slow).claims
    w.app.clock.advance(LEASE + dt.timedelta(seconds=1))
    release_claims(w.uow, w.app.clock, register_worker(w.uow, w.app.clock), LEASE)

    outcomes = record_sends(w.uow, w.app.clock, slow, [Sent(claim, "Hello Ana", "<late@x>", SIMULATED, None)])

    assert outcomes == {SkipReason.CLAIM_LOST: 1}
    assert all(send.status != CLAIMED and send.message_id != "<late@x>" for send in w.cam.sends.values())


def test_the_worker_list_shows_a_silent_worker_as_stale_and_a_stopped_one_as_stopped():
    w = world()
    silent = register_worker(w.uow, w.app.clock)
    stopped = register_worker(w.uow, w.app.clock)
    beat(w.uow, w.app.clock, stopped, STOPPED)

    w.app.clock.advance(LEASE * 2)
    statuses = {status.worker_id: status.status for status in worker_statuses(w.uow, w.app.clock, LEASE)}

    assert statuses == {silent: STALE, stopped: STOPPED}
