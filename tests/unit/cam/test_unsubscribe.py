"""Unsubscribing and the campaign book on the fake unit of work."""

import pytest

from aicmo.cam.api.dtos import LeadStage, MessageVariant, NewCampaign, SequenceStep
from aicmo.cam.internal.use_cases.set_sequence import set_sequence
from aicmo.cam.internal.use_cases.unsubscribe import unsubscribe
from aicmo.kernel.errors import Conflict, InvalidInput, NotFound
from tests.unit.cam.outreach_world import LINKS, token, world


def test_the_link_suppresses_the_address_and_closes_its_open_leads_in_every_campaign():
    w = world()
    spring, autumn = w.campaign("Spring"), w.campaign("Autumn")
    ana, again = w.lead(spring, "ana@acme.example"), w.lead(autumn, "Ana@Acme.example")
    won = w.lead(autumn, "ana@acme.example ", stage=LeadStage.WON)

    address = unsubscribe(w.uow, w.app.clock, LINKS, token(ana))
    twice = unsubscribe(w.uow, w.app.clock, LINKS, token(ana))
    report = w.cycle()

    assert address == twice == "ana@acme.example"
    assert w.stage(ana) == w.stage(again) == LeadStage.LOST and w.stage(won) == LeadStage.WON
    assert "ana@acme.example" in w.cam.suppressions and report.simulated == 0


def test_a_link_not_signed_by_this_installation_is_refused():
    w = world()
    ana = w.lead(w.campaign(), "ana@acme.example")

    with pytest.raises(InvalidInput, match="not one of ours"):
        unsubscribe(w.uow, w.app.clock, LINKS, token(ana)[:-3] + "abc")
    assert w.cam.suppressions == {}


def test_campaign_names_are_unique_and_a_missing_one_says_how_to_create_it():
    w = world()
    w.campaign("Spring")

    with pytest.raises(Conflict, match="exists already"):
        w.app.modules.campaigns.create(NewCampaign(name="Spring"))
    with pytest.raises(NotFound, match="aicmo cam campaign create 'Winter'"):
        w.app.modules.campaigns.set_paused("Winter", True)
    assert [c.name for c in w.app.modules.campaigns.campaigns()] == ["Spring"]


def test_a_sequence_with_a_token_no_lead_has_is_refused_naming_where_it_is():
    w = world()
    w.campaign("Spring")
    bad = SequenceStep(delay_days=0, variants=[MessageVariant(name="a", subject="Hi {{nickname}}", body="Hello")])

    with pytest.raises(InvalidInput) as refused:
        set_sequence(w.uow, "Spring", [bad])

    assert [p.field for p in refused.value.problems] == ["steps[0].variants[0]"]
    assert "unknown token {{nickname}}" in refused.value.problems[0].message
