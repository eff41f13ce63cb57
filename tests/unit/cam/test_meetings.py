"""Meeting invitations on the fake unit of work: sent in the campaign's mode, then on the timeline."""

import datetime as dt

import pytest

from aicmo.cam.api.dtos import LeadId, LeadStage, SendingMode
from aicmo.cam.internal.use_cases.invite import invite
from aicmo.kernel.errors import Conflict, InvalidInput
from tests.unit.cam.outreach_world import World, world


def _invite(w: World, lead_id: LeadId, start: dt.datetime) -> None:
    mailers = {SendingMode.SIMULATION: w.simulation, SendingMode.LIVE: w.live}
    invite(w.uow, w.app.clock, mailers, "ana@agency.example", lead_id, start, 30, None)


def test_an_invitation_goes_out_with_its_calendar_file_and_moves_the_lead_to_meeting_once():
    w = world()
    lead = w.lead(w.campaign(), "ben@acme.example", stage=LeadStage.REPLIED)
    start = w.app.clock.now() + dt.timedelta(days=1)

    _invite(w, LeadId.parse(lead.id), start)
    _invite(w, LeadId.parse(lead.id), start + dt.timedelta(hours=1))

    first, second = w.simulation.sent
    assert first.to == "ben@acme.example" and first.subject == "Invitation: Intro call with Acme"
    assert first.attachments[0].name == "invite.ics" and b"BEGIN:VEVENT" in first.attachments[0].content
    assert w.stage(lead) == LeadStage.MEETING
    assert [entry.startswith("invitation") for entry in w.cam.timeline(lead.id)] == [False, True]
    assert second.to == first.to


def test_a_closed_lead_or_a_start_in_the_past_gets_no_invitation():
    w = world()
    spring = w.campaign()
    lost = w.lead(spring, "lost@acme.example", stage=LeadStage.LOST)
    open_lead = w.lead(spring, "ben@acme.example")

    with pytest.raises(Conflict, match="closed lead gets no meeting"):
        _invite(w, LeadId.parse(lost.id), w.app.clock.now() + dt.timedelta(days=1))
    with pytest.raises(InvalidInput, match="future start"):
        _invite(w, LeadId.parse(open_lead.id), w.app.clock.now() - dt.timedelta(hours=1))
    assert w.simulation.sent == []
