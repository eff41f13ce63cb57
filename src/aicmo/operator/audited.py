"""How the console, the API and the CLI word the audit entries of what is done to a part of a run (a
finding waived, a file downloaded): the entry is about the run, so its page lists it and the
audit log links to it, and its detail names the part, which may later be gone."""

from __future__ import annotations

import uuid

from aicmo.qc.api import Finding


def waiver_detail(finding: Finding, reason: str) -> str:
    """The reason first, as the table cuts a long detail short; the finding's message travels with
    it, since a later QC report may no longer hold the finding."""
    return f"{reason.strip()} (finding {str(finding.finding_id)[:8]}: {finding.message})"


def download_detail(package_id: uuid.UUID, name: str) -> str:
    return f"{name} (package {str(package_id)[:8]})"
