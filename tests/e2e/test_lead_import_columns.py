"""An imported lead reads back as it was written, on SQLite and Postgres alike: its fields,
its score, grade and reasons, the time of the import, an id its timeline opens by."""

import datetime as dt

import pytest

from aicmo.cam.api import IcpRules, LeadStage, NewCampaign
from aicmo.kernel.clock import FixedClock
from aicmo.orchestration.composition import bootstrap

pytestmark = pytest.mark.e2e
NOW = dt.datetime(2027, 3, 1, 10, 30, 15, 123456, tzinfo=dt.UTC)
ICP = IcpRules(industries=["Coffee"], titles=["CMO"], min_company_size=10, max_company_size=500)
LEADS = (
    "Email,First Name,Company,Title,Industry,Employees\r\n"
    "ana@roast.example,Ana,Roast,CMO,Specialty Coffee,11-50\r\n"
    'bo@steel.example,,"Steel, Inc.",Engineer,,Zoë\r\n'
).encode()


def test_an_imported_lead_reads_back_with_its_fields_score_and_reasons(settings):
    with bootstrap(settings, clock=FixedClock(NOW), launch_durable=False) as app:
        app.campaigns.create(NewCampaign(name="Columns", icp=ICP))
        app.leads.import_csv("Columns", LEADS, "leads.csv")
        leads = {lead.email: lead for lead in app.leads.leads(campaign="Columns")}
        timeline = app.leads.lead(leads["ana@roast.example"].lead_id).timeline

    ana, bo = leads["ana@roast.example"], leads["bo@steel.example"]
    assert (ana.first_name, ana.company, ana.company_size, ana.stage, ana.created_at) == (
        "Ana",
        "Roast",
        "11-50",
        LeadStage.NEW,
        NOW,
    )
    assert (ana.score, ana.grade, ana.score_reasons) == (
        70,
        "B",
        [
            "industry 'Specialty Coffee' fits the ICP (+25)",
            "title 'CMO' fits the ICP (+20)",
            "company size 50 fits the ICP (+10)",
        ],
    )
    assert (bo.first_name, bo.company, bo.industry, bo.score, bo.grade) == (None, "Steel, Inc.", None, 0, "D")
    assert bo.score_reasons == [
        "industry 'unknown' is outside the ICP",
        "title 'Engineer' is outside the ICP",
        "company size 'Zoë' is outside the ICP",
    ]
    assert timeline[0].detail == "from leads.csv, score 70 (B)"
