"""`aicmo db upgrade`."""

from __future__ import annotations

from aicmo.operator.cli.console import EXIT_OK, out
from aicmo.orchestration.composition import open_database
from aicmo.platform.settings import Settings


def upgrade_database() -> int:
    settings = Settings()
    db = open_database(settings)
    db.dispose()
    out.print(f"database at head: {db.engine.url.render_as_string(hide_password=True)}", markup=False)
    return EXIT_OK


def new_revision(module: str, message: str) -> int:
    """Autogenerate a migration on `module`'s branch from the difference between its models and the database."""
    from aicmo.kernel.errors import InvalidInput
    from aicmo.operator.cli.console import fail
    from aicmo.orchestration.composition.modules import MIGRATION_FOLDERS
    from aicmo.platform.db.migrations import new_revision as autogenerate

    if module not in MIGRATION_FOLDERS:
        fail(str(InvalidInput(f"no module {module!r} with tables: use one of {', '.join(sorted(MIGRATION_FOLDERS))}")))
        return 2
    db = open_database(Settings())
    autogenerate(db, tuple(MIGRATION_FOLDERS.values()), module, MIGRATION_FOLDERS[module], message)
    db.dispose()
    out.print(f"new revision written under {MIGRATION_FOLDERS[module]}", markup=False)
    return EXIT_OK
