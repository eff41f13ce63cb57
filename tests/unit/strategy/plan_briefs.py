"""Briefs for the plan and the copy: the bundled examples plus a family dentist, a yoga studio and a bike shop."""

from __future__ import annotations

from pathlib import Path

from aicmo.onboarding.api import Brief
from aicmo.onboarding.internal.fact_typing import type_brief
from aicmo.onboarding.internal.bootstrap import bootstrap_brief_parser as brief_parser
from aicmo.strategy.internal.composer import StrategyContent, compose
from tests.briefs import example

HERE = Path(__file__).with_name("briefs")


def fixture(name: str) -> Brief:
    path = HERE / f"{name}.yaml"
    return brief_parser().parse_brief(path.read_bytes(), path.name)


def planned(brief: Brief) -> StrategyContent:
    """The brief's strategy from its facts as typed at intake, as the service composes it."""
    return compose(brief, type_brief(brief))


def with_goal(brief: Brief, **changes: object) -> Brief:
    return brief.model_copy(update={"goal": brief.goal.model_copy(update=changes)})


def any_brief(name: str) -> Brief:
    return fixture(name) if (HERE / f"{name}.yaml").exists() else example(name)


LOCAL_SERVICES = ["family-dentist", "yoga-studio", "minimal"]
