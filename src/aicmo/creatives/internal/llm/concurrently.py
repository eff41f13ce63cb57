"""Several model calls at once: results in the order asked, the first failure raised once
the calls in flight have stopped, and calls not yet started never made."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def map_concurrently(call: Callable[[Item], Result], items: Sequence[Item], workers: int) -> list[Result]:
    """`[call(item) for item in items]` with up to `workers` calls running at once.

    Raises:
        The exception of the first failed item (in the order of `items`).
    """
    if workers <= 1 or len(items) <= 1:
        return [call(item) for item in items]
    # Named apart from DBOS's own pools, which count "ThreadPoolExecutor" threads as parked runs.
    with ThreadPoolExecutor(max_workers=min(workers, len(items)), thread_name_prefix="aicmo-model-call") as pool:
        futures = [pool.submit(call, item) for item in items]
        wait(futures, return_when=FIRST_EXCEPTION)
        for future in futures:
            future.cancel()
    failures = [future.exception() for future in futures if not future.cancelled() and future.exception() is not None]
    if failures:
        raise failures[0]
    return [future.result() for future in futures]
