"""Rule R5 at run time: a session may write only its owner's tables."""

import uuid

import pytest
from sqlalchemy import func, insert, select, text

from aicmo.kernel.clock import utc_now
from aicmo.kernel.errors import OwnershipViolation
from aicmo.onboarding.internal.models import IntakeRow
from aicmo.orchestration.composition import open_database


@pytest.fixture
def db(settings):
    database = open_database(settings)
    yield database
    database.dispose()


def intake() -> IntakeRow:
    return IntakeRow(id=uuid.uuid4(), client_name="Müller GmbH", source="test", created_at=utc_now())


def intakes_stored(db) -> int:
    with db.session_for("onboarding") as session:
        return session.scalar(select(func.count()).select_from(IntakeRow))


def test_the_owner_writes_its_own_tables(db):
    with db.session_for("onboarding") as session:
        session.add(intake())

    assert intakes_stored(db) == 1


def test_an_orm_write_from_another_module_raises_and_stores_nothing(db):
    with pytest.raises(OwnershipViolation) as caught:
        with db.session_for("strategy") as session:
            session.add(intake())

    assert (caught.value.table, caught.value.table_owner, caught.value.session_owner) == (
        "onboarding_intakes",
        "onboarding",
        "strategy",
    )
    assert "onboarding_intakes" in str(caught.value) and "strategy" in str(caught.value)
    assert intakes_stored(db) == 0


def test_a_core_insert_from_another_module_raises(db):
    statement = insert(IntakeRow.__table__).values(
        id=uuid.uuid4(), client_name="x", source="test", created_at=utc_now()
    )
    with pytest.raises(OwnershipViolation, match="owned by 'onboarding' but was written by 'qc'"):
        with db.session_for("qc") as session:
            session.execute(statement)

    assert intakes_stored(db) == 0


def test_a_raw_sql_update_from_another_module_raises(db):
    with db.session_for("onboarding") as session:
        session.add(intake())

    with pytest.raises(OwnershipViolation, match="written by 'delivery'"):
        with db.connect_for("delivery") as connection:
            connection.execute(text("UPDATE onboarding_intakes SET client_name = 'changed'"))

    with db.session_for("onboarding") as session:
        assert session.scalar(select(IntakeRow.client_name)) == "Müller GmbH"


def test_driver_sql_and_quoted_names_are_seen_too(db):
    with pytest.raises(OwnershipViolation):
        with db.connect_for("production") as connection:
            connection.exec_driver_sql('DELETE FROM "onboarding_intakes"')


def test_a_connection_with_no_owner_cannot_write_module_tables(db):
    with pytest.raises(OwnershipViolation, match="unscoped connection"):
        with db.engine.begin() as connection:
            connection.execute(text("DELETE FROM onboarding_intakes"))


def test_sessions_exist_only_for_known_owners(db):
    with pytest.raises(ValueError, match="unknown owner 'marketing'"):
        db.session_for("marketing").__enter__()
