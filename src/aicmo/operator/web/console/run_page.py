"""A run's page, shared by the routes that show it: the run, its steps, its pack with what the
viewer may do on it, the decision forms, the decisions and edits made so far, the files of its
delivered package and, for the agency, its client review links."""

from __future__ import annotations

from fastapi import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from aicmo.accounts.api import User
from aicmo.delivery.api import Package, PackageId
from aicmo.kernel.errors import InvalidInput, NotFound
from aicmo.operator.web.access import may_decide, package_seen_by, works_for_the_agency
from aicmo.operator.web.console.context import Console
from aicmo.operator.web.console.run_view import pack_view
from aicmo.operator.web.portal.review_desk import ReviewDesk
from aicmo.orchestration.api import RunState, RunSummary
from aicmo.orchestration.composition import Application

HISTORY = 100
"""The newest audit entries about the run that its page lists, oldest first so their numbers
read in the order things happened."""
NOT_IN_HISTORY = {"package.download"}
"""Entries about the run that its list of decisions and edits leaves to the audit log."""


def visible_run(console: Console, user: User, typed: str) -> RunSummary:
    """The run `typed` names (an id or a unique prefix), when `user` may see it."""
    workflows = console.app.workflows
    try:
        run = workflows.get_run(workflows.resolve(typed))
    except (InvalidInput, NotFound):
        raise HTTPException(404, "There is no such run.") from None
    if not user.may_see(run.client_name):
        raise HTTPException(403, "This run belongs to a client you do not review.")
    return run


def require_agency(user: User, what: str) -> None:
    """Refuse (403) a client's reviewer doing what only the agency's users do."""
    if not works_for_the_agency(user):
        raise HTTPException(403, f"A client's reviewer may not {what}: ask an operator of the agency.")


def delivered_package(app: Application, user: User, run: RunSummary) -> Package | None:
    """The run's package as `user` may see it, or None before delivery."""
    if run.package_id is None:
        return None
    try:
        return package_seen_by(user, app.delivery.get(PackageId.parse(run.package_id)))
    except NotFound:
        return None


def run_page(
    console: Console,
    desk: ReviewDesk,
    request: Request,
    user: User,
    run: RunSummary,
    status: int = 200,
    *,
    problems: dict[str, str] | None = None,
    typed: dict[str, str] | None = None,
) -> Response:
    """`problems` are a refused form's messages by field (`waive.<finding id>` for a waiver's reason);
    `?link=ID` names the review link just made, shown to be copied."""
    app = console.app
    agency = works_for_the_agency(user)
    pack = pack_view(app, run)
    review_links = desk.links_of(run, pack) if agency else None
    just_made = request.query_params.get("link")
    return console.render(
        request,
        "run.html",
        user,
        status,
        run=run,
        steps=app.workflows.steps(run.run_id),
        pack=pack,
        agency=agency,
        may_decide=may_decide(user, run),
        may_edit=agency and run.state == RunState.AWAITING_APPROVAL,
        may_waive=agency and not run.state.finished,
        history=[e for e in app.audit.entries(HISTORY, target=str(run.run_id)) if e.action not in NOT_IN_HISTORY][::-1],
        package=delivered_package(app, user, run),
        edited=request.query_params.get("edited"),
        review_links=review_links,
        made=next((row for row in review_links or [] if str(row[0].link_id) == just_made), None),
        problems=problems or {},
        typed=typed or {},
    )
