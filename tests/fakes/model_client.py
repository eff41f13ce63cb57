"""A ModelClient in memory: answers each prompt from a script, and keeps the prompts it was asked."""

from __future__ import annotations

import json
from collections import deque

from aicmo.creatives.internal.llm.model_client import Reply, Usage
from aicmo.creatives.internal.llm.prompt import Prompt
from stand_ins.schema_answers import valid_answer


class FakeModelClient:
    """Each call takes the next scripted reply: a text as it is, or an exception to raise;
    when the script runs out, an answer valid for the prompt's schema. Every reply uses
    `usage`, priced as `model` is."""

    provider = "openai"

    def __init__(
        self,
        script: list[str | Exception] = (),
        *,
        model: str = "gpt-4o-mini",
        usage: Usage = Usage(input_tokens=900, output_tokens=300),
    ) -> None:
        self.model = model
        self.prompts: list[Prompt] = []
        self._script = deque(script)
        self._usage = usage

    def complete(self, prompt: Prompt) -> Reply:
        self.prompts.append(prompt)
        step = self._script.popleft() if self._script else json.dumps(valid_answer(prompt.schema, len(self.prompts)))
        if isinstance(step, Exception):
            raise step
        return Reply(step, self._usage)

    def model_names(self) -> list[str]:
        return [self.model]
