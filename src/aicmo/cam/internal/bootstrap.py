"""CAM wires itself for the composition root."""

from __future__ import annotations

from pathlib import Path

from aicmo.cam.api.ports import CampaignBook, LeadPipeline
from aicmo.cam.internal.campaigns import Campaigns
from aicmo.cam.internal.models import CamBase
from aicmo.cam.internal.pipeline import Pipeline
from aicmo.gateways.api import FileDrop
from aicmo.kernel.clock import Clock
from aicmo.platform.db import Database

METADATA = CamBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"


def bootstrap_cam(db: Database, clock: Clock, file_drop: FileDrop, imports_folder: Path) -> tuple[CampaignBook, LeadPipeline]:
    return Campaigns(db, clock), Pipeline(db, clock, file_drop, imports_folder)
