"""The composition root: the one place that builds adapters and wires them into ports.

Its names load on first use, so a test that boots the modules on fakes
(`composition.units_of_work`) does not import the durable workflow engine, the
database drivers and the gateways that `bootstrap()` wires.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aicmo.orchestration.composition.application import (
        Application,
        bootstrap,
        brief_parser,
        connect_database,
        model_catalog,
        open_database,
        unapplied_migrations,
        webhook_addresses,
    )

__all__ = [
    "Application",
    "bootstrap",
    "brief_parser",
    "connect_database",
    "model_catalog",
    "open_database",
    "unapplied_migrations",
    "webhook_addresses",
]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.application"), name)
    globals()[name] = value
    return value
