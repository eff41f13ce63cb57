"""A project to check, seen through the ports; `aicmo_arch.bootstrap` builds one."""

from __future__ import annotations

from dataclasses import dataclass

from aicmo_arch.application.ports.contract_reader import ContractReader
from aicmo_arch.application.ports.history import History
from aicmo_arch.application.ports.project_folder import ProjectFolder
from aicmo_arch.application.ports.source_tree import SourceTree


@dataclass(frozen=True)
class Project:
    folder: ProjectFolder
    history: History
    source_tree: SourceTree
    contracts: ContractReader
