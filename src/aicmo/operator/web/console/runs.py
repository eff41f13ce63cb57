"""The dashboard, the list of runs and a run's page, with approve and request changes.

A reviewer sees its own client's runs only (403 for another's); admins and operators see
and decide on every run. A decision goes through the same `Workflows` port as `aicmo
approve` / `aicmo reject`, and lands in the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from aicmo.accounts.api import User
from aicmo.kernel.errors import Conflict, InvalidInput
from aicmo.kernel.text import refuse_long_comment
from aicmo.operator.web.access import may_decide
from aicmo.operator.web.console.context import Console, actor
from aicmo.operator.web.console.query_params import unknown_parameters
from aicmo.operator.web.console.run_page import run_page, visible_run
from aicmo.operator.web.portal.review_desk import ReviewDesk
from aicmo.operator.web.console.viewer import signed_in
from aicmo.orchestration.api import RunState, RunSummary

LISTED = 200


def runs_router(console: Console, desk: ReviewDesk) -> APIRouter:
    router = APIRouter()
    workflows = console.app.workflows

    def viewer(request: Request) -> User:
        return signed_in(console, request)

    def visible_runs(user: User) -> list[RunSummary]:
        return [run for run in workflows.list_runs(LISTED) if user.may_see(run.client_name)]

    @router.get("/runs")
    def runs(request: Request, user: User = Depends(viewer)) -> Response:
        params = dict(request.query_params)
        state = params.get("state", "").strip().upper() or None
        errors = {}
        if state is not None and state not in RunState.__members__:
            errors["state"] = f"{params['state']!r} is not a run state: pick one of the states above"
        if unknown := unknown_parameters(params, ("state",)):
            errors["params"] = unknown
        if errors:
            return console.render(
                request, "runs.html", user, 422, runs=[], state=None, states=list(RunState), errors=errors
            )
        listed = [run for run in visible_runs(user) if state is None or run.state == state]
        return console.render(request, "runs.html", user, runs=listed, state=state, states=list(RunState), errors={})

    @router.get("/runs/{typed}")
    def run(request: Request, typed: str, user: User = Depends(viewer)) -> Response:
        return run_page(console, desk, request, user, visible_run(console, user, typed))

    @router.get("/runs/{typed}/steps")
    def steps(request: Request, typed: str, user: User = Depends(viewer)) -> Response:
        """The steps table alone: the run page polls it while the run is running (HTMX), and
        reloads as a whole once the run stops, to show its pack or its end."""
        run = visible_run(console, user, typed)
        response = console.render(request, "steps.html", user, run=run, steps=workflows.steps(run.run_id))
        if request.headers.get("HX-Request") and (run.state.finished or run.state == RunState.AWAITING_APPROVAL):
            response.headers["HX-Refresh"] = "true"
        return response

    def decide(request: Request, user: User, typed: str, approve: bool, comment: str) -> Response:
        run = visible_run(console, user, typed)
        if not may_decide(user, run):
            raise HTTPException(403, "Your role may read this run but not decide on it.")
        try:
            refuse_long_comment("comment", comment.strip())
            if approve:
                workflows.approve(run.run_id, comment.strip() or None)
            else:
                workflows.reject(run.run_id, comment)
        except InvalidInput as error:
            message = error.problems[0].message if error.problems else error.summary
            return run_page(console, desk, request, user, run, 422, problems={"comment": message})
        except Conflict as error:
            return run_page(console, desk, request, user, run, 409, problems={"decision": str(error)})
        console.app.audit.record(
            actor(request, user),
            "run.approve" if approve else "run.request-changes",
            str(run.run_id),
            comment.strip() or None,
        )
        return RedirectResponse(f"/runs/{run.run_id}", status_code=303)

    @router.post("/runs/{typed}/approve", dependencies=[Depends(console.csrf.check)])
    def approve(
        request: Request, typed: str, comment: Annotated[str, Form()] = "", user: User = Depends(viewer)
    ) -> Response:
        return decide(request, user, typed, True, comment)

    @router.post("/runs/{typed}/reject", dependencies=[Depends(console.csrf.check)])
    def reject(
        request: Request, typed: str, comment: Annotated[str, Form()] = "", user: User = Depends(viewer)
    ) -> Response:
        return decide(request, user, typed, False, comment)

    return router
