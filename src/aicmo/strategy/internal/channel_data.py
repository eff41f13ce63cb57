"""Loads and validates the channel data (channels.yaml): segments, platform fit, cadence
limits and the typical costs a KPI is checked against."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from aicmo.onboarding.api import Objective, Platform

Segment = Literal["b2b", "local", "b2c"]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SegmentWords(_Data):
    words: list[str] = Field(min_length=1)


class PlatformData(_Data):
    role: str
    max_cadence: int = Field(ge=1, le=14)
    unit: str
    aliases: list[str] = []
    tactics: list[str] = Field(min_length=1)


class TypicalCost(_Data):
    kind: str
    words: list[str] = Field(min_length=1)
    usd: dict[Segment, float]


class ChannelData(_Data):
    segments: dict[Literal["b2b", "local"], SegmentWords]
    fit: dict[Segment, dict[Platform, float]]
    objective_weights: dict[Objective, dict[Platform, float]]
    hangout_bonus: float = Field(ge=1)
    max_channels: int = Field(ge=1)
    weekly_posts: int = Field(ge=1)
    platforms: dict[Platform, PlatformData]
    typical_costs: list[TypicalCost]
    usd_rates: dict[str, float]
    currency_symbols: dict[str, str]

    @model_validator(mode="after")
    def _complete(self) -> ChannelData:
        every = set(Platform)
        gaps = [f"fit.{segment}" for segment, scores in self.fit.items() if set(scores) != every]
        gaps += ["platforms"] * (set(self.platforms) != every)
        gaps += [
            f"typical_costs.{cost.kind}" for cost in self.typical_costs if set(cost.usd) != {"b2b", "local", "b2c"}
        ]
        gaps += [
            f"currency_symbols.{symbol}" for symbol, code in self.currency_symbols.items() if code not in self.usd_rates
        ]
        if set(self.fit) != {"b2b", "local", "b2c"} or gaps:
            raise ValueError(f"channels.yaml is incomplete: {', '.join(gaps) or 'fit needs b2b, local and b2c'}")
        return self


@cache
def channel_data() -> ChannelData:
    path = Path(__file__).with_name("channels.yaml")
    return ChannelData.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def words_pattern(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One compiled pattern matching any of `words` as whole words, any case."""
    return _words_pattern(tuple(words))


@cache
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
