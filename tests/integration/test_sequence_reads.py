"""A campaign's sequence reads back from SQLite and Postgres as it was set, as the fake reads it."""

import pytest

from aicmo.cam.api.dtos import MessageVariant, NewCampaign, SequenceStep
from aicmo.cam.internal.bootstrap import sql_cam_unit_of_work
from aicmo.cam.internal.use_cases.campaigns import create_campaign
from aicmo.cam.internal.use_cases.read_sequence import read_sequence
from aicmo.cam.internal.use_cases.set_sequence import set_sequence
from aicmo.kernel.clock import SystemClock
from aicmo.kernel.errors import NotFound
from aicmo.orchestration.composition import open_database
from tests.fakes import FakeCamRepository, FakeUnitOfWork

STEPS = [
    SequenceStep(delay_days=0, variants=[MessageVariant(name="a", subject="Hello {{first_name}}", body="Hi there")]),
    SequenceStep(
        delay_days=4,
        variants=[
            MessageVariant(name="a", subject="Still there?", body="A short\nfollow-up."),
            MessageVariant(name="b", subject="<b>One more</b>", body="Or not?"),
        ],
    ),
]


@pytest.fixture
def both(settings):
    db = open_database(settings)
    fake = FakeUnitOfWork(FakeCamRepository())
    yield {"sql": sql_cam_unit_of_work(db), "fake": lambda: fake}
    db.dispose()


def test_the_sql_and_the_fake_sequence_read_back_what_was_set(both):
    for uow in both.values():
        create_campaign(uow, SystemClock(), NewCampaign(name="Spring"))
        create_campaign(uow, SystemClock(), NewCampaign(name="Winter"))
        set_sequence(uow, "Spring", STEPS[::-1])
        set_sequence(uow, "Spring", STEPS)

    assert {name: read_sequence(uow, "Spring") for name, uow in both.items()} == {"sql": STEPS, "fake": STEPS}
    assert {name: read_sequence(uow, "Winter") for name, uow in both.items()} == {"sql": [], "fake": []}


def test_the_sql_and_the_fake_name_a_campaign_that_does_not_exist(both):
    for uow in both.values():
        with pytest.raises(NotFound, match="no campaign 'Autumn'"):
            read_sequence(uow, "Autumn")
