"""docs/brief.md names every field of the Brief model, and only those, so it cannot go stale."""

import re
import typing
from pathlib import Path

from pydantic import BaseModel

from aicmo.onboarding.api import Brief

DOC = Path(__file__).resolve().parents[3] / "docs" / "brief.md"
SECTIONS = set(Brief.model_fields)


def _model_in(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((model for arg in typing.get_args(annotation) if (model := _model_in(arg))), None)


def field_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    paths = []
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        paths.append(path)
        inner = _model_in(field.annotation)
        if inner is not None:
            is_list = typing.get_origin(field.annotation) is list
            paths += field_paths(inner, f"{path}[]." if is_list else f"{path}.")
    return paths


def documented_paths(text: str) -> set[str]:
    """Every `section.field…` in backticks whose first part is a brief section."""
    return {p for p in re.findall(r"`([a-z_]+(?:\[\])?(?:\.[a-z_]+(?:\[\])?)+)`", text) if p.split(".")[0] in SECTIONS}


def test_docs_brief_md_names_every_field_of_the_model():
    documented = documented_paths(DOC.read_text(encoding="utf-8"))

    missing = [path for path in field_paths(Brief) if "." in path and path not in documented]
    assert not missing, f"docs/brief.md does not describe: {', '.join(missing)}"


def test_docs_brief_md_names_no_field_the_model_lacks():
    documented = documented_paths(DOC.read_text(encoding="utf-8"))

    stale = sorted(documented - set(field_paths(Brief)))
    assert not stale, f"docs/brief.md describes fields the brief does not have: {', '.join(stale)}"


def test_the_field_walk_sees_nested_list_items():
    assert "offer.items[].usp" in field_paths(Brief)
