"""What other modules and the operator may ask of qc."""

from __future__ import annotations

from typing import Protocol

from aicmo.onboarding.api import Brief
from aicmo.production.api import ContentItemId, ContentPack
from aicmo.qc.api.dtos import FindingId, QcReport, QcRunId


class QualityGate(Protocol):
    """Checks a content pack against the rule catalog and keeps the findings."""

    def evaluate(self, pack: ContentPack, brief: Brief, *, key: str | None = None) -> QcReport:
        """Run every rule over every item of `pack`; store and return the report.

        A waiver in the pack's previous report carries over to the same finding (same rule, same
        item, same message) while that item's wording is unchanged; a rewritten item loses it.
        A second call with the same `key` returns the report the first one stored.
        """
        ...

    def get(self, run_id: QcRunId) -> QcReport:
        """One stored report; raises NotFound when there is none."""
        ...

    def waive(self, finding_id: FindingId, reason: str, by: str) -> QcReport:
        """Let a finding stop counting, with the reason kept; returns the re-scored report.

        Raises:
            NotFound: no such finding.
            InvalidInput: the reason is empty or past 2,000 characters (`aicmo.kernel.text.MAX_COMMENT`).
            Conflict: the finding is waived already (the message says by whom, when and why).
        """
        ...

    def recheck_item(self, run_id: QcRunId, pack: ContentPack, brief: Brief, item_id: ContentItemId) -> QcReport:
        """Check one item of `pack` again after its wording changed (an operator's edit): the
        item's findings in run `run_id` are replaced by what every rule finds in it now, and the
        run is scored again. A waiver given to the old wording does not carry over.

        Raises:
            NotFound: no such run, or the run did not check this pack's item.
            Conflict: the run was voided.
        """
        ...

    def finding_id(self, typed: str) -> FindingId:
        """The finding whose id starts with `typed` (as `aicmo qc report` shows it).

        Raises:
            InvalidInput: `typed` is not the start of an id, or starts several.
            NotFound: no finding id starts with it.
        """
        ...

    def short_finding_ids(self, finding_ids: list[FindingId]) -> dict[FindingId, str]:
        """The shortest prefix of each id that no other finding shares (8 characters at least)."""
        ...

    def void(self, run_id: QcRunId) -> None:
        """Compensation: mark the run void. Idempotent."""
        ...
