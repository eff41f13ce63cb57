"""Workflows that stopped in this process with an error they could not record — a full disk,
a broken database — so the command waiting for that run raises it instead of waiting forever."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_stopped: dict[str, BaseException] = {}


def reporting_stops(workflow: Callable[P, R]) -> Callable[P, R]:
    """Keep the error that escapes a workflow method (its first argument after the instance is
    the run id) for `stopped_with`."""

    @functools.wraps(workflow)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return workflow(*args, **kwargs)
        except BaseException as error:
            _stopped[str(args[1])] = error
            raise

    return wrapper


def stopped_with(run_id: str) -> BaseException | None:
    """The error that stopped this run's workflow in this process; None when it did not stop so."""
    return _stopped.get(run_id)
