"""An HTTP error (403, 404…) as a console page that says what happened and changes nothing."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from aicmo.operator.web.console.context import Console
from aicmo.operator.web.console.viewer import SignInNeeded, signed_in

TITLES = {
    400: "Bad request",
    401: "Sign in first",
    403: "Not allowed",
    404: "Not found",
    405: "Not allowed",
    409: "Conflict",
    422: "Check the form",
}


def error_page(console: Console):
    def handle(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        try:
            viewer = signed_in(console, request)
        except SignInNeeded:
            viewer = None
        title = TITLES.get(error.status_code, "Error")
        return console.render(request, "error.html", viewer, error.status_code, title=title, detail=error.detail)

    return handle
