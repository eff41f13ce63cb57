"""An operator names a lead as git names a commit: by any unique prefix of its id, in every
`aicmo cam` command that takes one, and hears in one line when a prefix fits several or none."""

import sqlite3
import uuid
from collections import Counter

import pytest

from .cli import aicmo

pytestmark = pytest.mark.e2e
LEADS = 3_000
"""Enough leads that some share their first four hex digits (about 68 pairs expected)."""


def test_lead_won_and_meeting_take_a_unique_prefix_and_refuse_an_ambiguous_or_unknown_one(tmp_path):
    home = tmp_path / "home"
    env = {"AICMO_HOME": str(home)}
    (tmp_path / "leads.csv").write_text(
        "email,company\r\n" + "".join(f"lead{n}@company{n}.example.org,Company {n}\r\n" for n in range(LEADS))
    )
    aicmo("cam", "campaign", "create", "Prefixes", env=env)
    aicmo("cam", "import", str(tmp_path / "leads.csv"), "--campaign", "Prefixes", env=env)
    with sqlite3.connect(home / "aicmo.sqlite") as db:
        ids = {str(uuid.UUID(key)): email for key, email in db.execute("SELECT id, email FROM cam_leads")}
    starts = Counter(key[:4] for key in ids)
    unique = sorted(key for key in ids if starts[key[:4]] == 1)
    shared = next(start for start, count in starts.items() if count > 1)
    unknown = next(f"{n:04x}" for n in range(16**4) if f"{n:04x}" not in starts)

    shown = aicmo("cam", "lead", unique[0][:4], env=env)
    met = aicmo("cam", "meeting", unique[1][:6].upper(), "--at", "2027-01-12T14:00+01:00", env=env)
    won = aicmo("cam", "won", unique[1][:9], env=env)
    ambiguous = aicmo("cam", "won", shared, env=env)
    missing = aicmo("cam", "lead", unknown, env=env)
    too_short = aicmo("cam", "meeting", "ab", "--at", "2027-01-12T14:00+01:00", env=env)

    assert shown.returncode == 0 and ids[unique[0]] in shown.stdout, shown.stderr
    assert met.returncode == 0 and f"{ids[unique[1]]}: MEETING" in met.stdout, met.stderr
    assert won.returncode == 0 and f"{ids[unique[1]]}: WON" in won.stdout, won.stderr
    for refused, words in (
        (ambiguous, f"lead id {shared!r} is ambiguous"),
        (missing, f"no lead id starts with {unknown!r}"),
        (too_short, "'ab' is not a lead id"),
    ):
        assert refused.returncode in (1, 2) and "Traceback" not in refused.stderr, refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1 and words in refused.stderr, refused.stderr
