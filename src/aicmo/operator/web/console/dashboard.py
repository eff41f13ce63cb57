"""The dashboard: runs by state, what waits for whom, and (for the agency) the CAM funnel.

Every figure is a count the database makes (a group-by on an index), never a count of a page
of rows, so it stays right and fast with thousands of runs and leads. A reviewer sees its own
client's runs only."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from starlette.requests import Request
from starlette.responses import Response

from aicmo.accounts.api import User
from aicmo.operator.web.access import works_for_the_agency
from aicmo.operator.web.console.context import Console
from aicmo.operator.web.console.funnel_chart import funnel_chart
from aicmo.operator.web.console.viewer import signed_in
from aicmo.orchestration.api import RunQuery, RunState

WAITING_LISTED = 20
REPLIES_COUNTED = 200


def dashboard_router(console: Console) -> APIRouter:
    router = APIRouter()
    app = console.app

    def viewer(request: Request) -> User:
        return signed_in(console, request)

    @router.get("/")
    def dashboard(request: Request, user: User = Depends(viewer)) -> Response:
        client = None if works_for_the_agency(user) else user.client or ""
        counts = app.workflows.count_runs(client)
        waiting = app.workflows.find_runs(
            RunQuery(state=RunState.AWAITING_APPROVAL, client=client, limit=WAITING_LISTED)
        ).runs
        cam = None
        if works_for_the_agency(user):
            cam = {
                "chart": funnel_chart(app.leads.funnel()),
                "replies": len(app.replies.replies(needs_review=True, limit=REPLIES_COUNTED)),
                "paused": [campaign for campaign in app.campaigns.campaigns() if campaign.paused],
            }
        return console.render(
            request,
            "dashboard.html",
            user,
            counts=list(counts.items()),
            waiting=waiting,
            awaiting=counts[RunState.AWAITING_APPROVAL],
            cam=cam,
            replies_counted=REPLIES_COUNTED,
        )

    return router
