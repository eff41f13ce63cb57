"""What other modules may ask of delivery."""

from __future__ import annotations

from typing import Protocol

from aicmo.delivery.api.dtos import Artifact, DeliveryTarget, Package, PackageId, PackageRequest


class PackageBuilder(Protocol):
    """Renders the deliverables of a run and hands them to a delivery target."""

    def build(self, request: PackageRequest) -> Package:
        """Render every requested format into `request.folder`, with a manifest.

        Building the same `run_key` twice returns the first package and writes nothing.
        """
        ...

    def preview(self, request: PackageRequest) -> list[Artifact]:
        """Render the plan as Markdown and PDF into `request.folder`, replacing an earlier preview.

        Nothing is recorded or delivered: a preview is for the operator to read before approving.
        """
        ...

    def deliver(self, package_id: PackageId, targets: list[DeliveryTarget]) -> Package:
        """Send the built package to each target, retrying with backoff.

        A target already delivered for this package (same idempotency key) is skipped.

        Raises:
            ChannelUnavailable: a target still refused after the last try (the job is kept as failed).
        """
        ...

    def get(self, package_id: PackageId) -> Package:
        """One stored package; raises NotFound when there is none."""
        ...

    def void(self, package_id: PackageId) -> None:
        """Compensation: mark the package void (its files stay for the audit). Idempotent."""
        ...
