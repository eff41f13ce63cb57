"""The audit log's filters as the browser sends them (text in a query string), read into an
`AuditQuery`, or the message each wrong field shows beside itself."""

from __future__ import annotations

from dataclasses import dataclass, field

from aicmo.accounts.api import AuditQuery
from aicmo.operator.web.console.query_params import page_link, unknown_parameters

FIELDS = ("action", "who")
MAX_WHO = 320
"""An email address is at most this long; so is what the log keeps as who acted."""


def action_choices(actions: list[str]) -> list[tuple[str, str]]:
    """What the action list offers: every action of one kind (`run.`), then each action the log
    holds, as (value sent, text shown)."""
    choices = [("", "Any action")]
    for kind in sorted({action.split(".")[0] for action in actions}):
        choices.append((f"{kind}.", f"{kind}.* (every {kind} action)"))
        choices += [(action, f"\u2003{action}") for action in actions if action.split(".")[0] == kind]
    return choices


@dataclass
class AuditFilters:
    """What the form shows back: the values as typed, and a message per wrong field."""

    values: dict[str, str]
    query: AuditQuery | None = None
    errors: dict[str, str] = field(default_factory=dict)

    def link(self, **changes: str | None) -> str:
        """The audit log with these filters (and `changes`), for links that keep them."""
        return page_link("/audit", self.values, **changes)


def read_filters(params: dict[str, str], actions: list[str]) -> AuditFilters:
    """`actions` are those the log holds: an action filter names one of them, or one kind."""
    values = {name: params.get(name, "").strip() for name in FIELDS}
    filters = AuditFilters(values)
    if unknown := unknown_parameters(params, (*FIELDS, "cursor")):
        filters.errors["params"] = unknown
    if values["action"] and values["action"] not in {value for value, _ in action_choices(actions)}:
        filters.errors["action"] = "pick one of the actions in the list"
    if len(values["who"]) > MAX_WHO:
        filters.errors["who"] = f"write at most {MAX_WHO} characters: an email, or user@host for the command line"
    if not filters.errors:
        filters.query = AuditQuery(
            action=values["action"] or None, actor=values["who"] or None, cursor=params.get("cursor") or None
        )
    return filters
