"""Deliver a built package to its targets: one job per target, each try counted, skipped once delivered.

The job's idempotency key (run, channel, address) goes with the email or webhook, so a
receiver can drop a repeat; a target delivered before is not sent to again.
"""

from __future__ import annotations

import uuid

from aicmo.delivery.api.dtos import DeliveryStatus, DeliveryTarget, Package, PackageId
from aicmo.delivery.api.events import Delivered, DeliveryFailed
from aicmo.delivery.internal.channels import DeliveryChannels
from aicmo.delivery.internal.dispatch import send_with_retries, sender_for
from aicmo.delivery.internal.models import DeliveryJobRow
from aicmo.delivery.internal.package_repository import DeliveryUnitOfWorkFactory
from aicmo.delivery.internal.use_cases.read_packages import get_package
from aicmo.kernel.clock import Clock
from aicmo.kernel.errors import ChannelUnavailable


def deliver(
    uow: DeliveryUnitOfWorkFactory,
    clock: Clock,
    channels: DeliveryChannels,
    package_id: PackageId,
    targets: list[DeliveryTarget],
) -> Package:
    """Raises ChannelUnavailable when a target still refuses after the last try; its job is kept as failed."""
    package = get_package(uow, package_id)
    for target in targets:
        key = f"{package.run_key}:{target.kind.value}:{target.address}"
        job_id = _open_job(uow, package_id, target, key)
        if job_id is None:
            continue
        send = sender_for(target, channels.mailer, channels.poster)
        try:
            send_with_retries(lambda: send(package, key), channels.retry, lambda _n: _attempted(uow, job_id))
        except ChannelUnavailable as error:
            failed = DeliveryFailed(
                package_id=package_id, target=str(target.kind), reason=str(error), attempts=channels.retry.attempts
            )
            _finish(uow, clock, job_id, DeliveryStatus.FAILED, str(error), failed)
            raise
        _finish(
            uow,
            clock,
            job_id,
            DeliveryStatus.DELIVERED,
            None,
            Delivered(package_id=package_id, target=str(target.kind), idempotency_key=key),
        )
    return get_package(uow, package_id)


def _open_job(
    uow: DeliveryUnitOfWorkFactory, package_id: PackageId, target: DeliveryTarget, key: str
) -> uuid.UUID | None:
    """The job to run for this target, or None when it was delivered before."""
    with uow() as unit:
        job = unit.repository.job_for_key(key)
        if job is None:
            job = DeliveryJobRow(
                id=uuid.uuid4(),
                package_id=package_id,
                kind=target.kind,
                address=target.address,
                idempotency_key=key,
                status=DeliveryStatus.PENDING,
                attempts=0,
            )
            unit.repository.add_job(job)
            unit.commit()
        return None if job.status == DeliveryStatus.DELIVERED else job.id


def _attempted(uow: DeliveryUnitOfWorkFactory, job_id: uuid.UUID) -> None:
    with uow() as unit:
        unit.repository.job(job_id).attempts += 1
        unit.commit()


def _finish(
    uow: DeliveryUnitOfWorkFactory,
    clock: Clock,
    job_id: uuid.UUID,
    status: DeliveryStatus,
    error: str | None,
    event: Delivered | DeliveryFailed,
) -> None:
    with uow() as unit:
        job = unit.repository.job(job_id)
        job.status, job.last_error = status, error
        if status == DeliveryStatus.DELIVERED:
            job.delivered_at = clock.now()
        unit.publish(event)
        unit.commit()
