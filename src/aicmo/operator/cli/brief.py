"""`aicmo brief schema` and `aicmo brief check FILE`: the brief format, without running anything."""

from __future__ import annotations

import json
from pathlib import Path

from aicmo.onboarding.api import Brief
from aicmo.operator.cli.user_file import read_brief_file
from aicmo.operator.cli.brief_folder import BriefFolder
from aicmo.operator.cli.console import EXIT_OK, out, user_errors
from aicmo.orchestration.composition import brief_parser

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def brief_schema() -> dict:
    """The JSON Schema of a brief file, generated from the model the brief is validated with.

    A brief file names its logo by a path beside it; the model keeps the logo's bytes once
    read, so the file's schema says `brand.logo` is that path."""
    schema = Brief.model_json_schema()
    schema["$defs"]["Brand"]["properties"]["logo"] = {
        "anyOf": [{"type": "string", "description": "a .png or .svg file, relative to the brief"}, {"type": "null"}],
        "default": None,
    }
    schema["$defs"].pop("BrandLogo", None)
    return {"$schema": SCHEMA_DIALECT, **schema}


def print_schema() -> int:
    out.print(json.dumps(brief_schema(), indent=2, ensure_ascii=False), markup=False, soft_wrap=True)
    return EXIT_OK


@user_errors
def check_brief(path: Path) -> int:
    """Validate a brief file and summarise it; every problem is named by its field path (exit 2)."""
    brief = brief_parser().parse_brief(read_brief_file(path), path.name, BriefFolder(path))
    goal, plan = brief.goal, brief.plan
    kpis = f"{len(goal.kpis)} KPI" + "s" * (len(goal.kpis) != 1) if goal.kpis else "no KPIs (AICMO proposes them)"
    out.print(f"ok: {path}", markup=False)
    out.print(
        f"  {brief.brand.name} — {goal.objective.value}, {kpis}, {goal.timeline_weeks} weeks from {plan.start_date}",
        markup=False,
    )
    out.print(f"  budget: {goal.budget or 'none given'}", markup=False)
    out.print(f"  deliverables: {', '.join(d.value for d in plan.deliverables)}", markup=False)
    out.print(f"  formats: {', '.join(f.value for f in plan.formats)} · time zone {plan.timezone}", markup=False)
    return EXIT_OK
