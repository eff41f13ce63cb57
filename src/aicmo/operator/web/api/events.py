"""Every subscribed event and its state per subscriber, as `aicmo events` lists them."""

from typing import Annotated

from fastapi import APIRouter, Depends

from aicmo.operator.web.api.caller import Caller
from aicmo.operator.web.api.context import Api
from aicmo.orchestration.api import EventRecord


def events_router(api: Api) -> APIRouter:
    router = APIRouter(tags=["events"])

    @router.get("/events")
    def events(caller: Annotated[Caller, Depends(api.caller)], failed: bool = False) -> list[EventRecord]:
        """Newest first: published, processing, completed, failed or resubmitted, with attempts and the last error."""
        caller.require_agency("read the events")
        return api.app.events.events(failed_only=failed)

    return router
