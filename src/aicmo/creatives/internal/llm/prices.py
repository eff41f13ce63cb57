"""What a call costs, from the price table (../prices.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from aicmo.creatives.internal.llm.model_client import Usage

_PER_TOKEN = 1 / 1_000_000


class Price(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    input: float
    output: float
    cache_read: float
    cache_write: float


@cache
def _table() -> dict[str, dict[str, Price]]:
    raw = yaml.safe_load(Path(__file__).resolve().parents[1].joinpath("prices.yaml").read_text(encoding="utf-8"))
    return {
        provider: {model: Price.model_validate(p) for model, p in models.items()} for provider, models in raw.items()
    }


def price_of(provider: str, model: str) -> Price | None:
    prefixes = [name for name in _table().get(provider, {}) if model.startswith(name)]
    return _table()[provider][max(prefixes, key=len)] if prefixes else None


def cost_usd(provider: str, model: str, usage: Usage) -> float:
    price = price_of(provider, model)
    if price is None:
        return 0.0
    return _PER_TOKEN * (
        usage.input_tokens * price.input
        + usage.output_tokens * price.output
        + usage.cache_read_tokens * price.cache_read
        + usage.cache_write_tokens * price.cache_write
    )
