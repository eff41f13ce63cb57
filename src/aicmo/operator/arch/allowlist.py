"""R6: the allowlist is a ratchet — exact entries, none stale, and a maximum that only goes down."""

from __future__ import annotations

import subprocess
import tomllib
from collections.abc import Iterator

from aicmo.operator.arch.declaration import Architecture
from aicmo.operator.arch.findings import Finding

CRITICAL = "CRITICAL: Do NOT expand allowlist. Fix via port/adapter pattern instead."
_FILE = "pyproject.toml"


def apply_allowlist(arch: Architecture, findings: list[Finding]) -> list[Finding]:
    """Drop allowed findings; add a finding for each stale entry and for any growth."""
    allowed = {(e.rule, e.file, e.target) for e in arch.allowlist}
    kept = [f for f in findings if (f.rule, f.file, f.target) not in allowed]
    present = {(f.rule, f.file, f.target) for f in findings}
    kept += [
        Finding(
            "ARCH-R6-ALLOWLIST",
            _FILE,
            1,
            f"{e.rule} {e.file} {e.target}",
            f"stale allowlist entry (rule={e.rule}, file={e.file}, target={e.target}) matches no finding",
            f"remove the entry and lower max_entries. {CRITICAL}",
        )
        for e in arch.allowlist
        if (e.rule, e.file, e.target) not in present
    ]
    kept += list(_growth(arch))
    return kept


def _growth(arch: Architecture) -> Iterator[Finding]:
    if len(arch.allowlist) > arch.max_allowed:
        yield Finding(
            "ARCH-R6-ALLOWLIST",
            _FILE,
            1,
            "entries",
            f"the allowlist has {len(arch.allowlist)} entries but its maximum is {arch.max_allowed}",
            f"fix the new finding instead of allowing it. {CRITICAL}",
        )
    recorded = [m for m in (_recorded_max(arch, "HEAD"), _recorded_max(arch, "HEAD~1")) if m is not None]
    if recorded and arch.max_allowed > min(recorded):
        yield Finding(
            "ARCH-R6-ALLOWLIST",
            _FILE,
            1,
            "max_entries",
            f"max_entries went up from {min(recorded)} to {arch.max_allowed}",
            f"put it back to {min(recorded)}; the maximum may only go down. {CRITICAL}",
        )


def _recorded_max(arch: Architecture, revision: str) -> int | None:
    """max_entries as committed at `revision`, or None where there is no such commit."""
    try:
        shown = subprocess.run(
            ["git", "-C", str(arch.root), "show", f"{revision}:{_FILE}"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if shown.returncode != 0:
        return None
    try:
        section = tomllib.loads(shown.stdout)["tool"]["aicmo"]["architecture"]
    except (tomllib.TOMLDecodeError, KeyError):
        return None
    return int(section.get("allowlist", {}).get("max_entries", 0))
