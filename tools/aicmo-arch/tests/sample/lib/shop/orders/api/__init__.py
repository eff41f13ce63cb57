"""Orders: what other modules may use."""

from shop.orders.api.dtos import Status
from shop.orders.api.ports import Orders

CONTRACT_VERSION = "1.0.0"

__all__ = ["CONTRACT_VERSION", "Status", "Orders"]
