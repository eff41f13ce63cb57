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


def page(title: str, body: str, status: int = 200) -> HTMLResponse:
    html = (
        '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{escape(title)}</title><body style=\"font-family:sans-serif;max-width:32rem;margin:4rem auto\">"
        f"<h1>{escape(title)}</h1>{body}</body></html>"
    )
    return HTMLResponse(html, status_code=status)


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
            return page("This link does not work", f"<p>{escape(str(error))}.</p>", status=400 if isinstance(error, InvalidInput) else 404)
        return page("You are unsubscribed", f"<p>{escape(address)} will receive no more emails from us.</p>")

    return router
