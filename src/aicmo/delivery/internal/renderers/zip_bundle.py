"""One ZIP of every rendered file plus the manifest, with a fixed timestamp so the same
files always give the same archive."""

from __future__ import annotations

import io
import zipfile

from aicmo.gateways.api import OutgoingFile

_FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def render_zip(files: list[OutgoingFile]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            info = zipfile.ZipInfo(file.name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, file.content)
    return buffer.getvalue()
