"""The funnels the dashboard and the campaigns page draw, on the fake repository."""

import pytest

from aicmo.cam.api import LeadStage, NewCampaign
from aicmo.kernel.errors import NotFound
from tests.unit.cam.leads_world import CAMPAIGN, booted, csv_of


def test_each_stage_counts_its_leads_per_campaign_and_in_all():
    app = booted()
    app.modules.campaigns.create(NewCampaign(name="Tea"))
    app.modules.campaigns.create(NewCampaign(name="Empty"))
    app.modules.leads.import_csv(CAMPAIGN, csv_of(*(f"lead{n}@beans.example,," for n in range(5))), "a.csv")
    app.modules.leads.import_csv("Tea", csv_of("ana@tea.example,,", "bo@tea.example,,"), "b.csv")
    first, second, *_ = app.modules.leads.leads(campaign=CAMPAIGN)
    app.modules.leads.advance(first.lead_id, LeadStage.QUALIFIED)
    app.modules.leads.won(second.lead_id)

    coffee = app.modules.leads.funnel(CAMPAIGN)

    assert list(coffee) == list(LeadStage)
    assert (coffee[LeadStage.NEW], coffee[LeadStage.QUALIFIED], coffee[LeadStage.WON]) == (3, 1, 1)
    assert sum(app.modules.leads.funnel().values()) == 7 and app.modules.leads.funnel()[LeadStage.NEW] == 5
    assert set(app.modules.leads.funnel("Empty").values()) == {0}
    funnels = app.modules.leads.campaign_funnels()
    assert funnels[first.campaign_id] == coffee and len(funnels) == 2


def test_the_funnel_of_an_unknown_campaign_names_it():
    app = booted()

    with pytest.raises(NotFound, match="'Tea'"):
        app.modules.leads.funnel("Tea")
