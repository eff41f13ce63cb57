"""The audit log, for admins: who did what, when, from where, through which channel."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from starlette.requests import Request
from starlette.responses import Response

from aicmo.accounts.api import Role
from aicmo.operator.web.console.context import Console
from aicmo.operator.web.console.viewer import signed_in


def audit_router(console: Console) -> APIRouter:
    router = APIRouter()

    @router.get("/audit")
    def audit(request: Request) -> Response:
        user = signed_in(console, request)
        if user.role != Role.ADMIN:
            raise HTTPException(403, "Only an admin may read the audit log.")
        return console.render(request, "audit.html", user, entries=console.app.audit.entries(200))

    return router
