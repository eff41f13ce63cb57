"""The Writer that asks a model (OpenAI- or Anthropic-compatible) for each section.

Every call is charged to the run in the ledger; every answer is stored before the step
that asked completes, so a step resumed after a crash reuses it instead of paying again.
An answer that fails validation gets one second chance carrying the errors; then the item
falls back to the template writer when allowed, or fails with the reason. `write_all` keeps
up to `concurrency` sections in flight; each call opens its own database session.
"""

from __future__ import annotations

import time

from aicmo.creatives.api.dtos import BriefFacts, ModelCall, SectionSpec, WrittenSection
from aicmo.creatives.api.ports import Writer
from aicmo.creatives.internal.ledger import Ledger, run_and_step
from aicmo.creatives.internal.llm.answer import InvalidAnswer, section_fields_from
from aicmo.creatives.internal.llm.concurrently import map_concurrently
from aicmo.creatives.internal.llm.model_client import ModelClient, Reply, TransientModelError, Usage
from aicmo.creatives.internal.llm.prices import cost_usd
from aicmo.creatives.internal.llm.prompt import Prompt, build_prompt, disclaimer_field
from aicmo.creatives.internal.llm.retrying import ATTEMPTS, retrying
from aicmo.creatives.internal.sections import SECTION_MODELS
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import BudgetExceeded, ChannelUnavailable, WriterFailed


class ModelWriter:
    writes_in_sequence = False

    def __init__(
        self,
        client: ModelClient,
        ledger: Ledger,
        clock: Clock,
        *,
        max_cost_per_run: float | None,
        fallback: Writer | None,
        concurrency: int = 1,
    ) -> None:
        self._client = client
        self._concurrency = concurrency
        self._ledger = ledger
        self._clock = clock
        self._max_cost = max_cost_per_run
        self._fallback = fallback

    @property
    def stand_in(self) -> Writer | None:
        return self._fallback

    @property
    def name(self) -> str:
        return f"{self._client.provider}:{self._client.model}"

    def write(self, spec: SectionSpec, facts: BriefFacts) -> WrittenSection:
        if spec.kind not in SECTION_MODELS:
            raise ValueError(f"the model writer knows no section {spec.kind!r}: use one of {', '.join(SECTION_MODELS)}")
        errors = ""
        for _chance in range(2):
            prompt = build_prompt(spec, facts, errors=errors)
            try:
                fields = self._answer(prompt, spec, facts)
            except InvalidAnswer as invalid:
                errors = str(invalid)
                continue
            return WrittenSection(
                fields=_with_disclaimer(fields, spec, facts), writer=self.name, prompt_version=prompt.version
            )
        reason = f"the model's answer was invalid twice ({errors})"
        if self._fallback is None:
            raise WriterFailed(
                f"{_item(spec)}: {reason}; set AICMO_LLM_FALLBACK=template to let the template writer stand in"
            )
        written = self._fallback.write(spec, facts)
        return written.model_copy(update={"fallback_reason": reason})

    def write_all(self, specs: list[SectionSpec], facts: BriefFacts) -> list[WrittenSection]:
        return map_concurrently(lambda spec: self.write(spec, facts), specs, self._concurrency)

    def _answer(self, prompt: Prompt, spec: SectionSpec, facts: BriefFacts) -> dict[str, str]:
        """The fields of the model's answer to `prompt`: the stored answer when this step already paid for it."""
        key = f"{spec.request_key or '-'}|{_item(spec)}|{spec.round}|{prompt.digest}"
        stored = self._ledger.stored(key)
        if stored is not None:
            return section_fields_from(stored, spec.kind, facts)
        run, step = run_and_step(spec.request_key)
        self._within_budget(run, step)
        started = time.monotonic()
        attempts = retrying()
        try:
            reply = attempts(self._client.complete, prompt)
        except (TransientModelError, ChannelUnavailable) as error:
            self._ledger.record(self._call(spec, facts, prompt, Reply("", Usage()), started, attempts, "failed"))
            if isinstance(error, TransientModelError):
                raise ChannelUnavailable(
                    f"the model server failed {ATTEMPTS} times ({error}): check AICMO_LLM_BASE_URL"
                ) from None
            raise
        try:
            fields = section_fields_from(reply.text, spec.kind, facts)
        except InvalidAnswer:
            self._ledger.store(key, reply.text, self._call(spec, facts, prompt, reply, started, attempts, "invalid"))
            raise
        self._ledger.store(key, reply.text, self._call(spec, facts, prompt, reply, started, attempts, "ok"))
        return fields

    def _within_budget(self, run: str | None, step: str | None) -> None:
        if self._max_cost is None or run is None:
            return
        spent = self._ledger.spent(run)
        if spent >= self._max_cost:
            raise BudgetExceeded(
                f"the run spent ${spent:.4f} on model calls,"
                f" reaching AICMO_LLM_MAX_COST_PER_RUN (${self._max_cost:.4f}); stopped at {step}"
            )

    def _call(
        self, spec: SectionSpec, facts: BriefFacts, prompt: Prompt, reply: Reply, started: float, attempts, outcome: str
    ) -> ModelCall:
        """The ledger's line for one call: tokens, latency, retries, outcome and cost."""
        run, step = run_and_step(spec.request_key)
        tries = attempts.statistics.get("attempt_number", 1)
        return ModelCall(
            run=run,
            step=step,
            item=_item(spec),
            round=spec.round,
            client=facts.brand.text,
            provider=self._client.provider,
            model=self._client.model,
            prompt_version=prompt.version,
            input_tokens=reply.usage.input_tokens,
            output_tokens=reply.usage.output_tokens,
            cache_read_tokens=reply.usage.cache_read_tokens,
            cache_write_tokens=reply.usage.cache_write_tokens,
            latency_ms=round((time.monotonic() - started) * 1000),
            retries=max(0, tries - 1),
            outcome=outcome,
            cost_usd=cost_usd(self._client.provider, self._client.model, reply.usage),
            at=self._clock.now(),
        )


def _item(spec: SectionSpec) -> str:
    return f"{spec.kind}:{spec.platform or '-'}:{spec.index}:{spec.variant}"


def _with_disclaimer(fields: dict[str, str], spec: SectionSpec, facts: BriefFacts) -> dict[str, str]:
    """A required disclaimer the model left out is added word for word, never left missing."""
    if not spec.needs_disclaimer or not facts.disclaimers:
        return fields
    field = disclaimer_field(spec.kind)
    missing = [d for d in facts.disclaimers if d not in fields.get(field, "")]
    return (
        {**fields, field: "\n\n".join(part for part in [fields.get(field, ""), *missing] if part)}
        if missing
        else fields
    )
