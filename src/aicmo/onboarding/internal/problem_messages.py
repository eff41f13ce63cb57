"""Turn pydantic's errors into problems that name the field and say what to do."""

from __future__ import annotations

from typing import Any

from aicmo.kernel.errors import Problem

EXAMPLE_BRIEF = "examples/briefs/northwind.yaml"
"""The example brief the messages point at, by its place in the repository; the package ships a copy here."""

_FIXES = {
    "missing": lambda e: f"is required — add it (see {EXAMPLE_BRIEF})",
    "extra_forbidden": lambda e: "is not a brief field — remove it or check its spelling",
    "string_too_long": lambda e: f"is too long (at most {e['ctx']['max_length']:,} characters) — shorten it",
    "string_too_short": lambda e: "is empty — write something or remove the key",
    "too_long": lambda e: f"has too many items (at most {e['ctx']['max_length']}) — keep the most important",
    "too_short": lambda e: "needs at least one item",
    "enum": lambda e: f"{_shown(e['input'])} is not {_kind_of(e['loc'])}; use one of {e['ctx']['expected']}",
    "date_from_datetime_parsing": lambda e: "is not a real date — use YYYY-MM-DD, e.g. 2027-01-04",
    "date_parsing": lambda e: "is not a real date — use YYYY-MM-DD, e.g. 2027-01-04",
    "date_from_datetime_inexact": lambda e: "must be a date without a time — use YYYY-MM-DD",
    "date_type": lambda e: "must be a date — use YYYY-MM-DD, e.g. 2027-01-04",
    "string_pattern_mismatch": lambda e: _FORMS.get(_name_of(e["loc"]), "has the wrong form"),
    "int_parsing": lambda e: "must be a whole number",
    "greater_than_equal": lambda e: f"must be at least {e['ctx']['ge']}",
    "less_than_equal": lambda e: f"must be at most {e['ctx']['le']}",
    "list_type": lambda e: "must be a list (YAML: one '- item' per line, or [a, b])",
    "model_type": lambda e: "must be a mapping of keys to values",
    "model_attributes_type": lambda e: "must be a mapping of keys to values",
    "string_type": lambda e: "must be text",
}


# What one value of a list or field of choices is called, by the field's name.
_KINDS = {
    "deliverables": "a deliverable",
    "formats": "a format",
    "focus_platforms": "a platform",
    "avoid_platforms": "a platform",
    "objective": "an objective",
}


# What a field with a pattern must look like, by the field's name.
_FORMS = {
    "website": "must be a web address starting with https:// or http://, e.g. https://example.com",
    "language": "must be a language code such as en, de or pt-br",
}


def _name_of(location: tuple[Any, ...]) -> str:
    names = [part for part in location if isinstance(part, str) and not part.startswith(("function-", "function_"))]
    return names[-1] if names else ""


def _kind_of(location: tuple[Any, ...]) -> str:
    return _KINDS.get(_name_of(location), "a choice here")


def _shown(value: object) -> str:
    """The value the user gave, as they would recognise it, cut short when long."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def field_path(location: tuple[Any, ...]) -> str:
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif str(part).startswith(("function-", "function_")):
            continue
        else:
            name = str(part) if str(part).isprintable() else repr(str(part))
            path += f".{name}" if path else name
    return path or "(top level)"


def problem_from_pydantic(error: dict[str, Any]) -> Problem:
    fix = _FIXES.get(error["type"])
    if fix is not None:
        message = fix(error)
    else:
        message = str(error["msg"]).removeprefix("Value error, ")
    return Problem(field_path(error["loc"]), message)
