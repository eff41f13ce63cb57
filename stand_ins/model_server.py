"""A scripted model server on loopback speaking the OpenAI chat-completions and the
Anthropic Messages protocols (FastAPI under uvicorn), for the model writers' tests and bench.

Each request takes the next scripted behaviour (then `default`): a valid answer built
from the request's own schema, prose instead of JSON, an empty answer, a banned word, a
429 with Retry-After, a 500, a slow answer. Every request is recorded."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from stand_ins.schema_answers import valid_answer


@dataclass
class Seen:
    protocol: str
    body: dict

    @property
    def prompt(self) -> str:
        """Everything the model was told, as one text."""
        if self.protocol == "openai":
            return "\n".join(m["content"] for m in self.body["messages"])
        system = "\n".join(block["text"] for block in self.body.get("system", []))
        return system + "\n" + "\n".join(m["content"] for m in self.body["messages"])


@dataclass
class Script:
    steps: deque[str] = field(default_factory=deque)
    default: str = "valid"
    latency: float = 0.0
    banned: str = "cheap"
    cached_tokens: int = 0
    models: list[str] = field(default_factory=lambda: ["local-model", "gpt-4o-mini", "claude-haiku-4-5"])
    """What `GET /v1/models` lists; a request for another model is answered 404."""
    hold_from: int | None = None
    """From this request on (1-based), requests get no answer until `hold_from` is cleared."""

    def __post_init__(self) -> None:
        self.steps = deque(self.steps)

    def next(self) -> str:
        return self.steps.popleft() if self.steps else self.default


REWRITE = "The Ethiopian lot arrives this week."
"""What a rewrite asked for by an operator's comment adds, so the test can find it in the package."""


def _answer(schema: dict, behaviour: str, banned: str, number: int, prompt: str) -> dict | str:
    if behaviour == "prose":
        return "Here is a lovely email for your brand! It talks about coffee."
    if behaviour == "empty":
        return ""
    answer = valid_answer(schema, number)
    text_fields = [name for name, value in answer.items() if isinstance(value, str)]
    if "Operator: " in prompt:
        target = next((name for name in ("body", "primary_text", "faq") if name in answer), text_fields[0])
        answer[target] = f"{answer[target]} {REWRITE}"
    if behaviour == "banned":
        answer[text_fields[0]] = f"A {banned} offer"
    if behaviour == "too_long":
        answer = {name: value * 40 if isinstance(value, str) else value for name, value in answer.items()}
    return answer


class ModelServer:
    def __init__(self, script: Script | None = None) -> None:
        self.script = script or Script()
        self.seen: list[Seen] = []
        self.answered: list[str] = []
        """The prompt of every request that got an answer."""
        self.holding = threading.Event()
        self.in_flight = 0
        self.max_in_flight = 0
        """The most requests the server was answering at one moment."""
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self._lock = threading.Lock()
        app = FastAPI()
        app.post("/v1/chat/completions")(self._openai)
        app.post("/v1/messages")(self._anthropic)
        app.get("/v1/models")(self._models)
        self._server = uvicorn.Server(
            uvicorn.Config(self._counting_in_flight(app), host="127.0.0.1", port=self.port, log_level="warning")
        )
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    @property
    def base_url(self) -> str:
        """Where the OpenAI SDK is pointed (the Anthropic SDK takes the root: `root_url`)."""
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def root_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _counting_in_flight(self, app: FastAPI):
        """Plain ASGI around the app (Starlette's BaseHTTPMiddleware would hide a client's disconnect)."""

        async def counted(scope, receive, send) -> None:
            if scope["type"] != "http":
                return await app(scope, receive, send)
            with self._lock:
                self.in_flight += 1
                self.max_in_flight = max(self.max_in_flight, self.in_flight)
            try:
                await app(scope, receive, send)
            finally:
                with self._lock:
                    self.in_flight -= 1

        return counted

    async def _behaviour(self, protocol: str, request: Request) -> tuple[dict, str, JSONResponse | None]:
        body = await request.json()
        with self._lock:
            self.seen.append(Seen(protocol, body))
            behaviour = self.script.next()
        while self.script.hold_from is not None and len(self.seen) >= self.script.hold_from:
            self.holding.set()
            await asyncio.sleep(0.05)
        if await request.is_disconnected():
            return body, behaviour, JSONResponse({"error": {"message": "client went away"}}, 499)
        if self.script.latency:
            await asyncio.sleep(self.script.latency)
        if behaviour.startswith("slow:"):
            await asyncio.sleep(float(behaviour.split(":")[1]))
        if behaviour.startswith("429"):
            retry_after = behaviour.partition(":")[2] or "0"
            return (
                body,
                behaviour,
                JSONResponse(
                    {"error": {"message": "slow down", "type": "rate_limit"}}, 429, {"retry-after": retry_after}
                ),
            )
        if behaviour == "500":
            return body, behaviour, JSONResponse({"error": {"message": "boom", "type": "server_error"}}, 500)
        if body.get("model") not in self.script.models:
            missing = {
                "type": "error",
                "error": {"message": f"model {body.get('model')} not found", "type": "not_found_error"},
            }
            return body, behaviour, JSONResponse(missing, 404)
        if behaviour == "401":
            return body, behaviour, JSONResponse({"error": {"message": "bad key", "type": "authentication_error"}}, 401)
        self.answered.append(Seen(protocol, body).prompt)
        return body, behaviour, None

    async def _models(self) -> JSONResponse:
        """One list both SDKs read: OpenAI's `object`/`data`, Anthropic's paging fields."""
        data = [
            {
                "id": name,
                "object": "model",
                "created": 0,
                "owned_by": "scripted",
                "type": "model",
                "display_name": name,
                "created_at": "2025-01-01T00:00:00Z",
            }
            for name in self.script.models
        ]
        ends = {"first_id": data[0]["id"], "last_id": data[-1]["id"]} if data else {"first_id": None, "last_id": None}
        return JSONResponse({"object": "list", "data": data, "has_more": False, **ends})

    async def _openai(self, request: Request) -> JSONResponse:
        body, behaviour, refusal = await self._behaviour("openai", request)
        if refusal:
            return refusal
        answer = _answer(
            body["response_format"]["json_schema"]["schema"],
            behaviour,
            self.script.banned,
            len(self.seen),
            Seen("openai", body).prompt,
        )
        content = answer if isinstance(answer, str) else json.dumps(answer)
        prompt_tokens = sum(len(m["content"]) for m in body["messages"]) // 4
        return JSONResponse(
            {
                "id": "chatcmpl-1",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body["model"],
                "choices": [
                    {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}
                ],
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": len(content) // 4,
                    "total_tokens": prompt_tokens + len(content) // 4,
                    "prompt_tokens_details": {"cached_tokens": min(self.script.cached_tokens, prompt_tokens)},
                },
            }
        )

    async def _anthropic(self, request: Request) -> JSONResponse:
        body, behaviour, refusal = await self._behaviour("anthropic", request)
        if refusal:
            return refusal
        answer = _answer(
            body["tools"][0]["input_schema"],
            behaviour,
            self.script.banned,
            len(self.seen),
            Seen("anthropic", body).prompt,
        )
        content = (
            [{"type": "text", "text": answer}]
            if isinstance(answer, str)
            else [{"type": "tool_use", "id": "toolu_1", "name": body["tools"][0]["name"], "input": answer}]
        )
        return JSONResponse(
            {
                "id": "msg_1",
                "type": "message",
                "role": "assistant",
                "model": body["model"],
                "content": content,
                "stop_reason": "tool_use",
                "stop_sequence": None,
                "usage": {
                    "input_tokens": 100,
                    "output_tokens": 50,
                    "cache_creation_input_tokens": 0 if self.script.cached_tokens else 400,
                    "cache_read_input_tokens": self.script.cached_tokens,
                },
            }
        )

    def __enter__(self) -> ModelServer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the scripted model server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=5)
        self._socket.close()
