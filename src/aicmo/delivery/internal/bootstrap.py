"""Delivery wires itself for the composition root."""

from __future__ import annotations

from pathlib import Path

from aicmo.delivery.api.ports import PackageBuilder
from aicmo.delivery.internal.models import DeliveryBase
from aicmo.delivery.internal.service import DeliveryService
from aicmo.delivery.internal.dispatch import RetryPolicy
from aicmo.gateways.api import FileDrop, Mailer, WebhookPoster
from aicmo.kernel.clock import Clock
from aicmo.platform.db import Database

METADATA = DeliveryBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"


def bootstrap_delivery(
    db: Database,
    clock: Clock,
    file_drop: FileDrop,
    *,
    agency: str | None,
    mailer: Mailer | None,
    poster: WebhookPoster | None,
    attempts: int,
    first_wait_seconds: float,
) -> PackageBuilder:
    return DeliveryService(db, clock, file_drop, agency=agency, mailer=mailer, poster=poster, retry=RetryPolicy(attempts, first_wait_seconds))
