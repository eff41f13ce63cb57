"""Importing a CSV of leads on the fake repository: what is stored, counted and reported."""

import csv
import io

import pytest

from aicmo.cam.api import LeadStage
from aicmo.kernel.errors import InvalidInput
from tests.unit.app import IMPORTS
from tests.unit.cam.leads_world import CAMPAIGN, booted, csv_of


def test_new_leads_are_stored_scored_at_new_and_announced_once():
    app = booted()

    summary = app.modules.leads.import_csv(
        CAMPAIGN, csv_of("ana@beans.example,Beans Co,Coffee", "bo@steel.example,Steel Inc,Steel"), "leads.csv"
    )

    assert (summary.read, summary.accepted, summary.duplicates, summary.rejected) == (2, 2, 0, 0)
    assert summary.rejects_file is None and app.rejects.files == {}
    leads = {lead.email: lead for lead in app.modules.leads.leads(campaign=CAMPAIGN)}
    assert {lead.stage for lead in leads.values()} == {LeadStage.NEW}
    assert leads["ana@beans.example"].score > leads["bo@steel.example"].score
    assert "industry 'Coffee' fits the ICP (+25)" in leads["ana@beans.example"].score_reasons
    assert app.cam.published_types() == ["LeadIngested"]


def test_a_bad_row_is_rejected_with_its_line_and_reason_in_the_rejects_file():
    app = booted()

    summary = app.modules.leads.import_csv(
        CAMPAIGN, csv_of("ana@beans.example,Beans Co,Coffee", "not-an-address,Nowhere,Retail"), "leads.csv"
    )

    assert (summary.read, summary.accepted, summary.rejected) == (2, 1, 1)
    assert summary.rejects_file is not None and summary.rejects_file.startswith(f"{IMPORTS}/rejects-Coffee-")
    header, (line, reason, row) = csv.reader(io.StringIO(app.rejects.files[summary.rejects_file].decode()))
    assert header == ["row", "reason", "line"]
    assert (line, row) == ("3", "not-an-address,Nowhere,Retail")
    assert reason.startswith("email 'not-an-address' is not valid: An email address must have one @-sign")


def test_an_address_the_campaign_has_is_counted_as_a_duplicate_not_stored_again():
    app = booted()
    app.modules.leads.import_csv(CAMPAIGN, csv_of("ana@beans.example,Beans Co,Coffee"), "first.csv")

    again = app.modules.leads.import_csv(
        CAMPAIGN, csv_of(" ANA@beans.example,Beans Co,Coffee", "bo@beans.example,,", "Bo@beans.example,,"), "again.csv"
    )

    assert (again.read, again.accepted, again.duplicates) == (3, 1, 2)
    assert sorted(lead.email for lead in app.modules.leads.leads()) == ["ana@beans.example", "bo@beans.example"]


def test_a_file_that_cannot_be_read_is_refused_and_announces_nothing():
    app = booted()
    commits = app.cam.commits

    with pytest.raises(InvalidInput, match="line 3"):
        app.modules.leads.import_csv(CAMPAIGN, csv_of("ana@beans.example,Beans,Coffee", '"bo@beans.example,'), "x.csv")

    assert app.cam.published == [] and app.cam.commits == commits
