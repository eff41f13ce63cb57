"""Every module's tables and migration folder, in one list the platform is handed."""

from __future__ import annotations

from aicmo.accounts.internal import bootstrap as accounts
from aicmo.cam.internal import bootstrap as cam
from aicmo.creatives.internal import bootstrap as creatives
from aicmo.delivery.internal import bootstrap as delivery
from aicmo.onboarding.internal import bootstrap as onboarding
from aicmo.orchestration.internal import bootstrap as orchestration
from aicmo.production.internal import bootstrap as production
from aicmo.qc.internal import bootstrap as qc
from aicmo.strategy.internal import bootstrap as strategy

_WITH_TABLES = (onboarding, strategy, production, qc, delivery, cam, creatives, orchestration, accounts)

MODULE_METADATA = tuple(module.METADATA for module in _WITH_TABLES)
MODULE_MIGRATIONS = tuple(module.MIGRATIONS for module in _WITH_TABLES)
MIGRATION_FOLDERS = {module.METADATA.info["owner"]: module.MIGRATIONS for module in _WITH_TABLES}
