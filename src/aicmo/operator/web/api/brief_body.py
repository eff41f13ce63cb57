"""A brief sent as a request's body: JSON or YAML by its Content-Type, refused before it is
read in full when it is larger than a brief may be."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from aicmo.kernel.errors import Problem
from aicmo.onboarding.api import BriefLimits
from aicmo.operator.web.api.problems import ApiProblem
from aicmo.operator.web.api.request_body import media_type, unsupported

FORMATS = {
    "application/json": "brief.json",
    "application/yaml": "brief.yaml",
    "application/x-yaml": "brief.yaml",
    "text/yaml": "brief.yaml",
    "text/x-yaml": "brief.yaml",
}
"""A media type and the file name that tells the brief parser its format."""
DOCUMENTED = {
    media: {"schema": {"type": "object", "description": "A brief: its JSON Schema is `aicmo brief schema`."}}
    for media in ("application/json", "application/yaml")
}


@dataclass(frozen=True)
class BriefBody:
    data: bytes
    name: str


async def brief_body(request: Request) -> BriefBody:
    media = media_type(request)
    name = FORMATS.get(media)
    if name is None:
        fix = "send the brief as JSON or YAML, with Content-Type application/json or application/yaml"
        raise unsupported("a brief", media, fix)
    limit = BriefLimits().max_bytes
    too_large = ApiProblem(413, f"the brief is larger than {limit >> 20} MiB", [Problem("body", "shorten the brief")])
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > limit:
            raise too_large
    return BriefBody(bytes(data), name)
