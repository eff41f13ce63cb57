"""The operator's decision on a waiting run, as `aicmo approve` or `aicmo reject` sends it to the
workflow through DBOS. It travels as plain data and is validated again where it is received,
so a malformed message is refused with its reason instead of breaking the run."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator


class MalformedDecision(ValueError):
    """A message on the approval topic that is not a decision; the run keeps waiting for one."""


class ApprovalDecision(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    approved: bool
    comment: str | None = None
    items: list[str] | None = None
    """The ids of the items a rejection sends back; None sends back every item."""

    @model_validator(mode="after")
    def _a_rejection_says_what_to_change(self) -> ApprovalDecision:
        if not self.approved and not (self.comment or "").strip():
            raise ValueError("a rejection needs a comment saying what to change")
        return self

    def sends_back(self, item_id: str) -> bool:
        return self.items is None or item_id in self.items

    def message(self) -> dict:
        """The decision as plain data, the form it is sent in."""
        return self.model_dump(mode="json")


def received(message: object) -> ApprovalDecision:
    """The decision a message carries; MalformedDecision names each field that is wrong."""
    try:
        return ApprovalDecision.model_validate(message)
    except ValidationError as error:
        reasons = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'decision'}: {e['msg']}" for e in error.errors())
        fix = "send it with `aicmo approve` or `aicmo reject`"
        raise MalformedDecision(f"a decision was refused ({reasons}); {fix}") from None
