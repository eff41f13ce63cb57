"""Orchestration wires itself: gives its workflow the ports its steps call."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from aicmo.delivery.api import PackageBuilder
from aicmo.kernel.clock import Clock
from aicmo.onboarding.api import BriefIntake
from aicmo.orchestration.api.ports import EventBus, Workflows
from aicmo.orchestration.internal.events.dispatcher import EventDispatcher
from aicmo.orchestration.internal.events.subscription import Subscription
from aicmo.orchestration.internal.models import OrchestrationBase
from aicmo.orchestration.internal.client_to_delivery import ClientToDelivery
from aicmo.orchestration.internal.executors import ExecutorRegistry
from aicmo.orchestration.internal.handover import Handover
from aicmo.orchestration.internal.run_store import RunStore
from aicmo.platform.crash_switch import CrashSwitch
from aicmo.platform.durable import RunQueue
from aicmo.platform.events import read_events
from aicmo.orchestration.internal.service import WorkflowService
from aicmo.orchestration.internal.wiring import StepPorts
from aicmo.platform.db import Database
from aicmo.orchestration.api.dtos import RunSummary
from aicmo.production.api import ContentPack, ContentProduction
from aicmo.qc.api import QcRunId, QualityGate
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
    crash: CrashSwitch = CrashSwitch(),
    revision_rounds: int = 1,
    writer_applies_comments: bool = False,
) -> tuple[Workflows, Handover]:
    """The Workflows port, and the handover that moves on what a process holds when it exits."""
    runs = RunStore(db, clock)
    ports = StepPorts(
        onboarding=onboarding,
        strategy=strategy,
        production=production,
        qc=qc,
        delivery=delivery,
        runs=runs,
        crash=crash,
        revision_rounds=revision_rounds,
        writer_applies_comments=writer_applies_comments,
    )
    workflow = ClientToDelivery.bound_to(ports) if executors is not None else None
    handover = Handover(runs, queue)

    def pack_of(run: RunSummary) -> ContentPack:
        report = qc.get(QcRunId.parse(run.qc_run_id))
        return production.get_pack(report.pack_id)

    service = WorkflowService(
        runs,
        read_steps,
        lambda types: read_events(db, types, limit=100_000),
        queue,
        executors,
        pack_of,
        handover,
        ports,
        workflow,
    )
    return service, handover


def bootstrap_executors(db: Database, clock: Clock, executor: str, lease_seconds: float) -> ExecutorRegistry:
    return ExecutorRegistry(db, clock, executor, lease=timedelta(seconds=lease_seconds))


def bootstrap_event_bus(db: Database, clock: Clock, subscriptions: list[Subscription]) -> EventBus:
    return EventDispatcher(db, clock, subscriptions)
