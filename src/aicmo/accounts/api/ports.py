"""What the operator may ask of accounts."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Protocol

from aicmo.accounts.api.dtos import (
    Actor,
    ApiToken,
    AuditEntry,
    AuditPage,
    AuditQuery,
    IssuedToken,
    ReviewComment,
    ReviewDecision,
    ReviewLink,
    ReviewLinkId,
    Role,
    User,
    UserId,
)


class Accounts(Protocol):
    """Users, their passwords and sessions, and their API tokens."""

    def create_user(self, email: str, role: Role, password: str, by: Actor, *, client: str | None = None) -> User:
        """Add a user; a reviewer needs the one `client` it may see.

        Raises:
            InvalidInput: the email, password or client is wrong (the field is named).
            Conflict: a user has this email already.
        """
        ...

    def users(self) -> list[User]:
        """Every user, by email."""
        ...

    def user(self, user_id: UserId) -> User | None:
        """One user, or None."""
        ...

    def disable_user(self, email: str, by: Actor) -> User:
        """Stop a user signing in; its sessions and tokens stop working. Raises NotFound."""
        ...

    def enable_user(self, email: str, by: Actor) -> User:
        """Let a disabled user sign in again (audited as `user.enable`); its tokens that were not
        revoked work again, its old sessions stay ended. Nothing changes for an active user.
        Raises NotFound."""
        ...

    def sign_in(self, email: str, password: str, by: Actor) -> User:
        """The user whose email and password these are.

        Raises:
            InvalidInput: wrong email or password (one message for both, a disabled account's too).
            AccountDisabled: the right password of a disabled account (audited as `session.login-disabled`).
            TooManyAttempts: too many failed attempts for this account from this address
                lately; says when to try again.
        """
        ...

    def sign_out(self, user_id: UserId, by: Actor) -> None:
        """End every session of the user (its session version moves on)."""
        ...

    def change_password(self, email: str, password: str, by: Actor) -> User:
        """Set a new password; every session of the user ends; a disabled user stays disabled.
        Raises InvalidInput or NotFound."""
        ...

    def create_token(self, email: str, name: str, by: Actor) -> IssuedToken:
        """A new API token for the user; its secret is in the answer only. Raises InvalidInput or NotFound."""
        ...

    def tokens(self) -> list[ApiToken]:
        """Every token, revoked ones included, newest first."""
        ...

    def revoke_token(self, prefix: str, by: Actor) -> ApiToken:
        """Stop a token working, named by its visible prefix. Raises NotFound."""
        ...

    def user_of_token(self, secret: str) -> User | None:
        """The active user a token belongs to (its last use is noted, to the minute), or None when the token
        is unknown, revoked, or its user disabled."""
        ...


class AuditLog(Protocol):
    """Who did what, when, from where: every action of the console, the API and the CLI."""

    def record(self, by: Actor, action: str, target: str, detail: str | None = None) -> None:
        """Keep one entry."""
        ...

    def entries(self, limit: int = 100, *, target: str | None = None) -> list[AuditEntry]:
        """The newest entries first; only those about `target` (a run's id…) when it is given."""
        ...

    def page(self, query: AuditQuery) -> AuditPage:
        """One page of the entries of `query`'s action and actor, newest first.

        Raises:
            InvalidInput: the cursor is not one a page gave (the field `cursor` is named).
        """
        ...

    def actions(self) -> list[str]:
        """Every action the log holds an entry of, in alphabetical order: what a filter offers."""
        ...


class ReviewLinks(Protocol):
    """Links through which a client reviews one run's pack without an account: who made them,
    for which pack, until when, to whom they were sent, and the client's decision and comments."""

    def create(
        self,
        run_id: uuid.UUID,
        client: str,
        pack_digest: str,
        expires_at: dt.datetime,
        by: Actor,
        *,
        send_to: str | None = None,
    ) -> ReviewLink:
        """Keep a new link (audited as `review_link.create`); `send_to` is the address it is for.

        Raises:
            InvalidInput: `send_to` is not an email address (the field `email` is named).
        """
        ...

    def link(self, link_id: ReviewLinkId) -> ReviewLink | None:
        """One link with its comments, or None."""
        ...

    def of_run(self, run_id: uuid.UUID) -> list[ReviewLink]:
        """The run's links, newest first."""
        ...

    def record_sent(self, link_id: ReviewLinkId, by: Actor) -> ReviewLink:
        """Note that the link went out to its `send_to` address (audited as `review_link.send`). Raises NotFound."""
        ...

    def revoke(self, link_id: ReviewLinkId, by: Actor) -> ReviewLink:
        """Stop the link working (audited as `review_link.revoke`); a decided link stays as it is. Raises NotFound."""
        ...

    def decide(
        self,
        link_id: ReviewLinkId,
        decision: ReviewDecision,
        comment: str | None,
        comments: list[ReviewComment],
        by: Actor,
    ) -> ReviewLink:
        """Keep the client's decision and comments, and audit it as `run.approve` or
        `run.request-changes` on the run, in one transaction.

        Raises:
            NotFound: no such link.
            Conflict: the link was revoked or has a decision already.
        """
        ...
