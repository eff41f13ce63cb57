"""Database errors reach tracebacks and logs: they never show the statement's parameters,
which hold personal data (addresses, names). (Postgres itself names the duplicate value of
a unique key; `aicmo serve` logs no exception message for that reason.)"""

import datetime as dt
import logging
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from aicmo.orchestration.composition import open_database


def test_a_failed_statement_does_not_show_its_parameters(settings, caplog):
    db = open_database(settings)
    row = {"value": "jane.doe@acme.io", "reason": "asked by Jane Doe", "at": dt.datetime.now(dt.UTC)}
    insert = text("INSERT INTO cam_suppressions (id, value, reason, created_at) VALUES (:id, :value, :reason, :at)")
    caplog.set_level(logging.DEBUG)
    try:
        with pytest.raises(IntegrityError) as caught, db.connect_for("cam") as connection:
            connection.execute(insert, [{**row, "id": uuid.uuid4().hex}, {**row, "id": uuid.uuid4().hex}])
    finally:
        db.dispose()

    shown = str(caught.value) + caplog.text
    assert "cam_suppressions" in shown and "Jane Doe" not in shown
