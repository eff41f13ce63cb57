"""R6: the allowlist is a ratchet — exact entries, none stale, and a maximum that only goes down."""

from __future__ import annotations

from collections.abc import Iterator

from aicmo_arch.domain.declaration import PYPROJECT, Architecture
from aicmo_arch.domain.findings import Finding

CRITICAL = "CRITICAL: Do NOT expand allowlist. Fix via port/adapter pattern instead."


def apply_allowlist(arch: Architecture, findings: list[Finding], recorded_maxima: list[int]) -> list[Finding]:
    """Drop allowed findings; add a finding for each stale entry and for any growth.

    `recorded_maxima` are the max_entries of the last commits (none outside version control).
    """
    allowed = {(e.rule, e.file, e.target) for e in arch.allowlist}
    kept = [f for f in findings if (f.rule, f.file, f.target) not in allowed]
    present = {(f.rule, f.file, f.target) for f in findings}
    kept += [
        _finding(
            f"{e.rule} {e.file} {e.target}",
            f"stale allowlist entry (rule={e.rule}, file={e.file}, target={e.target}) matches no finding",
            f"remove the entry and lower max_entries. {CRITICAL}",
        )
        for e in arch.allowlist
        if (e.rule, e.file, e.target) not in present
    ]
    kept += list(_growth(arch, recorded_maxima))
    return kept


def _finding(target: str, message: str, fix: str) -> Finding:
    return Finding("ARCH-R6-ALLOWLIST", PYPROJECT, 1, target, message, fix)


def _growth(arch: Architecture, recorded_maxima: list[int]) -> Iterator[Finding]:
    if len(arch.allowlist) > arch.max_allowed:
        yield _finding(
            "entries",
            f"the allowlist has {len(arch.allowlist)} entries but its maximum is {arch.max_allowed}",
            f"fix the new finding instead of allowing it. {CRITICAL}",
        )
    if recorded_maxima and arch.max_allowed > min(recorded_maxima):
        lowest = min(recorded_maxima)
        yield _finding(
            "max_entries",
            f"max_entries went up from {lowest} to {arch.max_allowed}",
            f"put it back to {lowest}; the maximum may only go down. {CRITICAL}",
        )
