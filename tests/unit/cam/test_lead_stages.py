"""An operator's stage moves on the fake repository: the timeline, refusals, a won client."""

import pytest

from aicmo.cam.api import LeadId, LeadStage, TimelineKind
from aicmo.kernel.errors import Conflict, InvalidInput, NotFound
from tests.unit.cam.leads_world import CAMPAIGN, booted, csv_of


def imported(row: str):
    """The application with one lead, imported from `row`, and the lead's id."""
    app = booted()
    app.modules.leads.import_csv(CAMPAIGN, csv_of(row, header="email,first_name,last_name,company"), "leads.csv")
    [lead] = app.modules.leads.leads()
    return app, lead.lead_id


def test_a_stage_move_lands_on_the_timeline_after_the_import_with_its_note():
    app, lead_id = imported("ana@beans.example,Ana,Silva,Beans Co")

    moved = app.modules.leads.advance(lead_id, LeadStage.QUALIFIED, "asked for prices")

    assert moved.lead.stage == LeadStage.QUALIFIED
    assert [entry.kind for entry in moved.timeline] == [TimelineKind.IMPORTED, TimelineKind.STAGE]
    assert moved.timeline[0].detail.startswith("from leads.csv, score ")
    assert moved.timeline[1].detail.startswith("NEW → QUALIFIED, score ")
    assert moved.timeline[1].detail.endswith(": asked for prices")
    assert app.modules.leads.lead(lead_id) == moved


def test_a_won_lead_becomes_a_signed_client_and_moves_no_more():
    app, lead_id = imported("ana@beans.example,Ana,Silva,Beans Co")

    won = app.modules.leads.won(lead_id, "signed the retainer")
    with pytest.raises(Conflict, match="already WON; a closed lead does not move"):
        app.modules.leads.advance(lead_id, LeadStage.LOST)

    [signed] = [event for event in app.cam.published if event.event_type() == "ClientSigned"]
    assert (signed.company, signed.contact_email, signed.contact_name) == ("Beans Co", "ana@beans.example", "Ana Silva")
    assert app.modules.leads.lead(lead_id).timeline == won.timeline


def test_a_won_lead_without_a_company_is_signed_by_its_domain():
    app, lead_id = imported("bo@steel.example,,,")

    app.modules.leads.won(lead_id)

    signed = app.cam.published[-1]
    assert (signed.company, signed.contact_name) == ("steel.example", None)


def test_a_typed_prefix_finds_its_lead_and_a_wrong_one_is_explained():
    app, lead_id = imported("ana@beans.example,Ana,,")

    assert app.modules.leads.resolve(str(lead_id)[:8].upper()) == lead_id
    with pytest.raises(InvalidInput, match="at least 4"):
        app.modules.leads.resolve("ab")
    other = next(digit for digit in "0123456789abcdef" if digit != str(lead_id)[0])
    with pytest.raises(NotFound, match="`aicmo cam leads`"):
        app.modules.leads.resolve(other * 8)


def test_an_unknown_lead_is_not_found_and_not_moved():
    app, lead_id = imported("ana@beans.example,Ana,,")
    commits = app.cam.commits

    with pytest.raises(NotFound, match="list them with `aicmo cam leads`"):
        app.modules.leads.advance(LeadId.new(), LeadStage.QUALIFIED)
    assert app.cam.commits == commits and app.modules.leads.lead(lead_id).lead.stage == LeadStage.NEW


def test_a_listing_names_each_lead_by_the_shortest_prefix_no_other_lead_shares_and_it_finds_the_lead():
    app = booted()
    app.modules.leads.import_csv(CAMPAIGN, csv_of("ana@beans.example,,", "bo@roast.example,,"), "leads.csv")
    ana, bo = app.modules.leads.leads()
    store = app.cam.repository.leads_by_id
    sharing_ten = str(ana.lead_id)[:10] + ("0" if str(ana.lead_id)[10] != "0" else "1") + str(ana.lead_id)[11:]
    twin = LeadId.parse(sharing_ten)
    store[twin] = store.pop(bo.lead_id)
    store[twin].id = twin

    short = app.modules.leads.short_ids([ana.lead_id, twin])

    assert short[ana.lead_id] == str(ana.lead_id)[:11] and short[twin] == sharing_ten[:11]
    assert app.modules.leads.resolve(short[ana.lead_id]) == ana.lead_id
