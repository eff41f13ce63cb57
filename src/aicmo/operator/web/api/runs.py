"""Runs: start one from a brief (JSON or YAML), list them a page at a time, show one."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel
from starlette.responses import Response

from aicmo.creatives.api import ModelCall
from aicmo.kernel.errors import InvalidInput, Problem
from aicmo.operator.web.api.brief_body import DOCUMENTED, BriefBody, brief_body
from aicmo.operator.web.api.caller import Caller
from aicmo.operator.web.api.context import Api
from aicmo.operator.web.api.server_paths import run_for
from aicmo.orchestration.api import RunEvent, RunOptions, RunPage, RunQuery, RunState, RunSummary, StepRecord
from aicmo.orchestration.composition import brief_parser


class RunDetail(BaseModel):
    """A run as `aicmo runs show RUN --json` prints it."""

    run: RunSummary
    steps: list[StepRecord]
    events: list[RunEvent]
    model_calls: list[ModelCall]


def runs_router(api: Api) -> APIRouter:
    router = APIRouter(tags=["runs"])
    workflows = api.app.workflows
    Authenticated = Annotated[Caller, Depends(api.caller)]

    def starter(caller: Authenticated) -> Caller:
        """Refused before the brief is read: a reviewer may not start runs."""
        caller.require_agency("start a run")
        return caller

    @router.post("/runs", status_code=202, openapi_extra={"requestBody": {"required": True, "content": DOCUMENTED}})
    def start_run(
        caller: Annotated[Caller, Depends(starter)],
        response: Response,
        body: Annotated[BriefBody, Depends(brief_body)],
        auto_approve: bool = False,
        hold_on_fail: bool = False,
    ) -> RunSummary:
        """Start client_to_delivery on a brief, as `aicmo run BRIEF --detach`: the run goes on
        in the server; follow it with GET /runs/{run}. A wrong brief is refused with every field at fault."""
        try:
            brief = brief_parser().parse_brief(body.data, body.name)
        except InvalidInput as error:
            if error.problems:
                raise
            raise InvalidInput(
                error.summary, [Problem("body", "send a brief that parses as its Content-Type says, JSON or YAML")]
            ) from None
        options = RunOptions(auto_approve=auto_approve, hold_on_fail=hold_on_fail)
        run_id = workflows.start_client_to_delivery(
            brief, f"api:{body.name}", api.app.settings.home / "deliveries", options
        )
        api.app.audit.record(caller.actor, "run.create", str(run_id), brief.client_name)
        response.headers["Location"] = f"/api/v1/runs/{run_id}"
        return workflows.get_run(run_id)

    @router.get("/runs")
    def list_runs(
        caller: Authenticated,
        state: RunState | None = None,
        client: Annotated[str | None, Query(description="Only this client's runs (its brand name).")] = None,
        cursor: Annotated[str | None, Query(description="The previous page's next_cursor.")] = None,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
    ) -> RunPage:
        """The runs, newest first, a page at a time. A reviewer sees only its client's runs,
        without their server paths."""
        if caller.user.client is not None:
            caller.require_client(client or caller.user.client)
            client = caller.user.client
        page = workflows.find_runs(RunQuery(state=state, client=client, cursor=cursor, limit=limit))
        return page.model_copy(update={"runs": [run_for(caller, run) for run in page.runs]})

    @router.get("/runs/{run}")
    def show_run(caller: Authenticated, run: str) -> RunDetail:
        """One run (its id or a unique prefix): its state, every step, the events it caused, its model calls."""
        summary = api.run(caller, run)
        run_id = summary.run_id
        return RunDetail(
            run=run_for(caller, summary),
            steps=workflows.steps(run_id),
            events=workflows.events_of(run_id),
            model_calls=api.app.model_usage.calls(str(run_id)),
        )

    return router
