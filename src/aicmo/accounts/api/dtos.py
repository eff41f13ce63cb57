"""Users, API tokens and audit entries as they cross the module boundary."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from aicmo.kernel.ids import TypedId


class UserId(TypedId):
    """One person who signs in to the console or calls the API."""


class TokenId(TypedId):
    """One API token of one user."""


class Role(StrEnum):
    """What a user may do: an admin everything, an operator run the agency's work, a
    reviewer read and decide on one client's runs."""

    ADMIN = "admin"
    OPERATOR = "operator"
    REVIEWER = "reviewer"


class Channel(StrEnum):
    """Where an action came from."""

    CLI = "cli"
    CONSOLE = "console"
    API = "api"
    LINK = "link"
    """A client's review link: no account, the link is the credential."""


class Actor(BaseModel):
    """Who acts, from where: what the audit log keeps with every action."""

    model_config = ConfigDict(frozen=True)

    who: str | None
    """The signed-in user's email; the system account's user@host on the command line; None
    before a sign-in is known (a failed one is recorded under the email tried)."""
    channel: Channel
    address: str | None = None
    """The client's IP address for the console and the API; None on the command line."""


class User(BaseModel):
    model_config = ConfigDict(frozen=True)

    user_id: UserId
    email: str
    role: Role
    client: str | None
    """The one client a reviewer may see (its brand name); None for the other roles."""
    disabled: bool
    session_version: int
    """Sessions carry it; logging out or changing the password bumps it, ending them all."""
    created_at: dt.datetime

    def may_see(self, client: str) -> bool:
        """Whether this user may see the runs of `client`."""
        return self.role != Role.REVIEWER or self.client == client


class ApiToken(BaseModel):
    model_config = ConfigDict(frozen=True)

    token_id: TokenId
    user_email: str
    name: str
    prefix: str
    """The token's visible start (`aicmo_1a2b3c4d`), to tell tokens apart; the rest is secret."""
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None
    user_disabled: bool = False
    """Its user is disabled: the token answers 401 until the user is enabled again."""

    def state(self) -> str:
        """'revoked', 'user disabled' or 'active', as the token lists show it."""
        if self.revoked_at:
            return "revoked"
        return "user disabled" if self.user_disabled else "active"


class IssuedToken(BaseModel):
    """A new token and its secret, shown once: only a hash of it is kept."""

    model_config = ConfigDict(frozen=True)

    token: ApiToken
    secret: str


class AuditEntry(BaseModel):
    """One action: who, when, what, on what, from where."""

    model_config = ConfigDict(frozen=True)

    at: dt.datetime
    actor: str | None
    channel: Channel
    address: str | None
    action: str
    """What was done, as `object.verb`: `user.create`, `run.approve`, `session.login`…"""
    target: str
    detail: str | None


class AuditQuery(BaseModel):
    """Which entries of the audit log to list, newest first, one page at a time."""

    model_config = ConfigDict(frozen=True)

    action: str | None = None
    """One action (`run.approve`), or every action of one kind when it ends with a dot (`run.`)."""
    actor: str | None = None
    """Only what this person did: an email, or user@host on the command line (any case)."""
    cursor: str | None = None
    """Where the previous page ended: its `next_cursor`, as it was given; None for the first page."""
    limit: int = Field(default=50, ge=1, le=200)


class AuditPage(BaseModel):
    """One page of the audit log and where the next one starts."""

    model_config = ConfigDict(frozen=True)

    entries: list[AuditEntry]
    next_cursor: str | None
    """Pass it as `cursor` for the next page; None on the last page."""


class ReviewLinkId(TypedId):
    """One signed link through which a client reviews one run's pack without an account."""


class ReviewDecision(StrEnum):
    APPROVED = "approved"
    CHANGES_REQUESTED = "changes_requested"


class ReviewComment(BaseModel):
    """What the client said about one item of the pack."""

    model_config = ConfigDict(frozen=True)

    item_id: str
    item_label: str
    """How the page named the item (`Social posts #3 · linkedin`), kept as the client saw it."""
    text: str

    @staticmethod
    def in_one_text(comment: str | None, comments: list[ReviewComment]) -> str | None:
        """A client's review in one text, as the workflow and the audit log keep it: the overall
        comment, then a line per item (`Social posts #3 · linkedin: warmer, please`)."""
        lines = [comment] if comment else []
        lines += [f"{said.item_label}: {said.text}" for said in comments]
        return "\n".join(lines) or None


class ReviewLink(BaseModel):
    """A review link: the run and the exact pack it shows, until when, to whom it was sent,
    and the client's decision and comments once made."""

    model_config = ConfigDict(frozen=True)

    link_id: ReviewLinkId
    run_id: uuid.UUID
    client: str
    pack_digest: str
    """The digest of the pack as it was when the link was made: any edit since closes the link."""
    created_by: str | None
    created_at: dt.datetime
    expires_at: dt.datetime
    sent_to: str | None
    """The address the operator asked to email it to; None when it is only copied."""
    sent_at: dt.datetime | None
    revoked_at: dt.datetime | None
    decision: ReviewDecision | None
    decided_at: dt.datetime | None
    decision_comment: str | None
    comments: list[ReviewComment]
