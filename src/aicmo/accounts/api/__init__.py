"""Accounts: the users who sign in (admins, operators, reviewers bound to one client), their
API tokens, and the audit log of who did what, when, from where."""

from aicmo.accounts.api.dtos import Actor, ApiToken, AuditEntry, Channel, IssuedToken, Role, TokenId, User, UserId
from aicmo.accounts.api.events import ApiTokenRevoked, UserCreated, UserDisabled
from aicmo.accounts.api.ports import Accounts, AuditLog

CONTRACT_VERSION = "0.2.0"

__all__ = [
    "CONTRACT_VERSION",
    "Accounts",
    "Actor",
    "ApiToken",
    "ApiTokenRevoked",
    "AuditEntry",
    "AuditLog",
    "Channel",
    "IssuedToken",
    "Role",
    "TokenId",
    "User",
    "UserCreated",
    "UserDisabled",
    "UserId",
]
