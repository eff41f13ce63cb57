"""A brief file uploaded from the new-run page, refused before it is read in full when the
request is larger than a brief may be, or as soon as the file's name shows it is not YAML or
JSON; the CSRF token travels in the same form."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import PurePath

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

from aicmo.onboarding.api import BriefLimits
from aicmo.operator.web.console.csrf import FIELD

SUFFIXES = (".yaml", ".yml", ".json")
FORM_ROOM = 16 << 10
"""What the form around the file may add: the CSRF token, the part headers."""


class UploadRefused(Exception):
    """Why an upload was refused, and the HTTP status that says so."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class BriefUpload:
    name: str
    data: bytes
    csrf: str | None
    hold_on_fail: bool


def _too_large(limit: int) -> UploadRefused:
    return UploadRefused(413, f"The file is larger than a brief may be ({limit >> 10} KiB): shorten it.")


class _BriefParts(MultiPartParser):
    """Stops at the file's part headers when its name is not a brief's."""

    def on_headers_finished(self) -> None:
        super().on_headers_finished()
        upload = self._current_part.file
        if upload is not None and upload.filename and PurePath(upload.filename).suffix.lower() not in SUFFIXES:
            raise _WrongType(upload.filename)


class _WrongType(MultiPartException):
    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        self.filename = filename


async def _bounded(request: Request, limit: int) -> AsyncIterator[bytes]:
    read = 0
    async for chunk in request.stream():
        read += len(chunk)
        if read > limit:
            raise _too_large(limit - FORM_ROOM)
        yield chunk


async def read_brief_upload(request: Request) -> BriefUpload:
    """The uploaded brief and the form's CSRF token.

    Raises:
        UploadRefused: 413 too large, 415 not a YAML or JSON file, 400 no file or no form.
    """
    limit = BriefLimits().max_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + FORM_ROOM:
        raise _too_large(limit)
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise UploadRefused(400, "Send the brief with the page's upload form.")
    parts = _BriefParts(request.headers, _bounded(request, limit + FORM_ROOM), max_files=1, max_fields=4)
    try:
        form = await parts.parse()
    except _WrongType as wrong:
        raise UploadRefused(415, f"{wrong.filename!r} is not a brief: upload a .yaml, .yml or .json file.") from None
    except MultiPartException:
        raise UploadRefused(400, "The form could not be read: choose the file again and upload it.") from None
    try:
        upload, csrf = form.get("brief"), form.get(FIELD)
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise UploadRefused(400, "Choose a brief file (.yaml, .yml or .json) to upload.")
        data = await upload.read(limit + 1)
        if len(data) > limit:
            raise _too_large(limit)
        return BriefUpload(
            PurePath(upload.filename).name,
            data,
            csrf if isinstance(csrf, str) else None,
            form.get("hold_on_fail") == "on",
        )
    finally:
        await form.close()
