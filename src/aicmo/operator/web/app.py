"""The web application that `aicmo serve` runs."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from aicmo.operator.web.api.app import PREFIX, create_api
from aicmo.operator.web.console.routes import add_console
from aicmo.operator.web.error_page import ErrorPage
from aicmo.operator.web.head_as_get import HeadAsGet
from aicmo.operator.web.health import health_router
from aicmo.operator.web.portal.link_tokens import ReviewLinkTokens
from aicmo.operator.web.portal.review_desk import ReviewDesk
from aicmo.operator.web.portal.routes import portal_router
from aicmo.operator.web.read_turns import ReadTurns
from aicmo.operator.web.security_headers import SecurityHeaders
from aicmo.operator.web.unsubscribe import unsubscribe_router
from aicmo.orchestration.composition import Application
from aicmo.platform.secrets import secret_key


def create_web_app(app: Application) -> FastAPI:
    """The console, the REST API under /api/v1 (documented at /api/docs for admins), the
    client review portal, the unsubscribe pages and /healthz."""
    web = FastAPI(title="AICMO", docs_url=None, redoc_url=None, openapi_url=None)
    web.add_middleware(ErrorPage)
    web.add_middleware(SecurityHeaders)
    web.add_middleware(ReadTurns)
    web.add_middleware(HeadAsGet)
    web.include_router(unsubscribe_router(app.outreach))
    web.mount("/static", StaticFiles(directory=Path(__file__).with_name("static")), name="static")
    desk = ReviewDesk(app, ReviewLinkTokens(secret_key(app.settings)))
    web.include_router(portal_router(desk))
    api = create_api(app)
    add_console(web, app, api, desk)
    web.mount(PREFIX, api)
    web.include_router(health_router(app.db))
    return web
