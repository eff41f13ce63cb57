"""A run is approved only when its latest QC report has no open BLOCKER: each is waived with a
reason (or edited away) first. On QC booted in memory."""

import pytest

from aicmo.kernel.errors import Conflict
from aicmo.orchestration.api import RunId, RunState, RunSummary
from aicmo.orchestration.internal.blockers import refuse_open_blockers
from aicmo.qc.api import QcReport
from tests.unit.app import START, bootstrap_test_app
from tests.unit.qc.packs import BRIEF, DISCLAIMER, item, pack

FAULTY = f"Not cheap. Just good coffee. {DISCLAIMER}"


def approvable(app, report: QcReport | None) -> bool:
    """Whether the gate lets a run waiting on `report` be approved."""
    try:
        refuse_open_blockers(app.modules.qc, waiting(report))
    except Conflict:
        return False
    return True


def waiting(report: QcReport | None) -> RunSummary:
    return RunSummary(
        run_id=RunId.new(),
        workflow="client_to_delivery",
        client_name="Northwind Roasters",
        state=RunState.AWAITING_APPROVAL,
        current_step="await_approval",
        started_at=START,
        updated_at=START,
        finished_at=None,
        error=None,
        folder="/tmp/northwind",
        package_id=None,
        qc_score=None if report is None else report.score,
        qc_run_id=None if report is None else str(report.run_id),
    )


def test_a_run_with_an_open_blocker_is_refused_with_how_to_clear_it():
    app = bootstrap_test_app()
    report = app.modules.qc.evaluate(pack(item(body=FAULTY), item(body=FAULTY, position=1)), BRIEF)

    with pytest.raises(Conflict) as refused:
        refuse_open_blockers(app.modules.qc, waiting(report))

    message = str(refused.value)
    assert message == "2 blockers open — waive each with a reason or edit the items, then approve"


def test_once_every_blocker_is_waived_with_a_reason_the_run_may_be_approved():
    app = bootstrap_test_app()
    report = app.modules.qc.evaluate(pack(item(body=FAULTY)), BRIEF)
    [blocker] = report.findings
    refused_before = not approvable(app, report)

    app.modules.qc.waive(blocker.finding_id, "The client uses the word on purpose.", by="op@agency.example")

    assert refused_before and approvable(app, report)


def test_a_clean_report_or_none_yet_lets_the_run_through():
    app = bootstrap_test_app()
    clean = app.modules.qc.evaluate(pack(item()), BRIEF)

    assert approvable(app, clean) and approvable(app, None)
