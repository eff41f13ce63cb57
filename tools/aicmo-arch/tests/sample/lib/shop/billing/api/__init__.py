"""Billing: what other modules may use."""

from shop.billing.api.dtos import Status
from shop.billing.api.ports import Billing

CONTRACT_VERSION = "1.0.0"

__all__ = ["CONTRACT_VERSION", "Status", "Billing"]
