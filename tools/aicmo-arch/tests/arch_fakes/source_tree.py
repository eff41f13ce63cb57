"""FakeSourceTree: the facts of Python sources held in a FakeFolder, extracted as the real tree does."""

from __future__ import annotations

from aicmo_arch.adapters.file_source_tree import module_name_of
from aicmo_arch.adapters.python_facts.extract import extract
from aicmo_arch.domain.declaration import Architecture
from aicmo_arch.domain.facts import FileFacts

from .project_folder import FakeFolder


class FakeSourceTree:
    def __init__(self, folder: FakeFolder) -> None:
        self.folder = folder

    def facts(self, arch: Architecture) -> list[FileFacts]:
        prefix = arch.package_path + "/"
        return [
            extract(text, path, *module_name_of(arch.source, path))
            for path, text in sorted(self.folder.files.items())
            if path.startswith(prefix) and path.endswith(".py")
        ]

    def packages(self, arch: Architecture) -> list[str]:
        prefix = arch.package_path + "/"
        return sorted(
            {
                path[len(prefix) :].split("/")[0]
                for path in self.folder.files
                if path.startswith(prefix) and path.endswith("/__init__.py")
            }
            - {"__init__.py"}
        )
