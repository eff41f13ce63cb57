"""The web application that `aicmo serve` runs."""

from __future__ import annotations

from fastapi import FastAPI

from aicmo.operator.web.unsubscribe import unsubscribe_router
from aicmo.orchestration.composition import Application


def create_web_app(app: Application) -> FastAPI:
    web = FastAPI(title="AICMO", summary="The operating system of a marketing agency.")
    web.include_router(unsubscribe_router(app.outreach))

    @web.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return web
