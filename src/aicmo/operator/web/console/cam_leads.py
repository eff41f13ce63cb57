"""The leads table (filters, sorting, keyset pages; HTMX swaps the table alone), a lead's page
with its timeline, and what the command line does to a lead: book a meeting, mark it won."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from aicmo.accounts.api import User
from aicmo.cam.api import LeadDetail
from aicmo.kernel.errors import Conflict, InvalidInput, NotFound
from aicmo.operator.web.console.cam_access import agency_user
from aicmo.operator.web.console.context import Console, actor
from aicmo.operator.web.console.lead_filters import SORT_CHOICES, STAGE_CHOICES, read_filters

TABLE = "leads-table"
"""The element HTMX swaps when a filter changes or a page turns."""


def leads_router(console: Console) -> APIRouter:
    router = APIRouter()
    app = console.app

    viewer = agency_user(console)

    @router.get("/cam/leads")
    def leads(request: Request, user: User = Depends(viewer)) -> Response:
        filters = read_filters(dict(request.query_params))
        page = None
        if filters.query is not None:
            try:
                page = app.leads.page(filters.query)
            except InvalidInput as error:
                filters.errors["cursor"] = error.problems[0].message if error.problems else error.summary
            except NotFound:
                filters.errors["campaign"] = "pick one of the campaigns in the list"
        template = "cam_leads_table.html" if request.headers.get("HX-Target") == TABLE else "cam_leads.html"
        campaigns = {campaign.campaign_id: campaign.name for campaign in app.campaigns.campaigns()}
        context = {
            "filters": filters,
            "page": page,
            "campaigns": campaigns,
            "campaign_choices": [("", "All campaigns"), *((name, name) for name in sorted(campaigns.values()))],
            "stage_choices": STAGE_CHOICES,
            "sort_choices": SORT_CHOICES,
        }
        return console.render(
            request, template, user, 422 if filters.errors else 200, oob=template != "cam_leads.html", **context
        )

    def detail_of(typed: str) -> LeadDetail:
        try:
            return app.leads.lead(app.leads.resolve(typed))
        except (InvalidInput, NotFound):
            raise HTTPException(404, "There is no such lead.") from None

    def lead_page(
        request: Request, user: User, detail: LeadDetail, status: int = 200, typed: str = "", **problems: str
    ) -> Response:
        """`typed` is the meeting time as it was sent, shown again beside its message."""
        campaign = next((c for c in app.campaigns.campaigns() if c.campaign_id == detail.lead.campaign_id), None)
        return console.render(
            request,
            "cam_lead.html",
            user,
            status,
            detail=detail,
            lead=detail.lead,
            campaign=campaign,
            problems=problems,
            typed=typed,
        )

    @router.get("/cam/leads/{typed}")
    def lead(request: Request, typed: str, user: User = Depends(viewer)) -> Response:
        return lead_page(request, user, detail_of(typed))

    @router.post("/cam/leads/{typed}/meeting", dependencies=[Depends(console.csrf.check)])
    def meeting(
        request: Request, typed: str, at: Annotated[str, Form()] = "", user: User = Depends(viewer)
    ) -> Response:
        detail = detail_of(typed)
        try:
            start = dt.datetime.fromisoformat(at.strip())
        except ValueError:
            return lead_page(
                request,
                user,
                detail,
                422,
                typed=at,
                at="Write a date and time with its offset, like 2027-01-12T14:00+01:00.",
            )
        try:
            app.outreach.invite(detail.lead.lead_id, start)
        except InvalidInput as error:
            return lead_page(request, user, detail, 422, typed=at, at=error.summary)
        except Conflict as error:
            return lead_page(request, user, detail, 409, action=str(error))
        app.audit.record(actor(request, user), "lead.meeting", detail.lead.email, start.isoformat())
        return RedirectResponse(f"/cam/leads/{detail.lead.lead_id}", status_code=303)

    @router.post("/cam/leads/{typed}/won", dependencies=[Depends(console.csrf.check)])
    def won(request: Request, typed: str, note: Annotated[str, Form()] = "", user: User = Depends(viewer)) -> Response:
        detail = detail_of(typed)
        try:
            app.leads.won(detail.lead.lead_id, note.strip() or None)
        except Conflict as error:
            return lead_page(request, user, detail, 409, action=str(error))
        app.events.dispatch()
        app.audit.record(actor(request, user), "lead.won", detail.lead.email, note.strip() or None)
        return RedirectResponse(f"/cam/leads/{detail.lead.lead_id}", status_code=303)

    return router
