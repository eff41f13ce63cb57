"""QC: the quality gate. Checks every content item against a data-driven rule catalog
(placeholders, banned words, disclaimers, platform limits, missing CTA…) and scores the pack."""

from aicmo.qc.api.dtos import Finding, FindingId, QcReport, QcRunId, Severity
from aicmo.qc.api.events import QcFailed, QcPassed
from aicmo.qc.api.ports import QualityGate

CONTRACT_VERSION = "1.6.0"

__all__ = [
    "CONTRACT_VERSION",
    "Finding",
    "FindingId",
    "QcFailed",
    "QcPassed",
    "QcReport",
    "QcRunId",
    "QualityGate",
    "Severity",
]
