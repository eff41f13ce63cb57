"""Delivery's use cases behind the PackageBuilder port."""

from __future__ import annotations

from aicmo.delivery.api.dtos import Artifact, DeliveryTarget, Package, PackageId, PackageRequest
from aicmo.delivery.internal.channels import DeliveryChannels
from aicmo.delivery.internal.package_repository import DeliveryUnitOfWorkFactory
from aicmo.delivery.internal.use_cases import build, deliver, preview, read_packages, void
from aicmo.kernel.clock import Clock


class DeliveryService:
    def __init__(
        self, uow: DeliveryUnitOfWorkFactory, clock: Clock, channels: DeliveryChannels, *, agency: str | None
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._channels = channels
        self._agency = agency

    def build(self, request: PackageRequest) -> Package:
        return build.build(self._uow, self._clock, self._channels, self._agency, request)

    def preview(self, request: PackageRequest) -> list[Artifact]:
        return preview.preview(self._channels, self._agency, request)

    def deliver(self, package_id: PackageId, targets: list[DeliveryTarget]) -> Package:
        return deliver.deliver(self._uow, self._clock, self._channels, package_id, targets)

    def get(self, package_id: PackageId) -> Package:
        return read_packages.get_package(self._uow, package_id)

    def void(self, package_id: PackageId) -> None:
        void.void(self._uow, self._clock, package_id)
