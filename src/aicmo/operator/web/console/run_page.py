"""A run's page, shared by the routes that show it: the run, its steps, its pack, the decision
forms and, for the agency, its client review links."""

from __future__ import annotations

from fastapi import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from aicmo.accounts.api import User
from aicmo.kernel.errors import InvalidInput, NotFound
from aicmo.operator.web.access import may_decide, works_for_the_agency
from aicmo.operator.web.console.context import Console
from aicmo.operator.web.console.run_view import pack_view
from aicmo.operator.web.portal.review_desk import MadeLink, ReviewDesk
from aicmo.orchestration.api import RunSummary


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
    made: MadeLink | None = None,
) -> Response:
    return console.render(
        request,
        "run.html",
        user,
        status,
        run=run,
        steps=console.app.workflows.steps(run.run_id),
        pack=pack_view(console.app, run),
        may_decide=may_decide(user, run),
        review_links=desk.links_of(run) if works_for_the_agency(user) else None,
        made=made,
        problems=problems or {},
        typed=typed or {},
    )
