"""Client acquisition, for the agency's users: campaigns, a CSV of leads imported into one,
leads by campaign, stage and grade, a lead's timeline, and classified replies, as `aicmo
cam campaigns|import|leads|lead|replies` have them."""

import tempfile
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request

from aicmo.cam.api import Campaign, ImportSummary, Lead, LeadDetail, LeadStage, Reply
from aicmo.kernel.errors import Problem
from aicmo.operator.web.api.caller import Caller
from aicmo.operator.web.api.context import Api
from aicmo.operator.web.api.problems import ApiProblem

CSV_LIMIT = 64 << 20
"""The largest CSV upload: about 500,000 leads of a few columns."""
CSV_BODY = {
    "required": True,
    "content": {"text/csv": {"schema": {"type": "string", "description": "UTF-8, with a header line."}}},
}


async def csv_upload(request: Request) -> tempfile.SpooledTemporaryFile:
    """The request's CSV body, spooled to disk past 1 MiB; refused past `CSV_LIMIT` before it is read in full."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "text/csv":
        raise ApiProblem(
            415, "leads come as a CSV", [Problem("Content-Type", "send the file with Content-Type text/csv")]
        )
    declared = request.headers.get("content-length", "")
    too_large = ApiProblem(
        413, f"the CSV is larger than {CSV_LIMIT >> 20} MiB", [Problem("body", "split the file and import each part")]
    )
    if declared.isdigit() and int(declared) > CSV_LIMIT:
        raise too_large
    upload = tempfile.SpooledTemporaryFile(max_size=1 << 20)
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > CSV_LIMIT:
            upload.close()
            raise too_large
        upload.write(chunk)
    upload.seek(0)
    return upload


def cam_router(api: Api) -> APIRouter:
    router = APIRouter(prefix="/cam", tags=["cam"])
    app = api.app

    def agency(caller: Annotated[Caller, Depends(api.caller)]) -> Caller:
        caller.require_agency("work on client acquisition")
        return caller

    Agency = Annotated[Caller, Depends(agency)]

    @router.get("/campaigns")
    def campaigns(_caller: Agency) -> list[Campaign]:
        """Every campaign with its ICP, caps, window, mode and whether it is paused."""
        return app.campaigns.campaigns()

    @router.post("/campaigns/{campaign}/leads", openapi_extra={"requestBody": CSV_BODY})
    def import_leads(
        caller: Agency, campaign: str, upload: Annotated[tempfile.SpooledTemporaryFile, Depends(csv_upload)]
    ) -> ImportSummary:
        """Import a CSV of leads into a campaign: headers name the fields, rows are validated and
        deduplicated, rejects written with reasons; nothing is stored unless the whole file reads."""
        with upload:
            summary = app.leads.import_csv(campaign, upload, "upload.csv")
        app.audit.record(
            caller.actor,
            "leads.import",
            campaign,
            f"read {summary.read}: accepted {summary.accepted}, rejected {summary.rejected}",
        )
        return summary

    @router.get("/leads")
    def leads(
        _caller: Agency,
        campaign: str | None = None,
        stage: LeadStage | None = None,
        grade: Literal["A", "B", "C", "D"] | None = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
    ) -> list[Lead]:
        """Leads, newest first, by campaign, stage and grade."""
        return app.leads.leads(campaign=campaign, stage=stage, grade=grade, limit=limit)

    @router.get("/leads/{lead}")
    def lead(_caller: Agency, lead: str) -> LeadDetail:
        """One lead (its id or a unique prefix) with its timeline."""
        return app.leads.lead(app.leads.resolve(lead))

    @router.get("/replies")
    def replies(
        _caller: Agency, needs_review: bool = False, limit: Annotated[int, Query(ge=1, le=1000)] = 200
    ) -> list[Reply]:
        """Classified replies, newest first; `needs_review`: the positive ones to handle."""
        return app.replies.replies(needs_review=needs_review, limit=limit)

    return router
