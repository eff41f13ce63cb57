"""One-click unsubscribe for outreach recipients.

GET shows a page with a button, because mail scanners open links on their own; POST
unsubscribes, which is also what a mail client sends for List-Unsubscribe-Post
(RFC 8058). Both answer in plain HTML that works without JavaScript.
"""

from __future__ import annotations

from html import escape

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from aicmo.cam.api import Outreach
from aicmo.kernel.errors import InvalidInput, NotFound
from aicmo.operator.web.pages import page


def unsubscribe_router(outreach: Outreach) -> APIRouter:
    router = APIRouter()

    @router.get("/unsubscribe/{token}", response_class=HTMLResponse)
    def confirm(token: str) -> HTMLResponse:
        return page(
            "Unsubscribe",
            f'<p>Stop all emails from us to this address?</p><form method="post" action="/unsubscribe/{escape(token)}">'
            '<button type="submit">Unsubscribe</button></form>',
        )

    @router.post("/unsubscribe/{token}", response_class=HTMLResponse)
    def unsubscribe(token: str) -> HTMLResponse:
        try:
            address = outreach.unsubscribe(token)
        except (InvalidInput, NotFound) as error:
            return page(
                "This link does not work",
                f"<p>{escape(str(error))}.</p>",
                status=400 if isinstance(error, InvalidInput) else 404,
            )
        return page("You are unsubscribed", f"<p>{escape(address)} will receive no more emails from us.</p>")

    return router
