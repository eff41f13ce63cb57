"""What went wrong with the data files, in one line that names the file and the fix.

SQLite and the file system report a full disk, a read-only folder or a damaged database
deep inside a chain of exceptions; `diagnose` finds the cause in that chain and, for a
damaged database, checks each data file to name the one that is broken.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from aicmo.platform.settings import Settings

_FULL = ("disk is full", "no space left")
_READ_ONLY = ("readonly database", "read-only file system", "attempt to write a readonly")
_UNOPENABLE = ("unable to open database file",)
_DAMAGED = ("malformed", "not a database", "file is encrypted", "disk i/o error")
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
_DENIED_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def diagnose(error: BaseException, settings: Settings) -> str | None:
    """One line naming the file and the fix when `error` comes from the data files; None otherwise."""
    home = settings.home.resolve()
    for cause in _chain(error):
        text = str(cause).lower()
        if isinstance(cause, OSError) and cause.errno in _FULL_ERRNOS or any(s in text for s in _FULL):
            return (
                f"{home}: no space left on the device — free some space or set AICMO_HOME to a folder on another disk"
            )
        if isinstance(cause, OSError) and cause.errno in _DENIED_ERRNOS:
            where = cause.filename or home
            return (
                f"{where}: cannot write here ({cause.strerror})"
                " — make it writable or set AICMO_HOME to a folder you can write"
            )
        if any(s in text for s in _READ_ONLY + _UNOPENABLE):
            return (
                f"{home}: cannot write the databases in this folder"
                " — make it writable or set AICMO_HOME to a folder you can write"
            )
        if any(s in text for s in _DAMAGED):
            damaged = damaged_database(settings)
            if damaged is not None:
                return (
                    f"{damaged}: the database is damaged"
                    " — restore it from a backup, or move it aside to start with an empty one"
                )
    return None


def damaged_database(settings: Settings) -> Path | None:
    """The first of the SQLite data files that is not a sound database; None when all are."""
    for path in sqlite_files(settings):
        if path.exists() and not is_sound(path):
            return path
    return None


def sqlite_files(settings: Settings) -> list[Path]:
    """The SQLite files this installation keeps (none on Postgres)."""
    urls = dict.fromkeys((settings.resolved_database_url, settings.durable_database_url))
    return [Path(url.split(":///", 1)[1]) for url in urls if url.startswith("sqlite:///")]


def is_sound(path: Path) -> bool:
    """Whether the file opens as a SQLite database and passes its quick check (read-only: nothing is
    created). A file that cannot be opened for another reason (a read-only folder) is not called damaged."""
    quiet = "" if path.with_name(f"{path.name}-wal").exists() else "&immutable=1"  # no -shm/-wal made beside it
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro{quiet}", uri=True)
        try:
            return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            connection.close()
    except sqlite3.Error as error:
        return not any(s in str(error).lower() for s in _DAMAGED)


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        orig = getattr(error, "orig", None)
        if isinstance(orig, BaseException) and id(orig) not in seen:
            yield orig
            seen.add(id(orig))
        error = error.__cause__ or error.__context__
