"""Orchestration wires itself: binds the ports its workflow steps call."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from aicmo.delivery.api import PackageBuilder
from aicmo.kernel.clock import Clock
from aicmo.onboarding.api import BriefIntake
from aicmo.orchestration.api.ports import EventBus, Workflows
from aicmo.orchestration.internal.events.dispatcher import EventDispatcher, Subscription
from aicmo.orchestration.internal.models import OrchestrationBase
from aicmo.orchestration.internal.executors import ExecutorRegistry
from aicmo.orchestration.internal.handover import Handover
from aicmo.orchestration.internal.run_store import RunStore
from aicmo.platform.durable import RunQueue
from aicmo.platform.events import read_events
from aicmo.orchestration.internal.service import WorkflowService
from aicmo.orchestration.internal.wiring import StepPorts, bind
from aicmo.platform.db import Database
from aicmo.production.api import ContentProduction
from aicmo.qc.api import QualityGate
from aicmo.strategy.api import StrategyPlanner

METADATA = OrchestrationBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"


def bootstrap_orchestration(
    db: Database,
    clock: Clock,
    *,
    onboarding: BriefIntake,
    strategy: StrategyPlanner,
    production: ContentProduction,
    qc: QualityGate,
    delivery: PackageBuilder,
    read_steps: Callable[[str], list[dict]],
    queue: RunQueue,
    executors: ExecutorRegistry | None,
    crash_at: str | None = None,
) -> tuple[Workflows, Handover]:
    """The Workflows port, and the handover that moves on what a process holds when it exits."""
    runs = RunStore(db, clock)
    bind(StepPorts(onboarding=onboarding, strategy=strategy, production=production, qc=qc, delivery=delivery, runs=runs, crash_at=crash_at))
    handover = Handover(runs, queue)
    return WorkflowService(runs, read_steps, lambda types: read_events(db, types, limit=100_000), queue, executors, handover), handover


def bootstrap_executors(db: Database, clock: Clock, executor: str, lease_seconds: float) -> ExecutorRegistry:
    return ExecutorRegistry(db, clock, executor, lease=timedelta(seconds=lease_seconds))


def bootstrap_event_bus(db: Database, clock: Clock, subscriptions: list[Subscription]) -> EventBus:
    return EventDispatcher(db, clock, subscriptions)
