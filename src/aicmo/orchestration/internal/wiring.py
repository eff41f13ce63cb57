"""The ports a workflow's steps call, bound once per process by the composition root.

DBOS registers workflow functions by name at import time and may re-run them after a
restart, so steps cannot take ports as arguments; they look them up here. The binding is
set before DBOS launches and never changes while the process runs.
"""

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


_bound: StepPorts | None = None


def bind(ports: StepPorts) -> None:
    global _bound
    _bound = ports


def ports() -> StepPorts:
    if _bound is None:
        raise RuntimeError("workflow ports are not bound: build the app with aicmo.orchestration.composition.bootstrap")
    return _bound
