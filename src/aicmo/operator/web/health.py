"""`/healthz`, for a load balancer or an uptime monitor: 200 while the database answers, 503
while it does not. The error's kind goes to the server's log (never its message, which may
name the database's address), nothing of it to whoever asked."""

from __future__ import annotations

import logging

from fastapi import APIRouter
from starlette.responses import JSONResponse

from aicmo.platform.db.database import Database

log = logging.getLogger(__name__)


def health_router(db: Database) -> APIRouter:
    router = APIRouter()

    @router.get("/healthz")
    def healthz() -> JSONResponse:
        try:
            db.ping()
        except Exception as error:  # noqa: BLE001 - any failure to answer is "unavailable"
            log.warning("health check: the database does not answer: %s", type(error).__name__)
            return JSONResponse({"status": "unavailable", "database": "does not answer"}, status_code=503)
        return JSONResponse({"status": "ok", "database": "answers"})

    return router
