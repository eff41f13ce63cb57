"""The approval decision a waiting run receives: checked where it arrives, refused with its reason."""

import pytest

from aicmo.orchestration.internal.approval import ApprovalDecision, MalformedDecision, received


def test_a_decision_survives_its_trip_as_plain_data():
    sent = ApprovalDecision(approved=False, comment="warmer tone", items=["a1", "b2"])

    arrived = received(sent.message())

    assert arrived == sent
    assert arrived.sends_back("a1") and not arrived.sends_back("c3")


def test_a_rejection_without_items_sends_back_every_item():
    assert received({"approved": False, "comment": "shorter"}).sends_back("any-item")


@pytest.mark.parametrize(
    "message, says",
    [
        ({"comment": "fine"}, "approved: Field required"),
        ({"approved": "yes"}, "approved: Input should be a valid boolean"),
        ({"approved": True, "item": ["a1"]}, "item: Extra inputs are not permitted"),
        ({"approved": False, "comment": "  "}, "a rejection needs a comment"),
        ("approve", "decision: Input should be a valid dictionary"),
    ],
)
def test_a_malformed_decision_is_refused_naming_the_field(message, says):
    with pytest.raises(MalformedDecision) as refusal:
        received(message)

    assert says in str(refusal.value) and "aicmo approve" in str(refusal.value)
