"""Every source file parsed once; the facts are cached by content hash between runs."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from aicmo.operator.arch.extract import extract
from aicmo.operator.arch.facts import FileFacts

CACHE_FILE = Path(".aicmo_cache") / "arch-facts.json"
_EXTRACTOR_FILES = ("extract.py", "facts.py", "sql.py")


def _extractor_version() -> str:
    """Changes whenever the extraction code does, so cached facts never outlive it."""
    folder = Path(__file__).parent
    return hashlib.sha256(b"".join((folder / name).read_bytes() for name in _EXTRACTOR_FILES)).hexdigest()[:16]


def module_name(source_root: Path, path: Path) -> tuple[str, bool]:
    """`src/aicmo/qc/api/__init__.py` → ("aicmo.qc.api", True)."""
    relative = path.relative_to(source_root.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def python_files(source_root: Path) -> list[Path]:
    files = []
    for folder, directories, names in os.walk(source_root):
        directories[:] = sorted(d for d in directories if d != "__pycache__" and not d.startswith("."))
        files += [Path(folder) / name for name in sorted(names) if name.endswith(".py")]
    return files


def index(root: Path, source_root: Path) -> list[FileFacts]:
    cache_path = root / CACHE_FILE
    version = _extractor_version()
    cache = _load(cache_path, version)
    fresh: dict[str, dict] = {}
    changed = False
    facts = []
    for path in python_files(source_root):
        data = path.read_bytes()
        key = hashlib.sha256(data).hexdigest()
        relative = path.relative_to(root).as_posix()
        module, is_package = module_name(source_root, path)
        cached = cache.get(relative)
        if cached and cached["hash"] == key:
            file_facts = FileFacts.from_json(cached["facts"])
            fresh[relative] = cached
        else:
            file_facts = extract(data.decode("utf-8"), relative, module, is_package)
            fresh[relative] = {"hash": key, "facts": file_facts.to_json()}
            changed = True
        facts.append(file_facts)
    if changed or fresh.keys() != cache.keys():
        _save(cache_path, fresh, version)
    return facts


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
