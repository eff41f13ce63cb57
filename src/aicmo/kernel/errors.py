"""The error hierarchy. Every error a user can cause says what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


class AicmoError(Exception):
    """Base of every error this project raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is, what is wrong, what to do."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def with_advice(reason: object, advice: str) -> str:
    """A library's reason, which ends with its own full stop, then what to do: "reason — advice"."""
    return f"{str(reason).strip().rstrip('.')} — {advice}"


class InvalidInput(AicmoError):
    """A user's input is wrong; `problems` lists every fault found, not just the first."""

    def __init__(self, summary: str, problems: list[Problem] | None = None) -> None:
        self.summary = summary
        self.problems = list(problems or [])
        super().__init__(self.render())

    def render(self) -> str:
        if not self.problems:
            return self.summary
        lines = [self.summary] + [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


class TooManyAttempts(InvalidInput):
    """A user failed too often lately (signing in); the problem says when to try again."""


class AccountDisabled(InvalidInput):
    """The right password for a disabled account: only someone who knows the password learns that the
    account exists and is disabled, and is told to ask an admin rather than to try again."""


class NotFound(AicmoError):
    """The thing asked for does not exist."""


class Conflict(AicmoError):
    """The request contradicts the current state (approving a run that is not waiting)."""


class OwnershipViolation(AicmoError):
    """A session wrote a table that its owner module does not own (rule R5)."""

    def __init__(self, table: str, table_owner: str | None, session_owner: str | None) -> None:
        self.table = table
        self.table_owner = table_owner
        self.session_owner = session_owner
        owner = table_owner or "no module"
        writer = session_owner or "an unscoped connection"
        super().__init__(
            f"table {table!r} is owned by {owner!r} but was written by {writer!r}; "
            f"only {owner!r} may write it: call a port of {owner!r} instead"
        )


class ChannelUnavailable(AicmoError):
    """An outside party (SMTP server, webhook endpoint, folder) refused or did not answer."""


class WriterFailed(AicmoError):
    """A writer could not produce a valid section (invalid output after its second chance)."""


class BudgetExceeded(AicmoError):
    """A run reached its spending limit on model calls; it stops at that step and compensates."""
