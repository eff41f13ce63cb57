"""A refused form is shown again at the address it was posted to (422, with what was typed).
Opening that address again (a link copied from the address bar, a new tab) asks it with GET:
each such address sends the viewer to the page its form is on, instead of a 405."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

FORM_PAGES = {
    "/runs/new/upload": "/runs/new",
    "/runs/{typed}/approve": "/runs/{typed}",
    "/runs/{typed}/reject": "/runs/{typed}",
    "/runs/{typed}/review-links": "/runs/{typed}#client-review",
    "/runs/{typed}/findings/{finding}/waive": "/runs/{typed}#finding-{finding}",
    "/cam/leads/{typed}/meeting": "/cam/leads/{typed}",
    "/cam/leads/{typed}/won": "/cam/leads/{typed}",
}
"""Each address a form posts to and shows a refusal at, and the page that form is on."""


def form_addresses_router() -> APIRouter:
    router = APIRouter()
    for posted, page in FORM_PAGES.items():
        router.add_api_route(posted, _to(page), methods=["GET"], include_in_schema=False)
    return router


def _to(page: str):
    def form_page(request: Request) -> Response:
        parts = {name: quote(str(value), safe="") for name, value in request.path_params.items()}
        return RedirectResponse(page.format(**parts), status_code=303)

    return form_page
