"""An unexpected error answers a plain 500 page and logs its type and the page's first path
segment only: exception messages quote data (a database names the duplicate value), and
paths carry signed tokens."""

from __future__ import annotations

import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from aicmo.operator.web.pages import page

log = logging.getLogger(__name__)


class ErrorPage:
    """ASGI middleware: turns an exception into a 500 page before any server logs its message."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception as error:  # noqa: BLE001 - every failure gets the same page and a log line without data
            log.error("%s /%s… failed: %s", scope["method"], scope["path"].split("/")[1], type(error).__name__)
            if not started:
                await page(
                    "Something went wrong", "<p>Nothing was changed. Please try again in a moment.</p>", status=500
                )(scope, receive, send)
