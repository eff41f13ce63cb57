"""What the model writer needs of a provider: one completion for one prompt, its usage
normalised, and errors sorted into worth-retrying and not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from aicmo.creatives.internal.llm.prompt import Prompt


MAX_OUTPUT_TOKENS = 1024
"""The most one section's answer may run to: the longest section asks for about 300 words.
A model that rambles past it is cut off, and its unfinished JSON refused as invalid."""


@dataclass(frozen=True)
class Usage:
    """Tokens of one call. `input_tokens` excludes cache reads and writes, whatever the
    provider counts, so each counter is priced once."""

    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0


@dataclass(frozen=True)
class Reply:
    text: str
    usage: Usage


class TransientModelError(Exception):
    """A call that may succeed if tried again (429, 5xx, timeout, connection reset)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ModelClient(Protocol):
    provider: str
    model: str

    def complete(self, prompt: Prompt) -> Reply:
        """One answer to `prompt`, asked to match `prompt.schema`.

        Raises:
            TransientModelError: worth another try, after `retry_after` seconds when the server said.
            ChannelUnavailable: the server, key or model is wrong; the message names the setting.
        """
        ...

    def model_names(self) -> list[str]:
        """The models the server lists.

        Raises:
            ChannelUnavailable: the server cannot be reached or refuses the key; the message names the setting.
        """
        ...


def retry_after_seconds(headers: object) -> float | None:
    """The server's Retry-After, in seconds (the HTTP-date form is treated as absent)."""
    value = getattr(headers, "get", lambda _name: None)("retry-after")
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None
