"""Generate a strategy: compose it from a brief version and store it as the next draft version."""

from __future__ import annotations

from aicmo.kernel.clock import Clock
from aicmo.onboarding.api import BriefRecord
from aicmo.strategy.api.dtos import Strategy, StrategyId, StrategyStatus, StrategyVersionId
from aicmo.strategy.api.events import StrategyGenerated
from aicmo.strategy.internal.composer import compose
from aicmo.strategy.internal.documents import body, strategy
from aicmo.strategy.internal.models import StrategyRow, StrategyVersionRow
from aicmo.strategy.internal.strategy_repository import StrategyUnitOfWorkFactory


def generate(uow: StrategyUnitOfWorkFactory, clock: Clock, brief: BriefRecord, key: str | None) -> Strategy:
    """Strategies for one brief take turns: each sees whether its document exists yet and the highest version.

    A second call with the same `key` returns the version the first one stored.
    """
    content = compose(brief.brief, brief.facts)
    now = clock.now()
    with uow() as unit:
        unit.take_turn(f"strategy-of-brief:{brief.brief_id}")
        strategies = unit.repository
        earlier = strategies.version_for_key(key) if key is not None else None
        if earlier is not None:
            return strategy(strategies.document_of(earlier), earlier)
        document = strategies.document_for_brief(brief.brief_id)
        if document is None:
            document = StrategyRow(
                id=StrategyId.new(), brief_id=brief.brief_id, client_name=brief.client_name, created_at=now
            )
            strategies.add_document(document)
        row = StrategyVersionRow(
            id=StrategyVersionId.new(),
            strategy_id=document.id,
            version=strategies.latest_version_number(document.id) + 1,
            brief_version_id=brief.version_id,
            request_key=key,
            status=StrategyStatus.DRAFT,
            body=body(content),
            created_at=now,
        )
        strategies.add_version(row)
        unit.publish(
            StrategyGenerated(
                strategy_id=document.id, version_id=row.id, version=row.version, brief_version_id=brief.version_id
            )
        )
        unit.commit()
        return strategy(document, row)
