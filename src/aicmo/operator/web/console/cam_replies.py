"""The replies: the review queue (positive replies nobody has handled) and every reply by its
class, as `aicmo cam replies [--review]` lists them. A reply is handled on its lead's page."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from starlette.requests import Request
from starlette.responses import Response

from aicmo.accounts.api import User
from aicmo.cam.api import ReplyClass
from aicmo.operator.web.console.cam_access import agency_user
from aicmo.operator.web.console.context import Console

LISTED = 200


def replies_router(console: Console) -> APIRouter:
    router = APIRouter()

    viewer = agency_user(console)

    @router.get("/cam/replies")
    def replies(request: Request, show: str = "review", user: User = Depends(viewer)) -> Response:
        classes = {kind.value: kind for kind in ReplyClass}
        chosen = classes.get(show)
        error = None
        if show not in ("review", "all") and chosen is None:
            show, error = "review", "Pick one of the lists above: the review queue, all replies, or one class."
        listed = console.app.replies.replies(needs_review=show == "review", classification=chosen, limit=LISTED)
        return console.render(
            request,
            "cam_replies.html",
            user,
            422 if error else 200,
            replies=listed,
            show=show,
            classes=list(ReplyClass),
            listed=LISTED,
            error=error,
        )

    return router
