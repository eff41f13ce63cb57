"""Accounts: the users who sign in (admins, operators, reviewers bound to one client), their
API tokens, the links through which a client reviews a pack without an account, and the
audit log of who did what, when, from where."""

from aicmo.accounts.api.dtos import (
    Actor,
    ApiToken,
    AuditEntry,
    AuditPage,
    AuditQuery,
    Channel,
    IssuedToken,
    ReviewComment,
    ReviewDecision,
    ReviewLink,
    ReviewLinkId,
    Role,
    TokenId,
    User,
    UserId,
)
from aicmo.accounts.api.events import ApiTokenRevoked, UserCreated, UserDisabled
from aicmo.accounts.api.ports import Accounts, AuditLog, ReviewLinks

CONTRACT_VERSION = "1.3.0"

__all__ = [
    "CONTRACT_VERSION",
    "Accounts",
    "Actor",
    "ApiToken",
    "ApiTokenRevoked",
    "AuditEntry",
    "AuditPage",
    "AuditQuery",
    "AuditLog",
    "Channel",
    "IssuedToken",
    "ReviewComment",
    "ReviewDecision",
    "ReviewLink",
    "ReviewLinkId",
    "ReviewLinks",
    "Role",
    "TokenId",
    "User",
    "UserCreated",
    "UserDisabled",
    "UserId",
]
