"""The port of billing."""

from typing import Protocol


class Billing(Protocol):
    def charge(self, amount: int) -> str:
        """Do it; return a reference."""
        ...
