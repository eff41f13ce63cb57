"""CAM wires itself for the composition root."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from aicmo.cam.api.ports import CampaignBook, LeadPipeline, Outreach, ReplyClassifier, ReplyInbox
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.campaigns import Campaigns
from aicmo.cam.internal.classifier import RuleClassifier
from aicmo.cam.internal.messages import UnsubscribeLinks
from aicmo.cam.internal.models import CamBase
from aicmo.cam.internal.outreach import OutreachService
from aicmo.cam.internal.pipeline import Pipeline
from aicmo.cam.internal.replies import ReplyService
from aicmo.cam.internal.sql_cam_repository import sql_cam_unit_of_work
from aicmo.cam.internal.use_cases.import_leads import RejectsFolder
from aicmo.gateways.api import Mailer, ReplyMailbox
from aicmo.kernel.clock import Clock

METADATA = CamBase.metadata
MIGRATIONS = Path(__file__).with_name("migrations") / "versions"

__all__ = [
    "METADATA",
    "MIGRATIONS",
    "RejectsFolder",
    "bootstrap_campaigns",
    "bootstrap_outreach",
    "bootstrap_pipeline",
    "bootstrap_replies",
    "sql_cam_unit_of_work",
]


def bootstrap_campaigns(clock: Clock, uow: CamUnitOfWorkFactory) -> CampaignBook:
    """Campaigns on the units of work `uow` opens: `sql_cam_unit_of_work(db)`, or a fake in tests."""
    return Campaigns(uow, clock)


def bootstrap_pipeline(clock: Clock, uow: CamUnitOfWorkFactory, rejects: RejectsFolder) -> LeadPipeline:
    """The lead pipeline on the units of work `uow` opens; an import's rejected rows go to `rejects`."""
    return Pipeline(uow, clock, rejects)


def bootstrap_replies(
    clock: Clock, uow: CamUnitOfWorkFactory, mailbox: ReplyMailbox | None, classifier: ReplyClassifier | None = None
) -> ReplyInbox:
    return ReplyService(uow, clock, classifier or RuleClassifier(), mailbox)


def bootstrap_outreach(
    clock: Clock,
    uow: CamUnitOfWorkFactory,
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
    return OutreachService(uow, clock, leads, live=live, simulation=simulation, links=links, sender=sender, lease=lease)
