"""R5 across every module: each owner may write its own tables and no other's."""

import pytest
from sqlalchemy import text

from aicmo.kernel.errors import OwnershipViolation
from aicmo.orchestration.composition import open_database


def test_every_owner_against_every_table(settings):
    db = open_database(settings)
    outcomes = {}
    for owner in sorted(db.owners):
        for table, table_owner in sorted(db.table_owners.items()):
            try:
                with db.connect_for(owner) as connection:
                    connection.execute(text(f"DELETE FROM {table} WHERE 1 = 0"))
                outcomes[owner, table] = "written"
            except OwnershipViolation as violation:
                assert (violation.table, violation.table_owner, violation.session_owner) == (table, table_owner, owner)
                outcomes[owner, table] = "refused"
    db.dispose()

    expected = {(o, t): "written" if db.table_owners[t] == o else "refused" for o, t in outcomes}
    assert outcomes == expected
    assert len(db.owners) == 9 and len(outcomes) == 9 * len(db.table_owners)


@pytest.mark.parametrize(
    "owner", ["onboarding", "strategy", "production", "qc", "delivery", "cam", "orchestration", "accounts"]
)
def test_no_module_may_write_the_migration_bookkeeping(settings, owner):
    db = open_database(settings)
    try:
        with pytest.raises(OwnershipViolation, match="alembic_version"):
            with db.connect_for(owner) as connection:
                connection.execute(text("DELETE FROM alembic_version WHERE 1 = 0"))
    finally:
        db.dispose()
