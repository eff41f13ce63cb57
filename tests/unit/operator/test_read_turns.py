"""At most two reads are handled at once and the others wait in order; writes never wait; a turn
ends when the answer starts or the handler fails."""

from __future__ import annotations

import anyio
import pytest

from aicmo.operator.web.read_turns import ReadTurns


class Handler:
    """An ASGI app that records how many requests it handles at once and in which order they came
    in; the body of a /download… waits for `body_waits_for`."""

    def __init__(self, *, fail: bool = False, body_waits_for: anyio.Event | None = None) -> None:
        self.inside = 0
        self.most_inside = 0
        self.entered: list[str] = []
        self._fail = fail
        self._body_waits_for = body_waits_for

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        self.inside += 1
        self.most_inside = max(self.most_inside, self.inside)
        self.entered.append(scope["path"])
        try:
            await anyio.sleep(0.01)
            if self._fail:
                raise RuntimeError("the page failed")
            await send({"type": "http.response.start", "status": 200, "headers": []})
            if self._body_waits_for is not None and scope["path"].startswith("/download"):
                await self._body_waits_for.wait()
            await send({"type": "http.response.body", "body": b"ok"})
        finally:
            self.inside -= 1


async def request(app: ReadTurns, method: str, path: str = "/") -> list[dict]:
    answers: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        answers.append(message)

    await app({"type": "http", "method": method, "path": path, "headers": []}, receive, send)
    return answers


async def many(app: ReadTurns, method: str, count: int) -> None:
    async with anyio.create_task_group() as group:
        for number in range(count):
            group.start_soon(request, app, method, f"/{number}")


def test_eight_reads_at_once_are_handled_two_at_a_time():
    handler = Handler()
    anyio.run(many, ReadTurns(handler), "GET", 8)
    assert handler.most_inside == 2


def test_writes_do_not_wait_for_a_turn():
    handler = Handler()
    anyio.run(many, ReadTurns(handler), "POST", 8)
    assert handler.most_inside == 8


def test_waiting_reads_are_handled_in_the_order_they_came():
    handler = Handler()

    async def one_after_another() -> None:
        app = ReadTurns(handler, at_once=1)
        async with anyio.create_task_group() as group:
            for number in range(5):
                group.start_soon(request, app, "GET", f"/{number}")
                await anyio.sleep(0.001)

    anyio.run(one_after_another)
    assert handler.entered == ["/0", "/1", "/2", "/3", "/4"]


def test_a_turn_ends_when_the_answer_starts_so_a_slow_download_holds_none():
    async def downloads_and_a_page() -> list[dict]:
        done = anyio.Event()
        app = ReadTurns(Handler(body_waits_for=done))
        async with anyio.create_task_group() as group:
            group.start_soon(request, app, "GET", "/download-1")
            group.start_soon(request, app, "GET", "/download-2")
            await anyio.sleep(0.05)
            with anyio.fail_after(1):
                answers = await request(app, "HEAD", "/page")
            done.set()
        return answers

    assert anyio.run(downloads_and_a_page)[0]["status"] == 200


def test_a_failed_read_gives_its_turn_back():
    async def failures_then_a_page() -> list[dict]:
        app = ReadTurns(Handler(fail=True))
        with anyio.fail_after(2):
            for _ in range(3):
                with pytest.raises(RuntimeError):
                    await request(app, "GET")
            app.app = Handler()
            return await request(app, "GET")

    assert anyio.run(failures_then_a_page)[0]["status"] == 200
