"""Client acquisition, for the agency's users: campaigns, a CSV of leads imported into one
(named by its id or its name), leads a page at a time with the console's filters, a lead's
timeline, and classified replies a page at a time, as `aicmo cam campaigns|import|leads|lead|replies`
have them."""

import tempfile
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import ValidationError
from starlette.requests import Request

from aicmo.cam.api import (
    Campaign,
    ImportSummary,
    LeadDetail,
    LeadPage,
    LeadQuery,
    LeadSort,
    LeadStage,
    ReplyClass,
    ReplyPage,
    ReplyQuery,
)
from aicmo.kernel.errors import InvalidInput, Problem
from aicmo.operator.web.api.caller import Caller
from aicmo.operator.web.api.context import Api
from aicmo.operator.web.api.problems import ApiProblem
from aicmo.operator.web.api.lead_csv import CSV_BODY, IMPORT_ADVICE, csv_upload

LEAD_FILTERS = ("campaign", "stage", "min_score", "max_score", "text", "sort", "cursor", "limit")
REPLY_FILTERS = ("needs_review", "classification", "cursor", "limit")


def only_filters(request: Request, filters: tuple[str, ...]) -> None:
    """Refuse (422) each query parameter the list does not read, rather than list everything unfiltered."""
    if unknown := [name for name in request.query_params if name not in filters]:
        raise ApiProblem(
            422,
            "the request is not valid",
            [Problem(name, f"is not a filter of this list: use {', '.join(filters)}") for name in unknown],
        )


def cam_router(api: Api) -> APIRouter:
    router = APIRouter(prefix="/cam", tags=["cam"])
    app = api.app

    def agency(caller: Annotated[Caller, Depends(api.caller)]) -> Caller:
        caller.require_agency("work on client acquisition")
        return caller

    Agency = Annotated[Caller, Depends(agency)]

    def campaign_of(typed: str, status: int = 404) -> Campaign:
        """The campaign whose id, as GET /cam/campaigns gives it, or whose name this is;
        `status` answers otherwise (a filter naming no campaign is a wrong value: 422)."""
        wanted = typed.strip()
        for campaign in app.campaigns.campaigns():
            if wanted.lower() == str(campaign.campaign_id) or wanted == campaign.name:
                return campaign
        raise ApiProblem(
            status,
            f"no campaign has the id or name {wanted!r}",
            [Problem("campaign", "use a campaign_id or name from GET /api/v1/cam/campaigns")],
        )

    @router.get("/campaigns")
    def campaigns(_caller: Agency) -> list[Campaign]:
        """Every campaign with its ICP, caps, window, mode and whether it is paused."""
        return app.campaigns.campaigns()

    @router.post("/campaigns/{campaign}/leads", openapi_extra={"requestBody": CSV_BODY})
    def import_leads(
        caller: Agency, campaign: str, upload: Annotated[tempfile.SpooledTemporaryFile, Depends(csv_upload)]
    ) -> ImportSummary:
        """Import a CSV of leads into a campaign, named by its `campaign_id` or its name: headers name
        the fields, rows are validated and deduplicated, rejects written with reasons; nothing is
        stored unless the whole file reads."""
        chosen = campaign_of(campaign)
        with upload:
            try:
                summary = app.leads.import_csv(chosen.name, upload, "upload.csv")
            except InvalidInput as error:
                problems = [IMPORT_ADVICE.get(p.field, p) for p in error.problems] or [IMPORT_ADVICE["body"]]
                raise InvalidInput(error.summary, problems) from None
        app.audit.record(
            caller.actor,
            "leads.import",
            chosen.name,
            f"read {summary.read}: accepted {summary.accepted}, rejected {summary.rejected}",
        )
        return summary

    @router.get("/leads")
    def leads(
        _caller: Agency,
        request: Request,
        campaign: Annotated[str | None, Query(description="A campaign's campaign_id or name.")] = None,
        stage: LeadStage | None = None,
        min_score: Annotated[int | None, Query(ge=0, le=100)] = None,
        max_score: Annotated[int | None, Query(ge=0, le=100)] = None,
        text: Annotated[
            str | None, Query(max_length=200, description="Part of the email address or company, in any case.")
        ] = None,
        sort: LeadSort = LeadSort.NEWEST,
        cursor: Annotated[str | None, Query(description="The previous page's next_cursor.")] = None,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
    ) -> LeadPage:
        """Leads a page at a time, as the console's leads table pages them: filtered by campaign,
        stage, score range and text, in one of four orders; pass `next_cursor` as `cursor` for the
        next page. `matching` counts the leads the filters match, up to 10,000 (not for a text search)."""
        only_filters(request, LEAD_FILTERS)
        try:
            query = LeadQuery(
                campaign=campaign_of(campaign, 422).name if campaign else None,
                stage=stage,
                min_score=min_score,
                max_score=max_score,
                text=text or None,
                sort=sort,
                cursor=cursor,
                limit=limit,
            )
        except ValidationError as error:
            raise ApiProblem(
                422,
                "the request is not valid",
                [Problem(str(e["loc"][0]), e["msg"].removeprefix("Value error, ")) for e in error.errors()],
            ) from None
        try:
            return app.leads.page(query)
        except InvalidInput as error:
            advice = "pass a page's next_cursor as it was, or none for the first page"
            raise ApiProblem(422, error.summary, [Problem("cursor", advice)]) from None

    @router.get("/leads/{lead}")
    def lead(_caller: Agency, lead: str) -> LeadDetail:
        """One lead (its id or a unique prefix) with its timeline."""
        return app.leads.lead(app.leads.resolve(lead))

    @router.get("/replies")
    def replies(
        _caller: Agency,
        request: Request,
        needs_review: bool = False,
        classification: ReplyClass | None = None,
        cursor: Annotated[str | None, Query(description="The previous page's next_cursor.")] = None,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
    ) -> ReplyPage:
        """Classified replies, newest first, a page at a time: pass `next_cursor` as `cursor` for the
        next page. `needs_review`: the positive ones to handle; `classification`: one class only."""
        only_filters(request, REPLY_FILTERS)
        query = ReplyQuery(needs_review=needs_review, classification=classification, cursor=cursor, limit=limit)
        return app.replies.page(query)

    return router
