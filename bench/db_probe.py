"""A pytest plugin for bench/test_levels.py: notes each test during which a database connection opened.

It listens to every SQLAlchemy pool and wraps `sqlite3.connect`, and writes the test count
and the ids of those tests to the file named by AICMO_DB_PROBE_REPORT.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.pool import Pool

_current: list[str] = []
_with_database: set[str] = set()
_tests: list[int] = [0]
_connect = sqlite3.connect


def _note(*_args: object, **_kwargs: object) -> None:
    if _current:
        _with_database.add(_current[-1])


def _probing_connect(*args: object, **kwargs: object) -> sqlite3.Connection:
    _note()
    return _connect(*args, **kwargs)  # type: ignore[arg-type]


event.listen(Pool, "checkout", _note)
sqlite3.connect = _probing_connect  # type: ignore[assignment]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> object:
    _current.append(item.nodeid)
    _tests[0] += 1
    try:
        return (yield)
    finally:
        _current.pop()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    report = os.environ.get("AICMO_DB_PROBE_REPORT")
    if report:
        Path(report).write_text(json.dumps({"tests": _tests[0], "with_database": sorted(_with_database)}))
