"""The architecture docs (the `docs` folder of the declaration), rendered from the code and written."""

from __future__ import annotations

from aicmo_arch.application.project import Project
from aicmo_arch.domain.declaration import Architecture
from aicmo_arch.domain.docs_pages import render_docs
from aicmo_arch.domain.errors import InvalidDeclaration


def rendered_docs(project: Project, arch: Architecture) -> dict[str, str]:
    """Page text by path relative to the project root."""
    if not project.contracts.readable(arch):
        raise InvalidDeclaration(
            f"cannot import {arch.package} from {arch.source}: install the project or set PYTHONPATH"
        )
    contracts = {module: project.contracts.contract_of(arch, module) for module in arch.modules}
    published = {module: project.contracts.events(arch, module) for module in arch.modules}
    return render_docs(arch, project.source_tree.facts(arch), contracts, published)


def stale_docs(project: Project, arch: Architecture) -> list[str]:
    """The pages whose committed text differs from what the code renders."""
    return [path for path, text in rendered_docs(project, arch).items() if project.folder.read_text(path) != text]


def write_docs(project: Project, arch: Architecture) -> list[str]:
    pages = rendered_docs(project, arch)
    for path, text in pages.items():
        project.folder.write_text(path, text)
    return list(pages)
