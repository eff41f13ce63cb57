"""The OpenAI chat-completions protocol (OpenAI, vLLM, llama.cpp server, LM Studio, Ollama),
through the official SDK, asking for JSON that matches the section's schema."""

from __future__ import annotations

import openai

from aicmo.creatives.internal.llm.model_client import (
    MAX_OUTPUT_TOKENS,
    Reply,
    TransientModelError,
    Usage,
    retry_after_seconds,
)
from aicmo.creatives.internal.llm.prompt import Prompt
from aicmo.kernel.errors import ChannelUnavailable

KEY_REFUSED = "the model server refused the key: check AICMO_LLM_API_KEY (or OPENAI_API_KEY)"


class OpenAiClient:
    provider = "openai"

    def __init__(self, *, model: str, api_key: str | None, base_url: str | None, timeout: float) -> None:
        self.model = model
        self._client = openai.OpenAI(api_key=api_key or "unused", base_url=base_url, timeout=timeout, max_retries=0)

    def complete(self, prompt: Prompt) -> Reply:
        try:
            response = self._client.chat.completions.create(
                model=self.model,
                max_tokens=MAX_OUTPUT_TOKENS,
                messages=[
                    {"role": "system", "content": f"{prompt.system}\n\n{prompt.brand}"},
                    {"role": "user", "content": prompt.task},
                ],
                response_format={
                    "type": "json_schema",
                    "json_schema": {"name": f"{prompt.kind}_section", "schema": prompt.schema},
                },
            )
        except (openai.RateLimitError, openai.InternalServerError) as error:
            raise TransientModelError(
                f"{error.status_code} from the model server", retry_after_seconds(error.response.headers)
            ) from None
        except openai.APIConnectionError as error:
            raise TransientModelError(f"model server unreachable: {type(error).__name__}") from None
        except openai.AuthenticationError:
            raise ChannelUnavailable(KEY_REFUSED) from None
        except openai.NotFoundError:
            raise ChannelUnavailable(f"the model server has no model {self.model!r}: check AICMO_LLM_MODEL") from None
        except openai.APIStatusError as error:
            raise ChannelUnavailable(
                f"the model server answered {error.status_code}: check AICMO_LLM_BASE_URL and AICMO_LLM_MODEL"
            ) from None
        choice = response.choices[0] if response.choices else None
        text = (choice.message.content or "") if choice else ""
        return Reply(text=text, usage=_usage(response.usage))

    def model_names(self) -> list[str]:
        try:
            return [model.id for model in self._client.models.list()]
        except openai.APIConnectionError as error:
            raise ChannelUnavailable(
                f"no model server answers at {self._client.base_url} ({type(error).__name__}): check AICMO_LLM_BASE_URL"
            ) from None
        except openai.AuthenticationError:
            raise ChannelUnavailable(KEY_REFUSED) from None
        except openai.APIStatusError as error:
            raise ChannelUnavailable(
                f"the model server answered {error.status_code} to GET /models: check AICMO_LLM_BASE_URL"
            ) from None


def _usage(usage: object) -> Usage:
    """OpenAI counts cached prompt tokens inside `prompt_tokens`: take them out."""
    if usage is None:
        return Usage()
    details = getattr(usage, "prompt_tokens_details", None)
    cached = (getattr(details, "cached_tokens", None) or 0) if details else 0
    return Usage(
        input_tokens=max(0, (usage.prompt_tokens or 0) - cached),
        output_tokens=usage.completion_tokens or 0,
        cache_read_tokens=cached,
    )
