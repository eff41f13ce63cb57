"""Packages and their files as they cross module boundaries."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from aicmo.kernel.ids import TypedId
from aicmo.onboarding.api import BriefRecord
from aicmo.production.api import ContentPack
from aicmo.qc.api import QcReport
from aicmo.strategy.api import Strategy


class PackageId(TypedId):
    """One delivered package."""


class PackageStatus(StrEnum):
    BUILT = "built"
    VOID = "void"


class Artifact(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    media_type: str
    size: int
    sha256: str
    path: str
    for_the_agency: bool = False
    """The agency's own record (QC report, manifest with lineage): kept beside the package for
    the operator, never in the client's ZIP or email, and never shown to a client's reviewer."""


class TargetKind(StrEnum):
    EMAIL = "email"
    WEBHOOK = "webhook"


class DeliveryTarget(BaseModel):
    """Where a package goes besides its folder: a client's inbox or endpoint."""

    model_config = ConfigDict(frozen=True)

    kind: TargetKind
    address: str
    """An email address or an https:// URL."""


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


class DeliveryJob(BaseModel):
    model_config = ConfigDict(frozen=True)

    target: DeliveryTarget
    idempotency_key: str
    status: DeliveryStatus
    attempts: int
    last_error: str | None = None
    delivered_at: dt.datetime | None = None


class PackageRequest(BaseModel):
    """Everything a package is made from; `run_key` makes building it idempotent."""

    model_config = ConfigDict(frozen=True)

    run_key: str
    folder: str
    brief: BriefRecord
    strategy: Strategy
    pack: ContentPack
    qc: QcReport


class Package(BaseModel):
    model_config = ConfigDict(frozen=True)

    package_id: PackageId
    run_key: str
    client_name: str
    folder: str
    status: PackageStatus
    created_at: dt.datetime
    artifacts: list[Artifact]
    deliveries: list[DeliveryJob] = []
