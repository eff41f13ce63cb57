"""The run a console address names, for a user who may see its client."""

from __future__ import annotations

from fastapi import HTTPException

from aicmo.accounts.api import User
from aicmo.kernel.errors import InvalidInput, NotFound
from aicmo.operator.web.access import works_for_the_agency
from aicmo.operator.web.console.context import Console
from aicmo.orchestration.api import RunSummary


def visible_run(console: Console, user: User, typed: str) -> RunSummary:
    """The run whose id starts with `typed`: 404 when there is none, 403 for another client's reviewer."""
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
