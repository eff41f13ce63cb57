"""The Anthropic Messages protocol through the official SDK: the section's schema is the
input schema of a tool the model must call; the brand guide is marked for prompt caching."""

from __future__ import annotations

import json

import anthropic

from aicmo.creatives.internal.llm.model_client import (
    MAX_OUTPUT_TOKENS,
    Reply,
    TransientModelError,
    Usage,
    retry_after_seconds,
)
from aicmo.creatives.internal.llm.prompt import Prompt
from aicmo.kernel.errors import ChannelUnavailable

KEY_REFUSED = "the model server refused the key: check AICMO_LLM_API_KEY (or ANTHROPIC_API_KEY)"
TOOL = "write_section"


class AnthropicClient:
    provider = "anthropic"

    def __init__(self, *, model: str, api_key: str | None, base_url: str | None, timeout: float) -> None:
        self.model = model
        self._client = anthropic.Anthropic(
            api_key=api_key or "unused", base_url=base_url, timeout=timeout, max_retries=0
        )

    def complete(self, prompt: Prompt) -> Reply:
        try:
            response = self._client.messages.create(
                model=self.model,
                max_tokens=MAX_OUTPUT_TOKENS,
                system=[
                    {"type": "text", "text": prompt.system},
                    {"type": "text", "text": prompt.brand, "cache_control": {"type": "ephemeral"}},
                ],
                messages=[{"role": "user", "content": prompt.task}],
                tools=[
                    {"name": TOOL, "description": f"Return the {prompt.kind} section.", "input_schema": prompt.schema}
                ],
                tool_choice={"type": "tool", "name": TOOL},
            )
        except (anthropic.RateLimitError, anthropic.InternalServerError) as error:
            raise TransientModelError(
                f"{error.status_code} from the model server", retry_after_seconds(error.response.headers)
            ) from None
        except anthropic.APIStatusError as error:
            if error.status_code == 529:
                raise TransientModelError(
                    "the model server is overloaded (529)", retry_after_seconds(error.response.headers)
                ) from None
            if isinstance(error, anthropic.AuthenticationError):
                raise ChannelUnavailable(KEY_REFUSED) from None
            if isinstance(error, anthropic.NotFoundError):
                raise ChannelUnavailable(
                    f"the model server has no model {self.model!r}: check AICMO_LLM_MODEL"
                ) from None
            raise ChannelUnavailable(
                f"the model server answered {error.status_code}: check AICMO_LLM_BASE_URL and AICMO_LLM_MODEL"
            ) from None
        except anthropic.APIConnectionError as error:
            raise TransientModelError(f"model server unreachable: {type(error).__name__}") from None
        answer = next((block.input for block in response.content if block.type == "tool_use"), None)
        text = json.dumps(answer) if answer is not None else "".join(getattr(b, "text", "") for b in response.content)
        return Reply(text=text, usage=_usage(response.usage))

    def model_names(self) -> list[str]:
        try:
            return [model.id for model in self._client.models.list()]
        except anthropic.APIConnectionError as error:
            raise ChannelUnavailable(
                f"no model server answers at {self._client.base_url} ({type(error).__name__}): check AICMO_LLM_BASE_URL"
            ) from None
        except anthropic.AuthenticationError:
            raise ChannelUnavailable(KEY_REFUSED) from None
        except anthropic.APIStatusError as error:
            raise ChannelUnavailable(
                f"the model server answered {error.status_code} to GET /v1/models: check AICMO_LLM_BASE_URL"
            ) from None


def _usage(usage: object) -> Usage:
    """Anthropic's `input_tokens` already leaves out the cache counters."""
    return Usage(
        input_tokens=usage.input_tokens or 0,
        output_tokens=usage.output_tokens or 0,
        cache_read_tokens=getattr(usage, "cache_read_input_tokens", None) or 0,
        cache_write_tokens=getattr(usage, "cache_creation_input_tokens", None) or 0,
    )
