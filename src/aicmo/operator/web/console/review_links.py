"""Client review links from a run's page: the agency makes one for a run waiting for approval,
copies it or has it emailed, and may withdraw it. Reviewers (client-side users) may not.
Making one redirects to the run's page showing it (`?link=ID`), so a reload makes no other."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from aicmo.accounts.api import ReviewLinkId, User
from aicmo.kernel.errors import Conflict, InvalidInput, NotFound
from aicmo.operator.web.access import works_for_the_agency
from aicmo.operator.web.console.context import Console, actor
from aicmo.operator.web.console.run_page import run_page, visible_run
from aicmo.operator.web.console.viewer import signed_in
from aicmo.operator.web.portal.review_desk import ReviewDesk


def review_links_router(console: Console, desk: ReviewDesk) -> APIRouter:
    router = APIRouter()

    def agency_user(request: Request) -> User:
        user = signed_in(console, request)
        if not works_for_the_agency(user):
            raise HTTPException(403, "Only the agency sends review links.")
        return user

    @router.post("/runs/{typed}/review-links", dependencies=[Depends(console.csrf.check)])
    def make(
        request: Request,
        typed: str,
        days: Annotated[str, Form()] = "7",
        email: Annotated[str, Form()] = "",
        user: User = Depends(agency_user),
    ) -> Response:
        run = visible_run(console, user, typed)
        typed_values = {"days": days, "email": email}
        try:
            made = desk.make(run, days, email, actor(request, user))
        except InvalidInput as error:
            problems = {problem.field: problem.message for problem in error.problems}
            return run_page(console, desk, request, user, run, 422, problems=problems, typed=typed_values)
        except Conflict as error:
            return run_page(console, desk, request, user, run, 409, problems={"review": str(error)}, typed=typed_values)
        return RedirectResponse(f"/runs/{run.run_id}?link={made.link_id}#client-review", status_code=303)

    @router.post("/runs/{typed}/review-links/{link}/revoke", dependencies=[Depends(console.csrf.check)])
    def revoke(request: Request, typed: str, link: str, user: User = Depends(agency_user)) -> Response:
        run = visible_run(console, user, typed)
        try:
            link_id = ReviewLinkId.parse(link)
            if all(known.link_id != link_id for known in console.app.review_links.of_run(run.run_id)):
                raise NotFound(link)
            console.app.review_links.revoke(link_id, actor(request, user))
        except (ValueError, NotFound):
            raise HTTPException(404, "This run has no such review link.") from None
        return RedirectResponse(f"/runs/{run.run_id}#client-review", status_code=303)

    return router
