"""The web application that `aicmo serve` runs."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from aicmo.operator.web.console.routes import add_console
from aicmo.operator.web.error_page import ErrorPage
from aicmo.operator.web.security_headers import SecurityHeaders
from aicmo.operator.web.unsubscribe import unsubscribe_router
from aicmo.orchestration.composition import Application


def create_web_app(app: Application) -> FastAPI:
    """The console, the unsubscribe pages and /health; the API's own documentation (/docs, /openapi.json) only when AICMO_API_DOCS is set."""
    docs = app.settings.api_docs
    web = FastAPI(
        title="AICMO",
        summary="The operating system of a marketing agency.",
        docs_url="/docs" if docs else None,
        redoc_url=None,
        openapi_url="/openapi.json" if docs else None,
    )
    web.add_middleware(ErrorPage)
    web.add_middleware(SecurityHeaders)
    web.include_router(unsubscribe_router(app.outreach))
    web.mount("/static", StaticFiles(directory=Path(__file__).with_name("static")), name="static")
    add_console(web, app)

    @web.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return web
