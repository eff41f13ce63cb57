"""Retries of transient model errors: exponential backoff with jitter, or the server's Retry-After."""

from __future__ import annotations

from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential_jitter

from aicmo.creatives.internal.llm.model_client import TransientModelError

ATTEMPTS = 4
_BACKOFF = wait_exponential_jitter(initial=1, max=30)


def _wait(state: RetryCallState) -> float:
    error = state.outcome.exception() if state.outcome else None
    retry_after = getattr(error, "retry_after", None)
    return min(retry_after, 60.0) if retry_after is not None else _BACKOFF(state)


def retrying() -> Retrying:
    return Retrying(
        stop=stop_after_attempt(ATTEMPTS),
        wait=_wait,
        retry=retry_if_exception_type(TransientModelError),
        reraise=True,
    )
