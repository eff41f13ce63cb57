"""The port of orders."""

from typing import Protocol


class Orders(Protocol):
    def place(self, amount: int) -> str:
        """Do it; return a reference."""
        ...
