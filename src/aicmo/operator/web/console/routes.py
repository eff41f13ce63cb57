"""The console's routes, cookies and templates, added to the web application."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.exceptions import HTTPException

from aicmo.operator.web.console.api_docs import api_docs_router
from aicmo.operator.web.console.audit import audit_router
from aicmo.operator.web.console.cam_routes import cam_routers
from aicmo.operator.web.console.context import Console, console_templates
from aicmo.operator.web.console.csrf import CsrfTokens
from aicmo.operator.web.console.dashboard import dashboard_router
from aicmo.operator.web.console.errors import error_page
from aicmo.operator.web.console.form_addresses import form_addresses_router
from aicmo.operator.web.console.login import login_router
from aicmo.operator.web.console.new_run import new_run_router
from aicmo.operator.web.console.review_links import review_links_router
from aicmo.operator.web.console.run_actions import run_actions_router
from aicmo.operator.web.console.runs import runs_router
from aicmo.operator.web.console.sessions import SessionCookies
from aicmo.operator.web.console.users import users_router
from aicmo.operator.web.console.viewer import SignInNeeded, to_sign_in
from aicmo.operator.web.portal.review_desk import ReviewDesk
from aicmo.orchestration.composition import Application
from aicmo.platform.secrets import secret_key


def add_console(web: FastAPI, app: Application, api: FastAPI, desk: ReviewDesk) -> None:
    """The console's pages on `web`, with the documentation of `api` for admins and the review links of `desk`."""
    key = secret_key(app.settings)
    secure = app.settings.public_url.startswith("https://")
    console = Console(app, SessionCookies(key, secure=secure), CsrfTokens(key, secure=secure), console_templates())
    web.add_exception_handler(SignInNeeded, to_sign_in)
    web.add_exception_handler(HTTPException, error_page(console))
    for router in (
        login_router(console),
        new_run_router(console),
        dashboard_router(console),
        runs_router(console, desk),
        run_actions_router(console, desk),
        review_links_router(console, desk),
        users_router(console),
        audit_router(console),
        api_docs_router(console, api),
        *cam_routers(console),
        form_addresses_router(),
    ):
        web.include_router(router)
