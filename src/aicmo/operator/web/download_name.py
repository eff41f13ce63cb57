"""The name a delivered file is saved under in a browser: client and run first, so the files of
different clients and runs do not collide in a downloads folder. The file on disk keeps its name."""

from __future__ import annotations

from aicmo.delivery.api import Package
from aicmo.platform.db.short_ids import SHOWN_AT_LEAST
from aicmo.platform.templating import slug


def download_name(package: Package, name: str) -> str:
    """`northwind-roasters-3f2a9c1b-plan.pdf`: ASCII (the client's name as a slug), so every browser
    saves it as it is; `run_key` is the run's id."""
    return f"{slug(package.client_name, 'client')}-{package.run_key[:SHOWN_AT_LEAST]}-{name}"
