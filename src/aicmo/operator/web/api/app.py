"""The API as its own application, mounted at /api/v1: its errors are problem details and
its OpenAPI document lists its routes alone."""

from __future__ import annotations

from fastapi import FastAPI

from aicmo.operator.web.api.caller import bearer_caller
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
    404: "No such run, report, finding or package.",
    409: "The run is not in a state for this.",
    422: "A wrong input: `errors` names each field and what to do.",
}


def create_api(app: Application) -> FastAPI:
    api = FastAPI(
        title="AICMO API",
        summary="Runs, QC reports, packages and events, as the command line has them.",
        version="1",
        servers=[{"url": PREFIX}],
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        responses={status: {**PROBLEM, "description": description} for status, description in ERRORS.items()},
    )
    answer_problems(api)
    context = Api(app, bearer_caller(app.accounts))
    for router in (runs_router(context), decisions_router(context), qc_router(context), packages_router(context), events_router(context)):
        api.include_router(router)
    return api
