"""What an import reports is what the database stored, on SQLite and Postgres alike: the
unique key finds the duplicates, within a batch, across batches and across imports."""

import pytest

from aicmo.cam.api import NewCampaign
from aicmo.orchestration.composition import bootstrap

pytestmark = pytest.mark.e2e
ROWS = 12_000
"""More than two batches of 5,000."""
LEADS = (
    "email,first name\r\n"
    + "".join(f"lead{n}@company{n % 997}.io,Lead {n}\r\n" for n in range(ROWS))
    + "LEAD7@company7.io ,Again\r\nlead11000@company33.io,Again\r\n"
).encode()


def test_duplicates_within_and_across_batches_and_imports_are_counted_not_stored(settings):
    with bootstrap(settings, launch_durable=False) as app:
        app.campaigns.create(NewCampaign(name="Counts"))
        first = app.leads.import_csv("Counts", LEADS, "leads.csv")
        again = app.leads.import_csv("Counts", LEADS, "leads.csv")
        stored = app.leads.funnel("Counts")

    assert (first.read, first.accepted, first.duplicates, first.rejected) == (ROWS + 2, ROWS, 2, 0)
    assert (again.read, again.accepted, again.duplicates) == (ROWS + 2, 0, ROWS + 2)
    assert sum(stored.values()) == ROWS
