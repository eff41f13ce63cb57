"""The new-run form: the brief's main fields, turned into a brief document for the same parser
as `aicmo run`, and each of the parser's problems placed beside the field it names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from aicmo.kernel.errors import Problem


@dataclass(frozen=True)
class FormField:
    path: str
    """The brief's field, as the parser names it in a problem: `brand.name`."""
    label: str
    kind: str = "text"
    """text, long (a paragraph), lines (a list, one per line), choice, choices, date or number."""
    options: tuple[str, ...] = ()
    default: str | tuple[str, ...] = ""
    required: bool = False
    """The brief has no default for it: the form asks for it before it is sent."""


DELIVERABLES = ("strategy", "calendar_30d", "social_posts", "email_sequence", "ad_copy", "landing_page", "blog_outline")
FORMATS = ("pdf", "docx", "pptx", "md", "ics", "csv", "zip")
FIELDS = (
    FormField("brand.name", "Brand name", required=True),
    FormField("brand.industry", "Industry", required=True),
    FormField("brand.product", "Product or service", "long", required=True),
    FormField("brand.website", "Website"),
    FormField("brand.locations", "Locations (one per line)", "lines"),
    FormField("brand.description", "Description", "long"),
    FormField("audience.primary", "Primary customer", "long", required=True),
    FormField("audience.pain_points", "Pain points (one per line)", "lines"),
    FormField("goal.objective", "Objective", "choice", ("awareness", "leads", "sales", "hiring", "retention"), "leads"),
    FormField("goal.budget", "Budget"),
    FormField("goal.timeline_weeks", "Timeline in weeks", "number"),
    FormField("voice.tone", "Tone (one per line)", "lines"),
    FormField("voice.banned_words", "Banned words (one per line)", "lines"),
    FormField("voice.required_disclaimers", "Required disclaimers (one per line)", "lines"),
    FormField("plan.deliverables", "Deliverables", "choices", DELIVERABLES, DELIVERABLES),
    FormField("plan.formats", "Files delivered", "choices", FORMATS, FORMATS),
    FormField("plan.start_date", "Calendar starts on", "date", required=True),
    FormField("plan.timezone", "Time zone (e.g. Europe/Berlin)"),
)
PATHS = {field.path for field in FIELDS}


def defaults() -> dict[str, Any]:
    return {field.path: field.default for field in FIELDS}


def submitted(form: Any) -> dict[str, Any]:
    """What was typed, by field path: text as typed, several choices as a tuple."""
    return {
        field.path: tuple(form.getlist(field.path)) if field.kind == "choices" else str(form.get(field.path) or "")
        for field in FIELDS
    }


def brief_document(values: dict[str, Any]) -> dict[str, Any]:
    """The brief as a nested mapping; a field left empty is left out, so the brief's default holds
    (or the parser names it, when it is required)."""
    document: dict[str, Any] = {}
    for field in FIELDS:
        section, name = field.path.split(".")
        fields = document.setdefault(section, {})
        value = _value(field, values.get(field.path, ""))
        if value not in ("", []):
            fields[name] = value
    return document


def _value(field: FormField, raw: Any) -> Any:
    if field.kind == "choices":
        return list(raw)
    text = str(raw).strip()
    if field.kind == "lines":
        return [line.strip() for line in text.splitlines() if line.strip()]
    if field.kind == "number" and text.isdigit():
        return int(text)
    return text


def placed(problems: list[Problem]) -> tuple[dict[str, list[str]], list[Problem]]:
    """Each problem beside the form field it is about (`voice.tone[2]` is about `voice.tone`); the rest apart."""
    beside: dict[str, list[str]] = {}
    apart = []
    for problem in problems:
        path = re.sub(r"\[\d+\].*$", "", problem.field)
        if path in PATHS:
            beside.setdefault(path, []).append(problem.message)
        else:
            apart.append(problem)
    return beside, apart
