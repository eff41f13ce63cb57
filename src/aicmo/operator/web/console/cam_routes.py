"""The client-acquisition pages of the console: campaigns, leads, replies."""

from __future__ import annotations

from fastapi import APIRouter

from aicmo.operator.web.console.cam_campaigns import campaigns_router
from aicmo.operator.web.console.cam_leads import leads_router
from aicmo.operator.web.console.cam_replies import replies_router
from aicmo.operator.web.console.context import Console


def cam_routers(console: Console) -> list[APIRouter]:
    return [campaigns_router(console), leads_router(console), replies_router(console)]
