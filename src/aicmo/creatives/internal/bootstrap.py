"""Creatives wires itself for the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aicmo.creatives.api.ports import ModelCatalog, ModelUsage, Writer
from aicmo.creatives.internal.sql_ledger import SqlLedger
from aicmo.creatives.internal.models import CreativesBase
from aicmo.creatives.internal.template_writer import TemplateWriter
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import InvalidInput, Problem
from aicmo.platform.db import Database

METADATA = CreativesBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"


@dataclass(frozen=True)
class ModelSettings:
    """Which model writes, where it is reached, and the limits of a run."""

    provider: str
    model: str | None
    api_key: str | None
    base_url: str | None
    timeout_seconds: float
    max_cost_per_run: float | None
    fallback_to_template: bool
    concurrency: int = 1
    """Sections one `write_all` has in flight at once."""


def bootstrap_creatives(db: Database, clock: Clock, model: ModelSettings | None = None) -> Writer:
    """The template writer, or a model writer when `model` names a provider."""
    if model is None or model.provider == "template":
        return TemplateWriter()
    from aicmo.creatives.internal.llm.model_writer import ModelWriter

    _require_model_and_key(model)
    return ModelWriter(
        _client(model),
        SqlLedger(db, clock),
        clock,
        max_cost_per_run=model.max_cost_per_run,
        fallback=TemplateWriter() if model.fallback_to_template else None,
        concurrency=model.concurrency,
    )


def bootstrap_model_usage(db: Database, clock: Clock) -> ModelUsage:
    return SqlLedger(db, clock)


def bootstrap_model_catalog(model: ModelSettings) -> ModelCatalog:
    """The server of a model writer's settings, reached with its key (none is required to ask)."""
    return _client(model)


def _require_model_and_key(model: ModelSettings) -> None:
    if not model.model:
        example = "gpt-4o-mini" if model.provider == "openai" else "claude-haiku-4-5"
        raise InvalidInput(
            f"AICMO_WRITER={model.provider} needs a model",
            [Problem("AICMO_LLM_MODEL", f"set it to the model's name, e.g. {example}")],
        )
    if not model.api_key and not model.base_url:
        variable = "OPENAI_API_KEY" if model.provider == "openai" else "ANTHROPIC_API_KEY"
        raise InvalidInput(
            f"AICMO_WRITER={model.provider} needs a key",
            [Problem("AICMO_LLM_API_KEY", f"set it (or {variable}), or point AICMO_LLM_BASE_URL at a local server")],
        )


def _client(model: ModelSettings):
    options = {
        "model": model.model or "",
        "api_key": model.api_key,
        "base_url": model.base_url,
        "timeout": model.timeout_seconds,
    }
    if model.provider == "openai":
        from aicmo.creatives.internal.llm.openai_client import OpenAiClient

        return OpenAiClient(**options)
    from aicmo.creatives.internal.llm.anthropic_client import AnthropicClient

    return AnthropicClient(**options)
