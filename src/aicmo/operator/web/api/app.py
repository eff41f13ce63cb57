"""The API as its own application, mounted at /api/v1: its errors are problem details and
its OpenAPI document lists its routes alone."""

from __future__ import annotations

from fastapi import FastAPI

from aicmo.operator.web.api.caller import bearer_caller
from aicmo.operator.web.api.cam import cam_router
from aicmo.operator.web.api.context import Api
from aicmo.operator.web.api.decisions import decisions_router
from aicmo.operator.web.api.events import events_router
from aicmo.operator.web.api.packages import packages_router
from aicmo.operator.web.api.problems import ProblemDetails, answer_problems
from aicmo.operator.web.api.qc import qc_router
from aicmo.operator.web.api.runs import runs_router
from aicmo.orchestration.composition import Application

PREFIX = "/api/v1"
PROBLEM = {"model": ProblemDetails, "content": {"application/problem+json": {}}}
ERRORS = {
    401: "No API token, or one that does not work.",
    403: "The token's user may not do this.",
    404: "No such run, report, finding, package, campaign or lead.",
    409: "The run is not in a state for this.",
    415: "A body of a Content-Type the path does not read: `errors` names Content-Type.",
    422: "A wrong input: `errors` names each field and what to do.",
}


def create_api(app: Application) -> FastAPI:
    api = FastAPI(
        title="AICMO API",
        summary="Runs, QC reports, packages, events and client acquisition, as the command line has them.",
        version="1",
        servers=[{"url": PREFIX}],
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        responses={status: {**PROBLEM, "description": description} for status, description in ERRORS.items()},
    )
    answer_problems(api)
    context = Api(app, bearer_caller(app.accounts))
    routers = (runs_router, decisions_router, qc_router, packages_router, events_router, cam_router)
    for router in routers:
        api.include_router(router(context))
    return api
