"""Errors as RFC 9457 problem details (`application/problem+json`): a type, a title, the
status, a detail a person can act on, and for a wrong input every field at fault with what
to do (`errors: [{field, message}]`), the same messages as the command line's."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from aicmo.kernel.errors import Conflict, InvalidInput, NotFound, Problem

MEDIA_TYPE = "application/problem+json"
TITLES = {
    400: "Bad request",
    401: "Authentication needed",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Too large",
    415: "Unsupported media type",
    422: "Invalid input",
}
FIELDS = {"--comment": "comment", "--item": "items", "--reason": "reason"}
"""A field the command line names by its option, as the API's body names it."""


class FieldError(BaseModel):
    field: str
    message: str


class ProblemDetails(BaseModel):
    """What every error answers (RFC 9457)."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[FieldError] = []


class ApiProblem(Exception):
    """An error the API answers as it is: a status, what went wrong, and the fields at fault."""

    def __init__(
        self, status: int, detail: str, errors: list[Problem] | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or []
        self.headers = headers


def problem_response(request: Request, problem: ApiProblem) -> Response:
    title = TITLES.get(problem.status, "Error")
    body = ProblemDetails(
        type=f"urn:aicmo:problem:{title.lower().replace(' ', '-')}",
        title=title,
        status=problem.status,
        detail=problem.detail,
        instance=request.url.path,
        errors=[FieldError(field=FIELDS.get(p.field, p.field), message=p.message) for p in problem.errors],
    )
    return JSONResponse(
        body.model_dump(mode="json"), status_code=problem.status, media_type=MEDIA_TYPE, headers=problem.headers
    )


def _of_domain(error: Exception) -> ApiProblem:
    if isinstance(error, InvalidInput):
        return ApiProblem(422, error.summary, error.problems)
    return ApiProblem(404 if isinstance(error, NotFound) else 409, str(error))


def _of_request(error: RequestValidationError) -> ApiProblem:
    return ApiProblem(422, "the request is not valid", [_field_problem(e) for e in error.errors()])


def _field_problem(error: dict[str, Any]) -> Problem:
    """A field named by its path in the body or its query parameter; a body that is not JSON names the body."""
    where, *path = error["loc"]
    if error["type"] == "json_invalid":
        return Problem(
            "body", f'not valid JSON at character {path[0] if path else 0}: send a JSON object, e.g. {{"comment": "…"}}'
        )
    if error["type"] == "extra_forbidden":
        return Problem(".".join(str(part) for part in path), "is not a field this request reads: leave it out")
    return Problem(".".join(str(part) for part in path) or str(where), error["msg"])


ROUTING = {
    404: "there is nothing at this address: the API's paths are listed at /api/docs, for an admin signed in"
    " to the console",
    405: "this address does not take this method",
}


def _of_http(error: HTTPException) -> ApiProblem:
    return ApiProblem(error.status_code, ROUTING.get(error.status_code, str(error.detail)), headers=error.headers)


def answer_problems(api: FastAPI) -> None:
    """Every error of `api` as problem details: its own, the modules' (InvalidInput 422,
    NotFound 404, Conflict 409), a wrong request's (422), and unknown addresses (404)."""

    def handler(convert: Any):
        def handle(request: Request, error: Exception) -> Response:
            return problem_response(request, convert(error))

        return handle

    api.add_exception_handler(ApiProblem, handler(lambda error: error))
    for kind in (InvalidInput, NotFound, Conflict):
        api.add_exception_handler(kind, handler(_of_domain))
    api.add_exception_handler(RequestValidationError, handler(_of_request))
    api.add_exception_handler(HTTPException, handler(_of_http))
