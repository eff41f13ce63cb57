"""Plain words for the names the code uses: a run's steps and an item's fields, as an agency reads them."""

from __future__ import annotations

from collections.abc import Callable

from aicmo.operator.web.portal.client_pack import LABELS as CLIENT_LABELS

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
FIELDS = {**CLIENT_LABELS, "pillar": "Pillar (not published)", "format_note": "Format note (not published)"}
"""As the client reads them on the portal, with the fields the agency keeps for itself marked."""


def _label(names: dict[str, str]) -> Callable[[str], str]:
    def label(name: str) -> str:
        return names.get(name, name.replace("_", " ").capitalize())

    return label


LABELS = {"step_label": _label(STEPS), "field_label": _label(FIELDS)}
"""Template filters: `{{ step.name|step_label }}`, `{{ name|field_label }}`."""
