"""Retrying a unit of work that lost a race on a unique key to a concurrent one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError

T = TypeVar("T")


def retry_on_conflict(work: Callable[[], T], attempts: int = 5) -> T:
    """Run `work` (one transaction) again when a concurrent transaction took the same unique
    key first: the next attempt sees the winner's row and builds on it."""
    for attempt in range(attempts):
        try:
            return work()
        except IntegrityError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")
