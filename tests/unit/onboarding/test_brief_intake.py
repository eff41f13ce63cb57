"""Onboarding's use cases booted on a fake unit of work: versions, intakes, archive, no database."""

import datetime as dt

import pytest

from aicmo.kernel.errors import NotFound
from aicmo.onboarding.api import BriefId, BriefVersionId
from tests.briefs import example
from tests.unit.app import bootstrap_test_app

NORTHWIND = example("northwind")


def test_a_first_capture_opens_the_intake_and_stores_version_1():
    app = bootstrap_test_app()

    record = app.modules.onboarding.capture(NORTHWIND, "northwind.yaml")

    assert record.version == 1 and record.client_name == "Northwind Roasters" and record.brief == NORTHWIND
    assert app.onboarding.published_types() == ["IntakeCaptured", "BriefValidated"]
    assert app.modules.onboarding.get_version(record.version_id) == record
    [intake] = app.modules.onboarding.intakes()
    assert intake.intake_id == record.intake_id and intake.has_brief and intake.source == "northwind.yaml"


def test_the_same_client_in_other_case_and_spacing_gets_the_next_version_of_one_brief():
    app = bootstrap_test_app()
    first = app.modules.onboarding.capture(NORTHWIND, "northwind.yaml")
    renamed = NORTHWIND.model_copy(
        update={"brand": NORTHWIND.brand.model_copy(update={"name": "  northwind   ROASTERS "})}
    )

    second = app.modules.onboarding.capture(renamed, "again.yaml")

    assert (second.brief_id, second.intake_id, second.version) == (first.brief_id, first.intake_id, 2)
    assert second.checksum != first.checksum
    assert app.onboarding.published_types() == ["IntakeCaptured", "BriefValidated", "BriefValidated"]


def test_a_capture_run_again_with_its_key_returns_the_first_version():
    app = bootstrap_test_app()
    first = app.modules.onboarding.capture(NORTHWIND, "northwind.yaml", key="run-1:capture")

    again = app.modules.onboarding.capture(example("minimal"), "other.yaml", key="run-1:capture")

    assert again == first
    assert len(app.onboarding.published) == 2


def test_archiving_is_idempotent_and_a_new_capture_makes_the_brief_active_again():
    app = bootstrap_test_app()
    record = app.modules.onboarding.capture(NORTHWIND, "northwind.yaml")

    app.modules.onboarding.archive(record.brief_id)
    app.clock.advance(dt.timedelta(hours=1))
    app.modules.onboarding.archive(record.brief_id)
    app.modules.onboarding.archive(BriefId.new())
    [brief] = app.onboarding.repository.briefs.values()
    archived_at = brief.archived_at

    app.modules.onboarding.capture(NORTHWIND, "northwind.yaml")

    assert archived_at is not None and archived_at < app.clock.now()
    assert brief.status == "active" and brief.archived_at is None


def test_a_won_deal_opens_one_intake_without_a_brief():
    app = bootstrap_test_app()
    opened = [
        app.modules.onboarding.open_intake(
            "Acme", contact_email="ana@acme.test", contact_name="Ana", origin="won lead 7", key="ClientSigned:1"
        )
        for _ in range(2)
    ]

    assert opened[0] == opened[1] and not opened[0].has_brief and opened[0].contact_email == "ana@acme.test"
    assert app.modules.onboarding.intakes() == [opened[0]]
    assert app.onboarding.published_types() == ["IntakeCaptured"]


def test_an_unknown_version_is_not_found():
    app = bootstrap_test_app()

    with pytest.raises(NotFound, match="no brief version"):
        app.modules.onboarding.get_version(BriefVersionId.new())
