"""The fake leads table answers as the SQL one does, on SQLite and Postgres: the same leads,
pages and counts for every order and filter, also among leads of one time and one score."""

import datetime as dt
import itertools
import uuid

import pytest

from aicmo.cam.api import LeadQuery, LeadSort, LeadStage
from aicmo.cam.internal.bootstrap import sql_cam_unit_of_work
from aicmo.cam.internal.models import OWNER, CampaignRow, LeadRow
from aicmo.cam.internal.use_cases.funnels import campaign_funnels, funnel
from aicmo.cam.internal.use_cases.page_leads import page_leads
from aicmo.orchestration.composition import open_database
from tests.fakes import FakeCamRepository, FakeUnitOfWork

START = dt.datetime(2027, 1, 11, 9, 0, tzinfo=dt.UTC)
CAMPAIGN, OTHER = uuid.uuid4(), uuid.uuid4()
COMPANIES = ["Beans Co", "BEANS co", "Corner Shop", None]
STAGES = [LeadStage.NEW, LeadStage.NEW, LeadStage.CONTACTED, LeadStage.QUALIFIED, LeadStage.LOST]
QUERIES = [
    {},
    {"campaign": "Spring"},
    {"stage": LeadStage.NEW},
    {"min_score": 25, "max_score": 50},
    {"text": "beans"},
    {"text": "LEAD1"},
    {"campaign": "Spring", "stage": LeadStage.CONTACTED, "min_score": 1},
]


def campaign(campaign_id: uuid.UUID, name: str) -> CampaignRow:
    return CampaignRow(
        id=campaign_id,
        name=name,
        icp={},
        daily_cap=50,
        window_start=dt.time(9),
        window_end=dt.time(17),
        timezone="UTC",
        mode="SIMULATION",
        reply_timeout_days=14,
        paused=False,
        created_at=START,
    )


def leads() -> list[LeadRow]:
    """Forty leads over three moments and three scores, so most orders meet ties."""
    return [
        LeadRow(
            id=uuid.UUID(int=(n * 7919) % 2**32 << 96 | n),
            campaign_id=CAMPAIGN if n % 3 else OTHER,
            email=f"Lead{n}@Example.com",
            email_key=f"lead{n}@example.com",
            company=COMPANIES[n % 4],
            stage=STAGES[n % 5],
            score=(0, 25, 50)[n % 3],
            grade="C",
            score_reasons=[],
            source="parity",
            created_at=START + dt.timedelta(seconds=n % 3),
        )
        for n in range(40)
    ]


@pytest.fixture
def both(settings):
    db = open_database(settings)
    with db.session_for(OWNER) as session:
        session.add_all([campaign(CAMPAIGN, "Spring"), campaign(OTHER, "Autumn")])
        session.flush()
        session.add_all(leads())
    fake = FakeUnitOfWork(FakeCamRepository())
    for row in [campaign(CAMPAIGN, "Spring"), campaign(OTHER, "Autumn")]:
        fake.repository.add_campaign(row)
    for row in leads():
        fake.repository.add_lead(row)
    yield sql_cam_unit_of_work(db), lambda: fake
    db.dispose()


def every_page(uow, query: LeadQuery) -> list[tuple[list[uuid.UUID], int | None]]:
    pages = []
    while True:
        page = page_leads(uow, query)
        pages.append(([lead.lead_id for lead in page.leads], page.matching))
        if page.next_cursor is None:
            return pages
        query = query.model_copy(update={"cursor": page.next_cursor})


def test_every_page_of_the_fake_holds_the_leads_of_the_sql_page(both):
    sql, fake = both
    queries = [LeadQuery(sort=sort, limit=7, **filters) for sort, filters in itertools.product(LeadSort, QUERIES)]

    for query in queries:
        assert every_page(fake, query) == every_page(sql, query), query


def test_the_fake_funnels_count_as_the_sql_ones(both):
    sql, fake = both

    assert campaign_funnels(fake) == campaign_funnels(sql)
    assert funnel(fake) == funnel(sql) and funnel(fake, "Spring") == funnel(sql, "Spring")
