"""CAM wires itself for the composition root."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from aicmo.cam.api.ports import CampaignBook, LeadPipeline, Outreach, ReplyClassifier, ReplyInbox
from aicmo.cam.internal.campaigns import Campaigns
from aicmo.cam.internal.classifier import RuleClassifier
from aicmo.cam.internal.messages import UnsubscribeLinks
from aicmo.cam.internal.models import CamBase
from aicmo.cam.internal.outreach import OutreachService
from aicmo.cam.internal.pipeline import Pipeline
from aicmo.cam.internal.replies import ReplyService
from aicmo.gateways.api import FileDrop, Mailer, ReplyMailbox
from aicmo.kernel.clock import Clock
from aicmo.platform.db import Database

METADATA = CamBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"


def bootstrap_cam(db: Database, clock: Clock, file_drop: FileDrop, imports_folder: Path) -> tuple[CampaignBook, LeadPipeline]:
    return Campaigns(db, clock), Pipeline(db, clock, file_drop, imports_folder)


def bootstrap_replies(db: Database, clock: Clock, mailbox: ReplyMailbox | None, classifier: ReplyClassifier | None = None) -> ReplyInbox:
    return ReplyService(db, clock, classifier or RuleClassifier(), mailbox)


def bootstrap_outreach(
    db: Database,
    clock: Clock,
    leads: LeadPipeline,
    *,
    live: Mailer | None,
    simulation: Mailer,
    public_url: str,
    key: bytes,
    sender: str,
    lease: dt.timedelta,
) -> Outreach:
    links = UnsubscribeLinks(public_url, key)
    return OutreachService(db, clock, leads, live=live, simulation=simulation, links=links, sender=sender, lease=lease)
