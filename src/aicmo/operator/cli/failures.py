"""The last word on an error no command expected: a failing data file becomes one line and exit 1."""

from __future__ import annotations

from aicmo.platform.settings import Settings
from aicmo.platform.storage import diagnose


def storage_failure(error: BaseException) -> str | None:
    """The line to print when `error` comes from the data files (full disk, read-only, damaged); None otherwise."""
    try:
        settings = Settings()
    except Exception:  # noqa: BLE001 - settings that do not load say nothing about the files
        return None
    return diagnose(error, settings)
