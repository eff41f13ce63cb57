"""A brief whose goal is hiring or retention gets a pack that passes QC on its own, as one for
awareness, leads or sales does: each objective has calls to action enough for a whole pack. A
business nobody visits (an online shop) is never written as a place to drop by."""

import json

import pytest

from aicmo.onboarding.api import Objective
from aicmo.orchestration.composition import bootstrap
from aicmo.platform.settings import Settings
from tests.unit.strategy.plan_briefs import any_brief, with_goal

VENUE_LINES = (
    "Come and find us.",
    "Stop by when you have a moment.",
    "Every visit feels a little like coming home.",
    "We are part of the neighbourhood, and proud of it.",
    "Bring a friend; it is more fun together.",
    "Come when it suits you, and take your time.",
    "Pass this on to a neighbour who has not found us yet.",
)


@pytest.mark.parametrize("objective", [Objective.HIRING, Objective.RETENTION, Objective.AWARENESS])
@pytest.mark.parametrize("name", ["northwind", "bike-shop"])
def test_an_online_business_pack_for_any_objective_passes_qc_and_invites_no_visit(tmp_path, name, objective):
    brief = with_goal(any_brief(name), objective=objective)
    with bootstrap(Settings(home=tmp_path), launch_durable=False) as app:
        record = app.onboarding.capture(brief, f"{name}.yaml")
        pack = app.production.generate_pack(record, app.strategy.generate(record))
        report = app.qc.evaluate(pack, brief)

    assert report.passed, [f.message for f in report.findings if f.severity.value == "BLOCKER"]
    copy = json.dumps([item.fields for item in pack.items], ensure_ascii=False)
    assert not [line for line in VENUE_LINES if line in copy]
