"""Strategy's rows as the `Strategy` the port returns, and its body as stored."""

from __future__ import annotations

from pydantic import BaseModel

from aicmo.strategy.api.dtos import Strategy
from aicmo.strategy.internal.composer import StrategyContent
from aicmo.strategy.internal.models import StrategyRow, StrategyVersionRow

BODY_FIELDS = ("big_idea", "layers", "kpis", "channels", "timeline", "budget", "warnings")


def body(content: StrategyContent) -> dict:
    """The composed strategy's fields, as the JSON a version stores."""
    return {name: _dump(getattr(content, name)) for name in BODY_FIELDS}


def _dump(value: object) -> object:
    if isinstance(value, list):
        return [_dump(item) for item in value]
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return value


def strategy(document: StrategyRow, row: StrategyVersionRow) -> Strategy:
    return Strategy.model_validate(
        {
            "strategy_id": document.id,
            "version_id": row.id,
            "version": row.version,
            "brief_version_id": row.brief_version_id,
            "client_name": document.client_name,
            "status": row.status,
            "created_at": row.created_at,
            **row.body,
        }
    )
