"""Migrations: one branch per module, and they build exactly what the models declare."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from aicmo.orchestration.composition import connect_database, open_database, unapplied_migrations
from aicmo.orchestration.composition.modules import MIGRATION_FOLDERS, MODULE_METADATA, MODULE_MIGRATIONS
from aicmo.platform.db import Database
from aicmo.platform.db.migrations import alembic_config


def test_a_new_database_is_behind_until_upgraded_then_at_head(settings):
    fresh = connect_database(settings)
    assert unapplied_migrations(fresh) == set(
        ScriptDirectory.from_config(alembic_config(fresh, MODULE_MIGRATIONS)).get_heads()
    )
    fresh.dispose()

    db = open_database(settings)
    again = open_database(settings)

    assert unapplied_migrations(db) == set()
    again.dispose()
    db.dispose()


def test_the_migrated_schema_matches_every_module_model(settings):
    db = open_database(settings)
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, list(MODULE_METADATA))
    db.dispose()

    assert differences == []


def test_each_module_has_its_own_branch_in_its_own_folder():
    script = ScriptDirectory.from_config(alembic_config(Database("sqlite://", MODULE_METADATA), MODULE_MIGRATIONS))

    for owner, folder in MIGRATION_FOLDERS.items():
        revisions = [r for r in script.walk_revisions() if str(folder) in r.path]
        assert revisions, f"{owner} has no migrations in {folder}"
        assert any(owner in (r.branch_labels or ()) for r in revisions), (
            f"{owner}'s first revision lacks its branch label"
        )
