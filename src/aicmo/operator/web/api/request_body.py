"""What every request body shares: a Content-Type the route does not read is refused (415)
naming the header, and a JSON field the route does not know is refused (422) naming the field,
never ignored while the rest is acted on."""

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends
from pydantic import BaseModel, ConfigDict
from starlette.requests import Request

from aicmo.kernel.errors import Problem
from aicmo.operator.web.api.caller import Caller
from aicmo.operator.web.api.problems import ApiProblem


class RequestBody(BaseModel):
    """A JSON body: every field it does not declare is an error."""

    model_config = ConfigDict(extra="forbid")


def media_type(request: Request) -> str:
    """The request's Content-Type without its parameters, in lower case; '' without one."""
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def unsupported(what: str, media: str, fix: str) -> ApiProblem:
    """The 415 for a body of a type the route does not read, naming `Content-Type` and the fix."""
    return ApiProblem(
        415, f"{what} cannot be {media or 'a body without a Content-Type'}", [Problem("Content-Type", fix)]
    )


def json_sender(caller: Callable[..., Caller]) -> Callable[..., Caller]:
    """The `caller` dependency that also refuses a body that is not JSON: once the caller is
    known (401 and 403 first), before the body is validated."""

    async def sender(request: Request, who: Annotated[Caller, Depends(caller)]) -> Caller:
        media = media_type(request)
        if await request.body() and media != "application/json" and not media.endswith("+json"):
            raise unsupported("the body", media, "send a JSON object, with Content-Type application/json")
        return who

    return sender
