"""The client's answer as the portal's form sends it: approve or request changes, a comment,
and a comment per item. A wrong value is named by its field, and what was typed is kept."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from aicmo.accounts.api import ReviewComment, ReviewDecision
from aicmo.kernel.text import too_long
from aicmo.operator.web.portal.client_pack import ClientItem

DECISIONS = {"approve": ReviewDecision.APPROVED, "request-changes": ReviewDecision.CHANGES_REQUESTED}


@dataclass(frozen=True)
class ReviewAnswer:
    decision: ReviewDecision
    comment: str | None
    comments: list[ReviewComment]

    def workflow_comment(self) -> str | None:
        """What the revision (or the approval) is told: the overall comment, then each item's."""
        return ReviewComment.in_one_text(self.comment, self.comments)

    def items(self) -> list[str] | None:
        """The items to revise: those commented on, or every item when none was."""
        return [said.item_id for said in self.comments] or None


@dataclass(frozen=True)
class FormReading:
    answer: ReviewAnswer | None
    typed: dict[str, str]
    problems: dict[str, str]
    """Field name → the message shown beside it."""


def read_answer(form: Mapping[str, str], items: list[ClientItem]) -> FormReading:
    names = ["comment", *(item.field for item in items)]
    # Browsers send a textarea's line breaks as CRLF, yet count each as one character against maxlength.
    typed = {name: str(form.get(name, "")).replace("\r\n", "\n").strip() for name in names}
    problems = {name: message for name, text in typed.items() if (message := too_long(text))}
    decision = DECISIONS.get(str(form.get("decision", "")))
    if decision is None:
        problems["decision"] = "Choose “Approve” or “Request changes”."
    comments = [
        ReviewComment(item_id=str(i.item.item_id), item_label=i.label, text=typed[i.field])
        for i in items
        if typed[i.field]
    ]
    if decision == ReviewDecision.CHANGES_REQUESTED and not typed["comment"] and not comments:
        problems["comment"] = "Say what should change — here, or beside the items it concerns."
    if problems or decision is None:
        return FormReading(None, typed, problems)
    return FormReading(ReviewAnswer(decision, typed["comment"] or None, comments), typed, {})


def unsent(form: Mapping[str, str], items: list[ClientItem]) -> list[tuple[str, str]]:
    """What the client wrote on a form the portal could not take (the link stopped working
    while they wrote): each comment under the item it was about, to copy elsewhere."""
    labels = {"comment": "Your comment", **{item.field: item.label for item in items}}
    return [
        (labels.get(name, "A comment on an item"), text)
        for name, value in form.items()
        if (name == "comment" or name.startswith("item-")) and (text := value.replace("\r\n", "\n").strip())
    ]
