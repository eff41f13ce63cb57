"""Loads and validates the strategy's phrasing bank (phrasing.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, field_validator


LAYER_KEYS = (
    "business_reality",
    "market_truth",
    "audience_psychology",
    "value_proposition",
    "narrative",
    "channel_plan",
    "execution_constraints",
    "measurement",
)


class LayerPhrasing(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    summaries: list[str]
    missing: list[str] = []
    """The keys of the brief's gaps (onboarding's advice) this layer shows."""


class ProposedKpi(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    target: float
    unit: str
    comparison: str = "reach"


class StrategyPhrasing(BaseModel):
    model_config = ConfigDict(extra="forbid")
    layers: dict[str, LayerPhrasing]
    big_ideas: list[str]
    unreadable_budget: str
    proposed_kpis: dict[str, list[ProposedKpi]]
    phases: list[str]

    @field_validator("layers")
    @classmethod
    def _all_eight_layers(cls, layers: dict[str, LayerPhrasing]) -> dict[str, LayerPhrasing]:
        missing = [key for key in LAYER_KEYS if key not in layers]
        if missing:
            raise ValueError(f"phrasing.yaml lacks layers: {', '.join(missing)}")
        return layers


@cache
def phrasing() -> StrategyPhrasing:
    path = Path(__file__).with_name("phrasing.yaml")
    return StrategyPhrasing.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
