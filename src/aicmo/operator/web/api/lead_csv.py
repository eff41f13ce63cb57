"""A CSV of leads sent as a request's body: refused before it is read in full when it is of
another type or too large, and the import's advice told in the API's terms."""

import tempfile

from starlette.requests import Request

from aicmo.kernel.errors import Problem
from aicmo.operator.web.api.problems import ApiProblem
from aicmo.operator.web.api.request_body import media_type, unsupported

CSV_LIMIT = 64 << 20
"""The largest CSV upload: about 500,000 leads of a few columns."""
CSV_BODY = {
    "required": True,
    "content": {"text/csv": {"schema": {"type": "string", "description": "UTF-8, with a header line."}}},
}

EXAMPLE_HEADER = "email,first_name,company"
IMPORT_ADVICE = {
    "email": Problem("email", f"name the column of addresses 'email' on the first line, e.g. {EXAMPLE_HEADER}"),
    "body": Problem("body", f"send a CSV of leads, UTF-8, with a header line such as {EXAMPLE_HEADER}"),
}
"""The API's own advice where the import's is the command line's (the API maps columns by their
header alone), and for a fault the import does not place in the file."""


async def csv_upload(request: Request) -> tempfile.SpooledTemporaryFile:
    """The request's CSV body, spooled to disk past 1 MiB; refused past `CSV_LIMIT` before it is read in full."""
    if (media := media_type(request)) != "text/csv":
        raise unsupported("a file of leads", media, "send it as a CSV with Content-Type text/csv")
    declared = request.headers.get("content-length", "")
    too_large = ApiProblem(
        413, f"the CSV is larger than {CSV_LIMIT >> 20} MiB", [Problem("body", "split the file and import each part")]
    )
    if declared.isdigit() and int(declared) > CSV_LIMIT:
        raise too_large
    upload = tempfile.SpooledTemporaryFile(max_size=1 << 20)
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > CSV_LIMIT:
            upload.close()
            raise too_large
        upload.write(chunk)
    upload.seek(0)
    return upload
