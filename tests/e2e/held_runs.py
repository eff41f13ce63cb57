"""A run whose social posts still fail QC, held for a decision: the writer adds a claim QC
faults to every post and keeps it through revisions."""

from aicmo.orchestration.api import RunOptions, RunState, RunSummary
from aicmo.orchestration.composition import Application
from tests.briefs import example
from tests.fakes import FakeWriter

FLAW = "Guaranteed to change your mornings."
"""What the writer adds to every social post, and QC finds in it (an unsupported claim)."""


def flawed_writer() -> FakeWriter:
    return FakeWriter(FLAW, fixed_by_revision=False)


def held_run(app: Application) -> RunSummary:
    """A Northwind run of an app booted with `flawed_writer()`, waiting for approval."""
    run_id = app.workflows.start_client_to_delivery(
        example("northwind"), "northwind.yaml", app.settings.home / "deliveries", RunOptions(hold_on_fail=True)
    )
    run = app.workflows.wait(run_id, timeout_seconds=240)
    assert run.state == RunState.AWAITING_APPROVAL
    return run
