"""The campaigns with their funnels, a campaign's page with its sequence, and pause / resume
(with CSRF, in the audit log), through the same `CampaignBook` port as `aicmo cam pause` / `resume`."""

from __future__ import annotations

import shlex

from fastapi import APIRouter, Depends, HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from aicmo.accounts.api import User
from aicmo.cam.api import Campaign, LeadStage
from aicmo.operator.web.console.cam_access import agency_user
from aicmo.operator.web.console.context import Console, actor
from aicmo.operator.web.console.funnel_chart import funnel_chart


def campaigns_router(console: Console) -> APIRouter:
    router = APIRouter()
    app = console.app

    viewer = agency_user(console)

    def campaign_of(campaign_id: str) -> Campaign:
        for campaign in app.campaigns.campaigns():
            if str(campaign.campaign_id) == campaign_id:
                return campaign
        raise HTTPException(404, "There is no such campaign.")

    @router.get("/cam")
    def campaigns(request: Request, user: User = Depends(viewer)) -> Response:
        funnels = app.leads.campaign_funnels()
        empty = dict.fromkeys(LeadStage, 0)
        rows = [
            (campaign, funnels.get(campaign.campaign_id, empty), app.outreach.sequence(campaign.name))
            for campaign in app.campaigns.campaigns()
        ]
        return console.render(request, "cam_campaigns.html", user, rows=rows, stages=list(LeadStage))

    @router.get("/cam/campaigns/{campaign_id}")
    def campaign(request: Request, campaign_id: str, user: User = Depends(viewer)) -> Response:
        chosen = campaign_of(campaign_id)
        funnel = app.leads.funnel(chosen.name)
        return console.render(
            request,
            "cam_campaign.html",
            user,
            campaign=chosen,
            steps=app.outreach.sequence(chosen.name),
            set_sequence=f"aicmo cam sequence {shlex.quote(chosen.name)} steps.yaml",
            chart=funnel_chart(funnel),
            leads=sum(funnel.values()),
        )

    def set_paused(request: Request, user: User, campaign_id: str, paused: bool) -> Response:
        chosen = campaign_of(campaign_id)
        app.campaigns.set_paused(chosen.name, paused)
        app.audit.record(actor(request, user), "campaign.pause" if paused else "campaign.resume", chosen.name)
        return RedirectResponse(f"/cam/campaigns/{chosen.campaign_id}", status_code=303)

    @router.post("/cam/campaigns/{campaign_id}/pause", dependencies=[Depends(console.csrf.check)])
    def pause(request: Request, campaign_id: str, user: User = Depends(viewer)) -> Response:
        return set_paused(request, user, campaign_id, True)

    @router.post("/cam/campaigns/{campaign_id}/resume", dependencies=[Depends(console.csrf.check)])
    def resume(request: Request, campaign_id: str, user: User = Depends(viewer)) -> Response:
        return set_paused(request, user, campaign_id, False)

    return router
