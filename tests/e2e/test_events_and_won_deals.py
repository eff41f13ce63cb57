"""A won deal becomes a client through the event outbox: delivered once, even when
delivered again, and not lost when the process dies between commit and dispatch."""

import subprocess
import sys
import uuid

import pytest
from sqlalchemy import update

from aicmo.cam.api import ClientSigned, LeadStage, NewCampaign
from aicmo.kernel.clock import SystemClock, utc_now
from aicmo.kernel.errors import NotFound
from aicmo.orchestration.api import DeliveryState
from aicmo.orchestration.composition import bootstrap
from aicmo.orchestration.internal.events.dispatcher import EventDispatcher
from aicmo.orchestration.internal.events.subscription import Subscription
from aicmo.orchestration.internal.events.models import EventDeliveryRow

pytestmark = pytest.mark.e2e
LEADS = b"Email,First Name,Last Name,Company\r\njane@acme.io,Jane,Doe,Acme Coffee\r\nraj@widgets.co,Raj,Rao,Widgets\r\n"


def signed_lead(app):
    app.campaigns.create(NewCampaign(name="Coffee brands"))
    app.leads.import_csv("Coffee brands", LEADS, "leads.csv")
    lead = next(lead for lead in app.leads.leads() if lead.email == "jane@acme.io")
    app.leads.advance(lead.lead_id, LeadStage.MEETING, "Demo booked")
    return app.leads.won(lead.lead_id, "Signed")


def test_a_won_deal_opens_one_intake_even_when_the_event_is_delivered_again(settings):
    with bootstrap(settings, launch_durable=False) as app:
        won = signed_lead(app)
        first = app.events.dispatch()
        again = app.events.dispatch()
        with app.db.session_for("orchestration") as session:
            session.execute(
                update(EventDeliveryRow).values(
                    status=DeliveryState.PROCESSING, updated_at=utc_now().replace(year=2020)
                )
            )
        redelivered = app.events.dispatch()
        intakes = app.onboarding.intakes()
        [record] = app.events.events()

    assert won.lead.stage == LeadStage.WON and [e.kind for e in won.timeline] == ["imported", "stage", "stage"]
    assert (first.completed, again.completed, redelivered.completed) == (1, 0, 1)
    assert [(i.client_name, i.contact_email, i.contact_name, i.has_brief) for i in intakes] == [
        ("Acme Coffee", "jane@acme.io", "Jane Doe", False)
    ]
    assert (record.event_type, record.state, record.attempts) == ("ClientSigned", DeliveryState.COMPLETED, 2)


def test_an_event_committed_before_a_crash_is_dispatched_after_it(settings, tmp_path):
    script = (
        "import os\n"
        "from aicmo.orchestration.composition import bootstrap\n"
        "from aicmo.platform.settings import Settings\n"
        "from tests.e2e.test_events_and_won_deals import signed_lead\n"
        f"app = bootstrap(Settings.model_validate_json({settings.model_dump_json()!r}), launch_durable=False)\n"
        "signed_lead(app)\n"
        "os._exit(137)\n"
    )
    crashed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert crashed.returncode == 137, crashed.stderr

    with bootstrap(settings, launch_durable=False) as app:
        before = [r.state for r in app.events.events()]
        report = app.events.dispatch()
        intakes = app.onboarding.intakes()

    assert before == [DeliveryState.PUBLISHED]
    assert report.completed == 1 and [i.client_name for i in intakes] == ["Acme Coffee"]


def test_a_failing_subscriber_is_retried_kept_as_failed_and_resubmitted(settings):
    calls = []

    def flaky(signed: ClientSigned) -> None:
        calls.append(signed.event_id)
        if len(calls) <= 3:
            raise ConnectionError("CRM is down")

    with bootstrap(settings, launch_durable=False) as app:
        signed_lead(app)
        bus = EventDispatcher(app.db, SystemClock(), [Subscription(ClientSigned, "crm.sync", flaky)])
        reports = [bus.dispatch() for _ in range(4)]
        [failed] = bus.events(failed_only=True)
        resubmitted = bus.resubmit(failed.event_id)
        final = bus.dispatch()
        [done] = bus.events()

    assert [(r.completed, r.failed) for r in reports] == [(0, 1), (0, 1), (0, 1), (0, 0)], "three tries, then it waits"
    assert failed.last_error == "ConnectionError: CRM is down" and failed.attempts == 3
    assert resubmitted[0].state == DeliveryState.RESUBMITTED
    assert (final.completed, done.state, done.attempts) == (1, DeliveryState.COMPLETED, 4)


def test_resubmitting_an_unknown_event_is_refused(settings):
    with bootstrap(settings, launch_durable=False) as app, pytest.raises(NotFound, match="no event"):
        app.events.resubmit(uuid.uuid4())
