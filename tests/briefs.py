"""The bundled example briefs, parsed, for tests at every level."""

from __future__ import annotations

from pathlib import Path

from aicmo.onboarding.api import Brief
from aicmo.operator.cli.brief_folder import BriefFolder
from aicmo.onboarding.internal.bootstrap import bootstrap_brief_parser as brief_parser

BRIEFS = Path(__file__).resolve().parents[1] / "examples" / "briefs"
EXAMPLES = sorted(path.stem for path in BRIEFS.glob("*.yaml"))


def example(name: str) -> Brief:
    return parsed(BRIEFS / f"{name}.yaml")


def parsed(path: Path) -> Brief:
    return brief_parser().parse_brief(path.read_bytes(), path.name, BriefFolder(path))


def writer_facts(name: str | Path):
    """The facts a writer gets for a bundled brief (or the brief at a path): typed as at intake, in creatives' view."""
    from aicmo.onboarding.internal.fact_typing import type_brief
    from aicmo.production.internal.facts import brief_facts

    brief = parsed(name) if isinstance(name, Path) else example(name)
    return brief_facts(brief, type_brief(brief))
