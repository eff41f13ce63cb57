"""The composition root: the adapters for a project folder, any of which a caller may replace."""

from __future__ import annotations

from pathlib import Path

from aicmo_arch.adapters.file_source_tree import FileSourceTree
from aicmo_arch.adapters.git_history import GitHistory
from aicmo_arch.adapters.imported_contracts import ImportedContracts
from aicmo_arch.adapters.local_folder import LocalFolder
from aicmo_arch.application.ports.contract_reader import ContractReader
from aicmo_arch.application.ports.history import History
from aicmo_arch.application.ports.project_folder import ProjectFolder
from aicmo_arch.application.ports.source_tree import SourceTree
from aicmo_arch.application.project import Project


def bootstrap(
    root: Path,
    *,
    folder: ProjectFolder | None = None,
    history: History | None = None,
    source_tree: SourceTree | None = None,
    contracts: ContractReader | None = None,
) -> Project:
    """The project at `root`, read from disk, git and Python's imports unless told otherwise."""
    return Project(
        folder=folder or LocalFolder(root),
        history=history or GitHistory(root),
        source_tree=source_tree or FileSourceTree(root),
        contracts=contracts or ImportedContracts(root),
    )
