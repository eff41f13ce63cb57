"""Plain words for the names the code uses: a run's states and steps and an item's fields, as an agency reads them."""

from __future__ import annotations

from collections.abc import Callable

from aicmo.orchestration.api import RunState

STATES: dict[str, str] = {
    RunState.RUNNING: "running",
    RunState.AWAITING_APPROVAL: "waiting for approval",
    RunState.DELIVERED: "delivered",
    RunState.QC_FAILED: "failed QC",
    RunState.DELIVERY_FAILED: "delivery failed",
    RunState.COMPENSATED: "undone after a failure",
    RunState.FAILED: "failed",
}

STEPS = {
    "capture_brief": "Brief captured",
    "generate_strategy": "Strategy written",
    "generate_pack": "Content pack written",
    "evaluate_qc": "Quality checked",
    "revise_pack": "Content revised",
    "await_approval": "Waited for approval",
    "read_approved_content": "Approved content read",
    "approve_strategy": "Strategy approved",
    "build_package": "Package built",
    "deliver_package": "Package delivered",
    "compensate": "Undone after a failure",
    "finish_run": "Run finished",
}
FIELDS = {
    "cta": "Call to action",
    "faq": "FAQ",
    "utm": "UTM",
    "pillar": "Pillar (not published)",
    "format_note": "Format note (not published)",
}
"""The same on the run page and on the client's portal, the fields the agency keeps for itself marked."""


def _label(names: dict[str, str]) -> Callable[[str], str]:
    def label(name: str) -> str:
        return names.get(name, name.replace("_", " ").capitalize())

    return label


field_label = _label(FIELDS)
state_label = _label(STATES)
LABELS = {"state_label": state_label, "step_label": _label(STEPS), "field_label": field_label}
"""Template filters: `{{ run.state|state_label }}`, `{{ step.name|step_label }}`, `{{ name|field_label }}`."""
