"""The composition root: the one place that builds adapters and wires them into ports."""

from aicmo.orchestration.composition.bootstrap import (
    Application,
    bootstrap,
    brief_parser,
    connect_database,
    open_database,
    unapplied_migrations,
    webhook_addresses,
)

__all__ = [
    "Application",
    "bootstrap",
    "brief_parser",
    "connect_database",
    "open_database",
    "unapplied_migrations",
    "webhook_addresses",
]
