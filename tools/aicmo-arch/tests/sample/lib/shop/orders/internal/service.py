"""Placing an order charges it through billing's port."""

from shop.billing.api import Billing


class OrderDesk:
    def __init__(self, billing: Billing) -> None:
        self.billing = billing

    def place(self, amount: int) -> str:
        return self.billing.charge(amount)
