"""The client's side of a review link: GET shows the pack with a comment box per item, POST
approves or requests changes. No account and no console: the signed link is the credential,
and the form carries a token bound to it (the portal has no session to hold a CSRF cookie).

A link we did not sign, or one past its date, answers 400; a withdrawn one 410; a link whose
run was decided elsewhere or whose pack changed 409 — each a page that says so, and nothing changes."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from aicmo.kernel.errors import Conflict, InvalidInput
from aicmo.kernel.text import MAX_COMMENT
from aicmo.operator.web.portal.client_pack import client_pack
from aicmo.operator.web.portal.review_desk import LinkState, Review, ReviewDesk
from aicmo.operator.web.portal.review_form import read_answer, unsent

STATUS = {
    LinkState.OPEN: 200,
    LinkState.DECIDED: 200,
    LinkState.EXPIRED: 400,
    LinkState.REVOKED: 410,
    LinkState.CLOSED: 409,
    LinkState.CHANGED: 409,
}


def portal_router(desk: ReviewDesk) -> APIRouter:
    router = APIRouter()
    templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))
    templates.env.autoescape = True
    agency = desk.app.settings.agency_name

    def page(
        request: Request, token: str, review: Review | None, status: int | None = None, **context: object
    ) -> Response:
        values = {
            "agency": agency,
            "review": review,
            "token": token,
            "max_comment": MAX_COMMENT,
            "problems": {},
            "typed": {},
            "unsent": [],
            **context,
        }
        if review is not None:
            values |= {
                "deliverables": client_pack(review.pack) if review.pack else [],
                "timezone": review.timezone,
                "form_token": desk.tokens.form_token(token),
            }
        code = status or (STATUS[review.state] if review else 400)
        return templates.TemplateResponse(request, "review.html", values, status_code=code)

    @router.get("/review/{token}")
    async def show(request: Request, token: str) -> Response:
        return page(request, token, await run_in_threadpool(desk.open, token))

    @router.post("/review/{token}")
    async def decide(request: Request, token: str) -> Response:
        review = await run_in_threadpool(desk.open, token)
        form = {name: value for name, value in (await request.form()).items() if isinstance(value, str)}
        items = [item for group in client_pack(review.pack) for item in group.items] if review and review.pack else []
        if review is None:
            return page(request, token, None, unsent=unsent(form, items))
        if review.state == LinkState.DECIDED:
            refused = "This link has already been used to decide: nothing was changed."
            return page(request, token, review, 409, refused=refused, unsent=unsent(form, items))
        if review.state != LinkState.OPEN:
            return page(request, token, review, unsent=unsent(form, items))
        if not desk.tokens.form_is_genuine(token, form.get("form_token")):
            return page(
                request, token, review, 403, refused="This form did not come from this page: reload it and try again."
            )
        reading = read_answer(form, items)
        if reading.answer is None:
            return page(request, token, review, 422, problems=reading.problems, typed=reading.typed)
        address = request.client.host if request.client else None
        try:
            await run_in_threadpool(desk.decide, review, reading.answer, address)
        except InvalidInput as error:
            problem = error.problems[0].message if error.problems else error.summary
            return page(request, token, review, 422, problems={"comment": problem}, typed=reading.typed)
        except Conflict as error:
            return page(request, token, review, 409, refused=f"Nothing was changed: {error}.", typed=reading.typed)
        return RedirectResponse(f"/review/{token}#outcome", status_code=303)

    return router
