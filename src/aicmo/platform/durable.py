"""DBOS Transact glue: launch and stop the durable-execution runtime.

DBOS keeps workflow state in its own system database (see Settings.durable_database_url).
It is imported here lazily because it is heavy; nothing connects until `launch`.
"""

from __future__ import annotations

import logging

from aicmo.platform.settings import Settings

APP_NAME = "aicmo"


def launch(settings: Settings) -> None:
    """Configure and launch DBOS; the workflows it recovers must be registered before."""
    from dbos import DBOS

    dbos_level = "DEBUG" if settings.log_level == "DEBUG" else "WARNING"
    logging.getLogger("dbos").setLevel(dbos_level)
    DBOS(
        config={
            "name": APP_NAME,
            "system_database_url": _driver_url(settings.durable_database_url),
            "log_level": dbos_level,
            "application_version": "aicmo-1",
        }
    )
    DBOS.launch()


def shutdown() -> None:
    from dbos import DBOS

    DBOS.destroy(destroy_registry=False)


def _driver_url(url: str) -> str:
    if url.startswith("postgresql+psycopg://"):
        return "postgresql://" + url.split("://", 1)[1]
    return url


def workflow_steps(settings: Settings, workflow_id: str) -> list[dict]:
    """The recorded steps of one workflow, read through a DBOS client: nothing is launched or recovered."""
    from dbos import DBOSClient

    client = DBOSClient(system_database_url=_driver_url(settings.durable_database_url))
    try:
        return [dict(step) for step in client.list_workflow_steps(workflow_id, load_output=False)]
    finally:
        client.destroy()
