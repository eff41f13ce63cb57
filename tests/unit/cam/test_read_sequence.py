"""Reading a campaign's sequence on the fake unit of work: what its leads will be sent."""

import pytest

from aicmo.cam.api.dtos import MessageVariant, NewCampaign, SequenceStep
from aicmo.cam.internal.use_cases.read_sequence import read_sequence
from aicmo.cam.internal.use_cases.set_sequence import set_sequence
from aicmo.kernel.errors import NotFound
from tests.unit.cam.outreach_world import FIRST, FOLLOW_UP, world

A_B = SequenceStep(
    delay_days=5,
    variants=[
        MessageVariant(name="a", subject="Last note", body="Shall I close your file?"),
        MessageVariant(name="b", subject="<script>alert(1)</script>", body="Line one\nLine two"),
    ],
)


def test_the_steps_come_back_in_the_order_they_are_sent_with_their_delays_and_variants():
    w = world()
    w.campaign("Spring", (FIRST, FOLLOW_UP, A_B))

    assert read_sequence(w.uow, "Spring") == [FIRST, FOLLOW_UP, A_B]


def test_a_new_sequence_replaces_the_old_one_and_other_campaigns_keep_theirs():
    w = world()
    w.campaign("Spring", (FIRST, FOLLOW_UP))
    w.campaign("Autumn", (A_B,))

    set_sequence(w.uow, "Spring", [A_B])

    assert read_sequence(w.uow, "Spring") == [A_B] and read_sequence(w.uow, "Autumn") == [A_B]


def test_a_campaign_without_a_sequence_has_no_steps():
    w = world()
    w.app.modules.campaigns.create(NewCampaign(name="Winter"))

    assert read_sequence(w.uow, "Winter") == []


def test_a_campaign_that_does_not_exist_says_how_to_create_it():
    w = world()

    with pytest.raises(NotFound, match="aicmo cam campaign create 'Winter'"):
        read_sequence(w.uow, "Winter")


def test_a_campaign_named_by_an_id_is_never_offered_to_be_created_under_that_name():
    w = world()
    typed = "0c42fb8c-0000-4000-8000-000000000000"

    with pytest.raises(NotFound) as missing:
        read_sequence(w.uow, typed)

    assert "create" not in str(missing.value) and "aicmo cam campaigns" in str(missing.value)
