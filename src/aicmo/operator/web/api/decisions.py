"""Approve a waiting run, or send it back with a comment, as `aicmo approve` / `aicmo reject`
do, through the same workflow port; the answer comes when the run has moved on (delivered,
or waiting again after the revision)."""

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import Field

from aicmo.kernel.text import refuse_long_comment
from aicmo.operator.web.access import may_decide
from aicmo.operator.web.api.caller import Caller
from aicmo.operator.web.api.context import Api
from aicmo.operator.web.api.problems import ApiProblem
from aicmo.operator.web.api.request_body import RequestBody, json_sender
from aicmo.operator.web.api.server_paths import run_for
from aicmo.orchestration.api import RunSummary


class Approval(RequestBody):
    comment: str | None = Field(default=None, description="A note kept with the approval.")


class ChangeRequest(RequestBody):
    comment: str = Field(description="What to change; the content is revised with it, checked, and waits again.")
    items: list[str] | None = Field(
        default=None,
        description="Only these items (ids or unique prefixes, from the QC report); every item when left out.",
    )


def decisions_router(api: Api) -> APIRouter:
    router = APIRouter(tags=["runs"])
    workflows = api.app.workflows
    Sending = Annotated[Caller, Depends(json_sender(api.caller))]

    def deciding(caller: Caller, typed: str) -> RunSummary:
        run = api.run(caller, typed)
        if not may_decide(caller.user, run):
            raise ApiProblem(403, "your role may read this run but not decide on it")
        return run

    @router.post("/runs/{run}/approve")
    def approve(caller: Sending, run: str, approval: Approval | None = None) -> RunSummary:
        """Approve a run waiting for approval and let it deliver (409 when it is not waiting)."""
        comment = (approval.comment or "").strip() or None if approval else None
        refuse_long_comment("comment", comment)
        decided = workflows.approve(deciding(caller, run).run_id, comment)
        api.app.audit.record(caller.actor, "run.approve", str(decided.run_id), comment)
        return run_for(caller, decided)

    @router.post("/runs/{run}/reject")
    def reject(caller: Sending, run: str, request: ChangeRequest) -> RunSummary:
        """Send a waiting run back for a revision with a comment, for every item or only those named."""
        refuse_long_comment("comment", request.comment.strip())
        decided = workflows.reject(deciding(caller, run).run_id, request.comment, request.items)
        api.app.audit.record(caller.actor, "run.request-changes", str(decided.run_id), request.comment.strip())
        return run_for(caller, decided)

    return router
