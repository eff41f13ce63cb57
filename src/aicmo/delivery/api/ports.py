"""What other modules may ask of delivery."""

from __future__ import annotations

from typing import Protocol

from aicmo.delivery.api.dtos import Package, PackageId, PackageRequest


class PackageBuilder(Protocol):
    """Renders the deliverables of a run and hands them to a delivery target."""

    def build(self, request: PackageRequest) -> Package:
        """Render every requested format into `request.folder`, with a manifest.

        Building the same `run_key` twice returns the first package and writes nothing.
        """
        ...

    def get(self, package_id: PackageId) -> Package:
        """One stored package; raises NotFound when there is none."""
        ...

    def void(self, package_id: PackageId) -> None:
        """Compensation: mark the package void (its files stay for the audit). Idempotent."""
        ...
