"""Reads take turns: at most two GET or HEAD requests are handled at once, the rest wait in order.

A page or an API read is Python work, and the threads handling them share one interpreter
lock with the event loop. Eight handled at once each take eight times as long, and the
slowest far longer, as they and the loop take the lock from each other; two at a time keep
both cores busy (one renders while the other waits on the database) and serve the rest in
the order they came. A request's turn ends when its answer starts, so a slow download holds
none. Writes (form posts, uploads, imports) do not wait: one long import must not stop the
pages.
"""

from __future__ import annotations

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

READS_AT_ONCE = 2
READS = frozenset({"GET", "HEAD"})


class ReadTurns:
    """ASGI middleware: GET and HEAD requests wait for one of `at_once` turns."""

    def __init__(self, app: ASGIApp, at_once: int = READS_AT_ONCE) -> None:
        self.app = app
        self._turns = anyio.Semaphore(at_once)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in READS:
            await self.app(scope, receive, send)
            return
        await self._turns.acquire()
        holding = True

        def give_back() -> None:
            nonlocal holding
            if holding:
                holding = False
                self._turns.release()

        async def answer(message: Message) -> None:
            if message["type"] == "http.response.start":
                give_back()
            await send(message)

        try:
            await self.app(scope, receive, answer)
        finally:
            give_back()
