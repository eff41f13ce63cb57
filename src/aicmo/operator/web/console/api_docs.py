"""The API's documentation, for signed-in admins only: /api/docs, a page read without script,
and /api/openapi.json, the OpenAPI document. Anyone not signed in finds nothing there (404)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from aicmo.accounts.api import Role, User
from aicmo.operator.web.console.context import Console
from aicmo.operator.web.console.viewer import SignInNeeded, signed_in

METHODS = ("get", "post", "put", "patch", "delete")


def operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Each path and method of an OpenAPI document, in its order, as the page lists them."""
    listed = []
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                operation = item[method]
                body = operation.get("requestBody", {}).get("content", {})
                listed.append(
                    {"method": method.upper(), "path": path, "operation": operation, "body_types": list(body)}
                )
    return listed


def api_docs_router(console: Console, api: FastAPI) -> APIRouter:
    router = APIRouter()

    def admin(request: Request) -> User:
        try:
            user = signed_in(console, request)
        except SignInNeeded:
            raise HTTPException(404, "There is nothing at this address.") from None
        if user.role != Role.ADMIN:
            raise HTTPException(403, "Only an admin may read the API's documentation.")
        return user

    @router.get("/api/openapi.json", include_in_schema=False)
    def schema(_user: User = Depends(admin)) -> Response:
        return JSONResponse(api.openapi())

    @router.get("/api/docs", include_in_schema=False)
    def docs(request: Request, user: User = Depends(admin)) -> Response:
        document = api.openapi()
        return console.render(
            request,
            "api_docs.html",
            user,
            info=document["info"],
            server=document["servers"][0]["url"],
            operations=operations(document),
        )

    return router
