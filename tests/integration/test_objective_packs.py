"""A brief whose goal is hiring or retention gets a pack that passes QC on its own, as one for
awareness, leads or sales does: each objective has calls to action enough for a whole pack. A
business nobody visits (an online shop) is never written as a place to drop by, and a firm that
sells a service to businesses (a bookkeeper) is never written as a software vendor."""

import json
from pathlib import Path

import pytest

from aicmo.onboarding.api import Brief, Objective
from aicmo.orchestration.composition import bootstrap, brief_parser
from aicmo.platform.settings import Settings
from aicmo.production.api import ContentPack
from aicmo.qc.api import QcReport
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
SOFTWARE_WORDS = ("vendor", "rollout", "automation", "security review", "demo", "IT and security", "launch date")


def _pack_and_report(home: Path, brief: Brief, name: str) -> tuple[ContentPack, QcReport]:
    with bootstrap(Settings(home=home), launch_durable=False) as app:
        record = app.onboarding.capture(brief, f"{name}.yaml")
        pack = app.production.generate_pack(record, app.strategy.generate(record))
        return pack, app.qc.evaluate(pack, brief)


def _blockers(report: QcReport) -> list[str]:
    return [f.message for f in report.findings if f.severity.value == "BLOCKER"]


def _copy(pack: ContentPack) -> str:
    return json.dumps([item.fields for item in pack.items], ensure_ascii=False)


@pytest.mark.parametrize("objective", [Objective.HIRING, Objective.RETENTION, Objective.AWARENESS])
@pytest.mark.parametrize("name", ["northwind", "bike-shop"])
def test_an_online_business_pack_for_any_objective_passes_qc_and_invites_no_visit(tmp_path, name, objective):
    pack, report = _pack_and_report(tmp_path, with_goal(any_brief(name), objective=objective), name)

    assert report.passed, _blockers(report)
    copy = _copy(pack)
    assert not [line for line in VENUE_LINES if line in copy]


@pytest.mark.parametrize("objective", [Objective.AWARENESS, Objective.LEADS, Objective.HIRING])
def test_a_sparse_b2b_service_firm_pack_passes_qc_and_reads_as_no_software_vendor(tmp_path, objective):
    name = "bookkeeping-firm"
    pack, report = _pack_and_report(tmp_path, with_goal(any_brief(name), objective=objective), name)

    assert not _blockers(report)
    assert report.passed
    copy = _copy(pack).casefold()
    assert not [word for word in SOFTWARE_WORDS if word.casefold() in copy]


@pytest.mark.parametrize("objective", [Objective.SALES, Objective.LEADS, Objective.AWARENESS])
def test_a_sparse_online_shop_pack_passes_qc_for_sales_leads_and_awareness(tmp_path, objective):
    path = Path(__file__).resolve().parents[1] / "unit" / "creatives" / "briefs" / "ceramics-shop.yaml"
    brief = with_goal(brief_parser().parse_brief(path.read_bytes(), path.name), objective=objective)

    _, report = _pack_and_report(tmp_path, brief, "ceramics-shop")

    assert not _blockers(report)


JOB_SEEKER_WORDS = ("work at", "working at", "job", "role", "colleague", "join the team", "apply")
NEWCOMER_WORDS = ("first look", "first step", "new to", "welcome to", "first time")


def _texts(pack: ContentPack, *fields: str) -> list[str]:
    return [str(item.fields[f]) for item in pack.items for f in fields if f in item.fields]


@pytest.mark.parametrize("name", ["zen-studio", "northwind", "bike-shop", "family-dentist"])
def test_a_hiring_pack_speaks_to_job_seekers_and_targets_no_customers(tmp_path, name):
    brief = with_goal(any_brief(name), objective=Objective.HIRING)
    pack, report = _pack_and_report(tmp_path, brief, name)

    assert report.passed, _blockers(report)
    hooks = [text.casefold() for text in _texts(pack, "hook", "headline")]
    assert sum(any(word in hook for word in JOB_SEEKER_WORDS) for hook in hooks) >= len(hooks) // 2
    ads = [item.fields for item in pack.items if item.kind == "ad"]
    assert ads
    assert not [ad for ad in ads if str(brief.audience.primary) in ad["audience"]]


@pytest.mark.parametrize("name", ["bike-shop", "northwind", "family-dentist"])
def test_a_retention_pack_speaks_to_existing_customers_not_newcomers(tmp_path, name):
    pack, report = _pack_and_report(tmp_path, with_goal(any_brief(name), objective=Objective.RETENTION), name)

    assert report.passed, _blockers(report)
    copy = _copy(pack).casefold()
    assert not [word for word in NEWCOMER_WORDS if word in copy]
