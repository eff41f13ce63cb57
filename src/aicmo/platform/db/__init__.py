"""Database access: per-module declarative bases, engines, owner-scoped sessions."""

from aicmo.platform.db.base import module_base, owner_of_metadata
from aicmo.platform.db.database import MIGRATIONS_SCOPE, Database
from aicmo.platform.db.types import UtcDateTime

__all__ = ["MIGRATIONS_SCOPE", "Database", "UtcDateTime", "module_base", "owner_of_metadata"]
