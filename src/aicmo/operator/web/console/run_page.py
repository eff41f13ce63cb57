"""A run's page: its steps, its pack with QC findings, what the viewer may do on it, the
decisions and edits made so far, and the files of its delivered package."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from aicmo.accounts.api import User
from aicmo.delivery.api import Package, PackageId
from aicmo.kernel.errors import NotFound
from aicmo.operator.web.access import may_decide, works_for_the_agency
from aicmo.operator.web.console.context import Console
from aicmo.operator.web.console.run_view import pack_view
from aicmo.orchestration.api import RunState, RunSummary
from aicmo.orchestration.composition import Application

HISTORY = 100
"""The newest entries about the run that its page lists."""


def delivered_package(app: Application, run: RunSummary) -> Package | None:
    if run.package_id is None:
        return None
    try:
        return app.delivery.get(PackageId.parse(run.package_id))
    except NotFound:
        return None


def render_run(
    console: Console, request: Request, user: User, run: RunSummary, status: int = 200, **problems: object
) -> Response:
    """The page; `problems` are the messages of a refused form, by what the form was for."""
    app = console.app
    return console.render(
        request,
        "run.html",
        user,
        status,
        run=run,
        steps=app.workflows.steps(run.run_id),
        pack=pack_view(app, run),
        may_decide=may_decide(user, run),
        may_edit=works_for_the_agency(user) and run.state == RunState.AWAITING_APPROVAL,
        may_waive=works_for_the_agency(user) and not run.state.finished,
        history=app.audit.entries(HISTORY, target=str(run.run_id)),
        package=delivered_package(app, run),
        edited=request.query_params.get("edited"),
        problems=problems,
    )
