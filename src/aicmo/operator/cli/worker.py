"""`aicmo worker`: runs workflows from the queue, dispatches events, takes over from the dead.

Several workers on one Postgres database share the work: DBOS hands each queued run to
one worker (SELECT … FOR UPDATE SKIP LOCKED); a worker that stops beating is declared dead
by the others, and one of them — the one whose claim succeeds — resumes its runs.
"""

from __future__ import annotations

import signal
import threading
import time

from aicmo.operator.cli.console import EXIT_OK, err, out, user_errors
from aicmo.orchestration.api import RunState
from aicmo.orchestration.composition import Application, bootstrap

CYCLE_SECONDS = 1.0


@user_errors
def run_worker(*, once: bool) -> int:
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    with bootstrap(process_kind="worker", serve_run_queue=True) as app:
        out.print(f"worker {app.executors.executor} started; Ctrl-C stops it", markup=False)
        while not stop.is_set():
            resumed = app.workflows.recover()
            if resumed:
                out.print(f"took over {len(resumed)} run(s) from a dead process", markup=False)
            report = app.events.dispatch()
            if report.completed or report.failed:
                out.print(f"events: {report.completed} delivered, {report.failed} failed", markup=False)
            if once:
                _finish_queued(app)
                break
            stop.wait(CYCLE_SECONDS)
    err.print("worker stopped", markup=False)
    return EXIT_OK


def _finish_queued(app: Application) -> None:
    """--once: wait until no run is queued or running (runs waiting for a decision stay parked)."""
    while any(run.state == RunState.RUNNING for run in app.workflows.list_runs(500)):
        time.sleep(0.1)
