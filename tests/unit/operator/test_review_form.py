"""The portal's form as a browser sends it: line breaks arrive as CRLF, and a comment the
textarea let through (2,000 characters, counting a line break as one) is not refused."""

import datetime as dt
import uuid

from aicmo.accounts.api import ReviewDecision
from aicmo.onboarding.api import BriefVersionId
from aicmo.operator.web.portal.client_pack import ClientItem
from aicmo.operator.web.portal.review_form import read_answer
from aicmo.production.api import ContentItem, ContentItemId, ContentKind
from aicmo.strategy.api import StrategyVersionId

ITEM = ClientItem(
    ContentItem(
        item_id=ContentItemId.new(),
        kind=ContentKind.SOCIAL_POST,
        position=1,
        platform="linkedin",
        scheduled_on=dt.date(2027, 1, 4),
        fields={"hook": "Hello"},
        brief_version_id=BriefVersionId.parse(uuid.uuid4()),
        strategy_version_id=StrategyVersionId.parse(uuid.uuid4()),
    ),
    "Social post 1 · LinkedIn",
)


def test_a_comment_of_two_thousand_characters_typed_over_many_lines_is_taken_with_its_line_breaks():
    typed = "abc\n" * 500

    reading = read_answer({"decision": "request-changes", ITEM.field: typed.replace("\n", "\r\n")}, [ITEM])

    assert reading.problems == {}
    [said] = reading.answer.comments
    assert said.text == typed.strip() and reading.answer.items() == [str(ITEM.item.item_id)]
    assert reading.answer.decision == ReviewDecision.CHANGES_REQUESTED


def test_an_unknown_decision_is_named_and_nothing_is_decided():
    reading = read_answer({"decision": "publish", "comment": "ok"}, [ITEM])

    assert reading.answer is None and set(reading.problems) == {"decision"} and reading.typed["comment"] == "ok"
