"""The leads table's filters as the browser sends them (text in a query string), read into a
`LeadQuery`, or the message each wrong field shows beside itself."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ValidationError

from aicmo.cam.api import LeadQuery, LeadSort, LeadStage
from aicmo.operator.web.console.query_params import page_link, unknown_parameters

FIELDS = ("campaign", "stage", "min_score", "max_score", "q", "sort")
MESSAGES = {
    "stage": "pick one of the stages in the list",
    "min_score": "a whole number from 0 to 100",
    "max_score": "a whole number from 0 to 100",
    "q": "write at most 200 characters",
}
SORT_CHOICES = [
    (LeadSort.NEWEST.value, "Newest first"),
    (LeadSort.OLDEST.value, "Oldest first"),
    (LeadSort.SCORE_HIGH.value, "Score, high to low"),
    (LeadSort.SCORE_LOW.value, "Score, low to high"),
]
STAGE_CHOICES = [("", "Any status"), *((stage.value, stage.value.capitalize()) for stage in LeadStage)]
"""What the form's lists offer: (value sent, text shown)."""


def unknown_sort(typed: str) -> str:
    """The order asked for is not one the table knows: which are, and which one the list shows instead."""
    known = ", ".join(f"{value} ({text})" for value, text in SORT_CHOICES)
    return f"the order {typed!r} is not known: use one of {known}; the list shows the default, {SORT_CHOICES[0][1]}"


@dataclass
class LeadFilters:
    """What the form shows back: the values as typed, and a message per wrong field."""

    values: dict[str, str]
    query: LeadQuery | None = None
    errors: dict[str, str] = field(default_factory=dict)

    def link(self, **changes: str | None) -> str:
        """The leads page with these filters (and `changes`), for links that keep them."""
        return page_link("/cam/leads", self.values, **changes)


def read_filters(params: dict[str, str]) -> LeadFilters:
    values = {name: params.get(name, "").strip() for name in FIELDS}
    filters = LeadFilters(values)
    if unknown := unknown_parameters(params, (*FIELDS, "cursor")):
        filters.errors["params"] = unknown
    if values["stage"] and values["stage"].upper() not in LeadStage.__members__:
        filters.errors["stage"] = MESSAGES["stage"]
    if values["sort"] and values["sort"] not in {value for value, _ in SORT_CHOICES}:
        filters.errors["sort"] = unknown_sort(values["sort"])
    for name in ("min_score", "max_score"):
        if values[name] and not (values[name].isdigit() and int(values[name]) <= 100):
            filters.errors[name] = MESSAGES[name]
    if filters.errors:
        return filters
    candidate = {
        "campaign": values["campaign"] or None,
        "stage": values["stage"].upper() or None,
        "min_score": values["min_score"] or None,
        "max_score": values["max_score"] or None,
        "text": values["q"] or None,
        "sort": values["sort"] or LeadSort.NEWEST,
        "cursor": params.get("cursor") or None,
    }
    try:
        filters.query = LeadQuery.model_validate(candidate)
    except ValidationError as error:
        for problem in error.errors():
            name = {"text": "q"}.get(str(problem["loc"][0]), str(problem["loc"][0]))
            filters.errors[name] = (
                MESSAGES.get(name) if name != "max_score" else problem["msg"].removeprefix("Value error, ")
            )
    return filters
