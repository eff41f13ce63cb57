"""A run as its page shows it: the pack previewed per deliverable, each item with its QC findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aicmo.kernel.errors import NotFound
from aicmo.orchestration.api import RunSummary
from aicmo.production.api import ContentItem, ContentPack
from aicmo.qc.api import Finding, QcReport, QcRunId, Severity

if TYPE_CHECKING:
    from aicmo.orchestration.composition import Application

DELIVERABLES = {
    "calendar_entry": "Content calendar",
    "social_post": "Social posts",
    "email": "Email sequence",
    "ad": "Ad copy",
    "landing_page": "Landing page",
    "blog_outline": "Blog outline",
}


@dataclass(frozen=True)
class ItemView:
    item: ContentItem
    findings: list[Finding]
    label: str
    """`Calendar post 3 · Facebook`: as the client's portal and QC's messages name the item."""


@dataclass
class Deliverable:
    kind: str
    title: str
    score: int | None
    threshold: int | None
    items: list[ItemView] = field(default_factory=list)


@dataclass(frozen=True)
class PackView:
    report: QcReport
    pack: ContentPack
    deliverables: list[Deliverable]
    pack_findings: list[Finding]
    """Findings about the pack as a whole (no item)."""

    @property
    def open_blockers(self) -> int:
        """Blocker findings neither fixed nor waived: while there are any, nobody may approve the pack."""
        return self.report.count(Severity.BLOCKER)


def pack_view(app: Application, run: RunSummary) -> PackView | None:
    """The run's latest pack and QC report, or None before QC has run."""
    if run.qc_run_id is None:
        return None
    try:
        report = app.qc.get(QcRunId.parse(run.qc_run_id))
        pack = app.production.get_pack(report.pack_id)
    except NotFound:
        return None
    by_item: dict[object, list[Finding]] = {}
    for finding in report.findings:
        by_item.setdefault(finding.item_id, []).append(finding)
    labels = pack.item_labels()
    deliverables: dict[str, Deliverable] = {}
    for item in sorted(pack.items, key=lambda i: i.position):
        kind = item.kind.value
        group = deliverables.setdefault(
            kind, Deliverable(kind, DELIVERABLES.get(kind, kind), report.scores.get(kind), report.thresholds.get(kind))
        )
        group.items.append(ItemView(item, by_item.get(item.item_id, []), labels[item.item_id]))
    return PackView(report, pack, list(deliverables.values()), by_item.get(None, []))
