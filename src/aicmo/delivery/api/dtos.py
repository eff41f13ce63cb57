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
