"""The ports a workflow's steps call: the composition root gives them to the workflow's
instance (see `client_to_delivery.ClientToDelivery`) before DBOS launches."""

from __future__ import annotations

from dataclasses import dataclass

from aicmo.delivery.api import PackageBuilder
from aicmo.onboarding.api import BriefIntake
from aicmo.orchestration.internal.run_store import RunStore
from aicmo.platform.crash_switch import CrashSwitch
from aicmo.production.api import ContentProduction
from aicmo.qc.api import QualityGate
from aicmo.strategy.api import StrategyPlanner


@dataclass(frozen=True)
class StepPorts:
    onboarding: BriefIntake
    strategy: StrategyPlanner
    production: ContentProduction
    qc: QualityGate
    delivery: PackageBuilder
    runs: RunStore
    crash: CrashSwitch = CrashSwitch()
    revision_rounds: int = 1
    """How many times a pack failing QC is rewritten with its findings before the gate."""
    writer_applies_comments: bool = False
    """Whether the writer reads an operator's free-text comment (a model does; templates cannot)."""
