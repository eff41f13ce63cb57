"""The client's answer on the portal: what is refused, and what the workflow is told."""

from aicmo.accounts.api import ReviewDecision
from aicmo.operator.web.portal.client_pack import ClientItem
from aicmo.operator.web.portal.review_form import read_answer
from tests.unit.qc.packs import item

FIRST, SECOND = ClientItem(item(), "Social post 1 · LinkedIn"), ClientItem(item(), "Social post 2 · LinkedIn")


def test_a_comment_over_two_thousand_characters_is_refused_with_its_length_and_kept_as_typed():
    typed = "x" * 2001

    reading = read_answer({"decision": "approve", FIRST.field: typed}, [FIRST, SECOND])

    assert reading.answer is None
    assert reading.problems == {FIRST.field: "Keep it to 2,000 characters: this one has 2,001."}
    assert reading.typed[FIRST.field] == typed


def test_requesting_changes_without_saying_what_is_refused_at_the_comment():
    reading = read_answer({"decision": "request-changes", "comment": "  "}, [FIRST])

    assert reading.answer is None and set(reading.problems) == {"comment"}


def test_changes_asked_beside_items_revise_those_items_and_tell_the_workflow_each_by_its_label():
    reading = read_answer(
        {"decision": "request-changes", "comment": "Warmer overall.", SECOND.field: "Shorter."}, [FIRST, SECOND]
    )

    answer = reading.answer
    assert answer.items() == [str(SECOND.item.item_id)]
    assert answer.workflow_comment() == "Warmer overall.\nSocial post 2 · LinkedIn: Shorter."


def test_an_approval_without_a_word_tells_the_workflow_nothing_and_names_no_item():
    answer = read_answer({"decision": "approve"}, [FIRST, SECOND]).answer

    assert answer.decision == ReviewDecision.APPROVED
    assert (answer.comment, answer.workflow_comment(), answer.items()) == (None, None, None)
