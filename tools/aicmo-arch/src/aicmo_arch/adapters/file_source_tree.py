"""The source tree on disk: every Python file parsed once, its facts cached by content hash between runs."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PurePosixPath

from aicmo_arch.adapters.python_facts.extract import extract
from aicmo_arch.domain.declaration import Architecture
from aicmo_arch.domain.facts import FileFacts

_PACKAGE = Path(__file__).resolve().parents[1]
_EXTRACTOR_FILES = ("adapters/python_facts", "domain/facts.py")


def _extractor_version() -> str:
    """Changes whenever the extraction code does, so cached facts never outlive it."""
    files = sorted(
        p
        for name in _EXTRACTOR_FILES
        for p in ([_PACKAGE / name] if name.endswith(".py") else (_PACKAGE / name).glob("*.py"))
    )
    return hashlib.sha256(b"".join(path.read_bytes() for path in files)).hexdigest()[:16]


def module_name_of(source: str, relative: str) -> tuple[str, bool]:
    """(`aicmo.qc.api`, True) for `src/aicmo/qc/api/__init__.py` under the source folder `src`."""
    parts = PurePosixPath(relative).relative_to(source).with_suffix("").parts
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def python_files(source_root: Path) -> list[Path]:
    files = []
    for folder, directories, names in os.walk(source_root):
        directories[:] = sorted(d for d in directories if d != "__pycache__" and not d.startswith("."))
        files += [Path(folder) / name for name in sorted(names) if name.endswith(".py")]
    return files


class FileSourceTree:
    def __init__(self, root: Path) -> None:
        self.root = root

    def packages(self, arch: Architecture) -> list[str]:
        source = self.root / arch.package_path
        return sorted(child.name for child in source.iterdir() if (child / "__init__.py").is_file())

    def facts(self, arch: Architecture) -> list[FileFacts]:
        cache_path = self.root / arch.cache
        version = _extractor_version()
        cache = _load(cache_path, version)
        fresh: dict[str, dict] = {}
        facts = []
        for path in python_files(self.root / arch.package_path):
            relative = path.relative_to(self.root).as_posix()
            data = path.read_bytes()
            fresh[relative] = _cached(cache.get(relative), data) or _extracted(arch.source, relative, data)
            facts.append(FileFacts.from_json(fresh[relative]["facts"]))
        if fresh != cache:
            _save(cache_path, fresh, version)
        return facts


def _cached(entry: dict | None, data: bytes) -> dict | None:
    return entry if entry and entry["hash"] == hashlib.sha256(data).hexdigest() else None


def _extracted(source: str, relative: str, data: bytes) -> dict:
    facts = extract(data.decode("utf-8"), relative, *module_name_of(source, relative))
    return {"hash": hashlib.sha256(data).hexdigest(), "facts": facts.to_json()}


def _load(path: Path, version: str) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("files", {}) if data.get("version") == version else {}


def _save(path: Path, files: dict[str, dict], version: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".partial")
        temporary.write_text(json.dumps({"version": version, "files": files}), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        return  # a read-only checkout still gets its findings, only slower next time
