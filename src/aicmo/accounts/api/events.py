"""Events accounts publishes."""

from __future__ import annotations

from aicmo.accounts.api.dtos import Role, TokenId, UserId
from aicmo.kernel.events import DomainEvent


class UserCreated(DomainEvent):
    user_id: UserId
    role: Role


class UserDisabled(DomainEvent):
    """The user can no longer sign in, and its sessions and tokens stop working."""

    user_id: UserId


class ApiTokenRevoked(DomainEvent):
    token_id: TokenId
    user_id: UserId
