"""Reading the project's pyproject.toml: the declaration, the import-linter section, past maxima."""

from __future__ import annotations

import tomllib

from aicmo_arch.application.project import Project
from aicmo_arch.domain.declaration import PYPROJECT, Architecture, validated
from aicmo_arch.domain.errors import InvalidDeclaration

_REVISIONS = ("HEAD", "HEAD~1")


def load_declaration(project: Project) -> Architecture:
    """The validated declaration; InvalidDeclaration names every problem."""
    return validated(_section(_pyproject(project)), project.folder.exists)


def import_linter_section(project: Project) -> dict:
    return _pyproject(project).get("tool", {}).get("importlinter", {})


def recorded_maxima(project: Project) -> list[int]:
    """The allowlist's max_entries as committed in the last two commits (none outside version control)."""
    maxima = []
    for revision in _REVISIONS:
        text = project.history.committed_text(PYPROJECT, revision)
        try:
            section = _section(tomllib.loads(text)) if text is not None else None
        except tomllib.TOMLDecodeError:
            section = None
        if isinstance(section, dict):
            maxima.append(int(section.get("allowlist", {}).get("max_entries", 0)))
    return maxima


def _pyproject(project: Project) -> dict:
    text = project.folder.read_text(PYPROJECT)
    if text is None:
        raise InvalidDeclaration(f"{PYPROJECT} not found — run from the project root or pass --root")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InvalidDeclaration(f"{PYPROJECT}: not valid TOML ({error})") from None


def _section(data: dict) -> object:
    return data.get("tool", {}).get("aicmo", {}).get("architecture")
