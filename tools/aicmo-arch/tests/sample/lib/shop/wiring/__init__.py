"""The composition root."""

from shop.billing.internal.ledger import Ledger
from shop.orders.internal.service import OrderDesk


def build() -> OrderDesk:
    return OrderDesk(Ledger())
