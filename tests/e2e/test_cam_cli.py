"""CAM as an operator drives it: the `aicmo cam` commands in child processes, from a new
campaign to a won client, and their answers to bad input."""

import json

import pytest

from .cli import aicmo

pytestmark = pytest.mark.e2e
LEADS = "Email Address,First Name,Company Name,Job Title,Industry,City,Employees\r\n" + "".join(
    f"{email},{first},{company},{title},{industry},Portland,{size}\r\n"
    for email, first, company, title, industry, size in [
        ("jane@roastery.io", "Jane", "Roastery", "CMO", "Coffee", "120"),
        ("raj@widgets.co", "Raj", "Widgets", "Engineer", "Hardware", "5000"),
        ("JANE@roastery.io ", "Jane", "Roastery", "CMO", "Coffee", "120"),
        ("not-an-address", "Bo", "X", "CMO", "Coffee", "50"),
    ]
)
SEQUENCE = """
- delay_days: 0
  variants:
    - {name: A, subject: "Coffee for {{company|your team}}", body: "Hi {{first_name}}, fresh beans?"}
"""


def test_from_a_new_campaign_to_a_won_client(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}
    (tmp_path / "leads.csv").write_text(LEADS, encoding="utf-8-sig")
    (tmp_path / "steps.yaml").write_text(SEQUENCE, encoding="utf-8")

    created = aicmo("cam", "campaign", "create", "Coffee", "--industries", "Coffee", "--titles", "CMO", "--company-size", "10-500", "--window", "00:00-23:59", "--timezone", "Europe/Berlin", env=env)
    imported = aicmo("cam", "import", str(tmp_path / "leads.csv"), "--campaign", "Coffee", "--json", env=env)
    sequenced = aicmo("cam", "sequence", "Coffee", str(tmp_path / "steps.yaml"), env=env)
    cycle = aicmo("cam", "worker", "--once", env=env)
    grade_a = json.loads(aicmo("cam", "leads", "--grade", "A", "--json", env=env).stdout)
    won = aicmo("cam", "won", grade_a[0]["lead_id"], env=env)
    timeline = aicmo("cam", "lead", grade_a[0]["lead_id"], env=env)
    workers = json.loads(aicmo("cam", "workers", "--json", env=env).stdout)

    assert created.returncode == 0 and "SIMULATION" in created.stdout, created.stderr
    assert json.loads(imported.stdout) == {"read": 4, "accepted": 2, "duplicates": 1, "rejected": 1}
    assert sequenced.returncode == 0 and "1 step(s) set" in sequenced.stdout
    assert cycle.returncode == 0 and "simulated 2" in cycle.stdout, cycle.stdout + cycle.stderr
    assert [lead["email"] for lead in grade_a] == ["jane@roastery.io"] and grade_a[0]["stage"] == "CONTACTED"
    assert won.returncode == 0 and "WON — ClientSigned published" in won.stdout and "opened intake" in won.stdout
    assert "NEW → CONTACTED" in timeline.stdout and "CONTACTED → WON" in timeline.stdout
    assert [(w["status"], w["cycles"]) for w in workers] == [("stopped", 1)]


def test_a_campaign_with_bad_settings_names_every_field_and_creates_nothing(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}

    refused = aicmo("cam", "campaign", "create", "Bad", "--timezone", "Mars/Base", "--company-size", "10-many", "--window", "17:00-09:00", env=env)
    listed = aicmo("cam", "campaigns", env=env)

    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "icp.max_company_size" in refused.stderr and "timezone: unknown time zone 'Mars/Base'" in refused.stderr
    assert "Bad" not in listed.stdout


def test_a_live_campaign_says_so(tmp_path):
    created = aicmo("cam", "campaign", "create", "Live", "--live", env={"AICMO_HOME": str(tmp_path / "home")})

    assert created.returncode == 0 and "created: LIVE" in created.stdout
