"""Each fake answers as the adapter beside it does, on the same project."""

from __future__ import annotations

import subprocess
from pathlib import Path

from aicmo_arch.adapters.file_source_tree import FileSourceTree
from aicmo_arch.adapters.git_history import GitHistory
from aicmo_arch.adapters.local_folder import LocalFolder
from aicmo_arch.application.use_cases.declaration import load_declaration
from aicmo_arch.bootstrap import bootstrap
from arch_fakes.history import FakeHistory
from arch_fakes.project_folder import FakeFolder
from arch_fakes.source_tree import FakeSourceTree


def files_of(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in root.rglob("*") if p.is_file()}


def test_the_folder_and_its_fake_agree(sample):
    real, fake = LocalFolder(sample.root), FakeFolder(files_of(sample.root))

    for folder in (real, fake):
        folder.write_text("notes/a.txt", "written")
    for path in (
        "pyproject.toml",
        "lib/shop",
        "lib/shop/orders/README.md",
        "notes/a.txt",
        "missing.txt",
        "lib/nothing",
    ):
        assert (real.exists(path), real.read_text(path)) == (fake.exists(path), fake.read_text(path)), path


def test_the_source_tree_and_its_fake_read_the_same_facts(sample):
    arch = load_declaration(bootstrap(sample.root))
    real, fake = FileSourceTree(sample.root), FakeSourceTree(FakeFolder(files_of(sample.root)))

    assert real.facts(arch) == fake.facts(arch)
    assert real.packages(arch) == fake.packages(arch) == ["billing", "kernel", "orders", "web", "wiring"]


def test_the_history_and_its_fake_agree(sample):
    git = ["git", "-C", str(sample.root), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "pyproject.toml"], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    text = (sample.root / "pyproject.toml").read_text()
    real, fake = GitHistory(sample.root), FakeHistory({"HEAD": {"pyproject.toml": text}})

    for path, revision in (("pyproject.toml", "HEAD"), ("pyproject.toml", "HEAD~1"), ("missing.toml", "HEAD")):
        assert real.committed_text(path, revision) == fake.committed_text(path, revision), (path, revision)
