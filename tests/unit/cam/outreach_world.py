"""CAM's outreach booted on its fake unit of work: campaigns, leads as an import stores them,
a sequence, and workers whose cycles send through fake mailers. No database."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from aicmo.cam.api.dtos import CycleReport, LeadStage, MessageVariant, NewCampaign, SendingMode, SequenceStep
from aicmo.cam.internal.lead_fields import email_key
from aicmo.cam.internal.messages import UnsubscribeLinks
from aicmo.cam.internal.models import LeadRow
from aicmo.cam.internal.send_cycle import SendCycle
from aicmo.cam.internal.use_cases.set_sequence import set_sequence
from aicmo.cam.internal.use_cases.workers import register_worker
from tests.fakes import FakeCamRepository, FakeMailer, FakeUnitOfWork
from tests.unit.app import TestApp, bootstrap_test_app

LEASE = dt.timedelta(minutes=5)
LINKS = UnsubscribeLinks("https://aicmo.example", b"unit-test-key")
FIRST = SequenceStep(
    delay_days=0,
    variants=[MessageVariant(name="a", subject="Hello {{first_name}}", body="Hi {{first_name}} at {{company}}")],
)
FOLLOW_UP = SequenceStep(
    delay_days=3, variants=[MessageVariant(name="a", subject="Still there?", body="A short follow-up.")]
)


def token(lead: LeadRow) -> str:
    """What the unsubscribe page receives: the last part of the lead's link."""
    return LINKS.link(lead.id).rsplit("/", 1)[1]


@dataclass
class World:
    app: TestApp
    simulation: FakeMailer = field(default_factory=FakeMailer)
    live: FakeMailer | None = field(default_factory=FakeMailer)

    @property
    def cam(self) -> FakeCamRepository:
        return self.app.cam.repository

    def uow(self) -> FakeUnitOfWork[FakeCamRepository]:
        """The factory the use cases take: every unit of work it opens is the one fake."""
        return self.app.cam

    def campaign(
        self, name: str = "Spring", steps: tuple[SequenceStep, ...] = (FIRST,), **settings: object
    ) -> uuid.UUID:
        created = self.app.modules.campaigns.create(NewCampaign(name=name, **settings))  # type: ignore[arg-type]
        set_sequence(self.uow, name, list(steps))
        return created.campaign_id

    def lead(self, campaign_id: uuid.UUID, email: str, *, score: int = 50, stage: LeadStage = LeadStage.NEW) -> LeadRow:
        row = LeadRow(
            id=uuid.uuid4(),
            campaign_id=campaign_id,
            email=email,
            email_key=email_key(email),
            first_name=email.split("@")[0].title(),
            last_name=None,
            company="Acme",
            title=None,
            website=None,
            industry=None,
            location=None,
            company_size=None,
            stage=stage,
            score=score,
            grade="B",
            score_reasons=[],
            source="unit",
            created_at=self.app.clock.now(),
        )
        self.cam.add_lead(row)
        return row

    def worker(self) -> SendCycle:
        worker_id = register_worker(self.uow, self.app.clock)
        mailers = {SendingMode.SIMULATION: self.simulation, SendingMode.LIVE: self.live}
        return SendCycle(self.uow, self.app.clock, worker_id, LEASE, mailers, LINKS)

    def cycle(self) -> CycleReport:
        return self.worker().run()

    def stage(self, lead: LeadRow) -> LeadStage:
        return LeadStage(self.cam.leads_by_id[lead.id].stage)


def world(*, live_mailer: bool = True) -> World:
    return World(bootstrap_test_app(), live=FakeMailer() if live_mailer else None)
