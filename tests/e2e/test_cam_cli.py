"""CAM as an operator drives it: the `aicmo cam` commands in child processes, from a new
campaign to a won client, and their answers to bad input."""

import csv
import json

import pytest

from aicmo.orchestration.composition import bootstrap
from tests.conftest import ROOT

from .cli import aicmo, env_for

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

    created = aicmo(
        "cam",
        "campaign",
        "create",
        "Coffee",
        "--industries",
        "Coffee",
        "--titles",
        "CMO",
        "--company-size",
        "10-500",
        "--window",
        "00:00-23:59",
        "--timezone",
        "Europe/Berlin",
        env=env,
    )
    imported = aicmo("cam", "import", str(tmp_path / "leads.csv"), "--campaign", "Coffee", "--json", env=env)
    sequenced = aicmo("cam", "sequence", "Coffee", str(tmp_path / "steps.yaml"), env=env)
    cycle = aicmo("cam", "worker", "--once", env=env)
    grade_a = json.loads(aicmo("cam", "leads", "--grade", "A", "--json", env=env).stdout)
    won = aicmo("cam", "won", grade_a[0]["lead_id"], env=env)
    timeline = aicmo("cam", "lead", grade_a[0]["lead_id"], env=env)
    workers = json.loads(aicmo("cam", "workers", "--json", env=env).stdout)

    assert created.returncode == 0 and "SIMULATION" in created.stdout, created.stderr
    assert json.loads(imported.stdout) == {
        "read": 4,
        "accepted": 2,
        "duplicates": 1,
        "rejected": 1,
        "ignored_columns": [],
        "warnings": [],
    }
    assert sequenced.returncode == 0 and "1 step(s) set" in sequenced.stdout
    assert cycle.returncode == 0 and "simulated 2" in cycle.stdout, cycle.stdout + cycle.stderr
    assert [lead["email"] for lead in grade_a] == ["jane@roastery.io"] and grade_a[0]["stage"] == "CONTACTED"
    assert won.returncode == 0 and "WON — ClientSigned published" in won.stdout and "opened intake" in won.stdout
    assert "NEW → CONTACTED" in timeline.stdout and "CONTACTED → WON" in timeline.stdout
    assert [(w["status"], w["cycles"]) for w in workers] == [("stopped", 1)]


def test_a_campaign_with_bad_settings_names_every_field_and_creates_nothing(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}

    refused = aicmo(
        "cam",
        "campaign",
        "create",
        "Bad",
        "--timezone",
        "Mars/Base",
        "--company-size",
        "10-many",
        "--window",
        "17:00-09:00",
        env=env,
    )
    listed = aicmo("cam", "campaigns", env=env)

    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "icp.max_company_size" in refused.stderr and "timezone: unknown time zone 'Mars/Base'" in refused.stderr
    assert "Bad" not in listed.stdout


def test_a_live_campaign_says_so(tmp_path):
    created = aicmo("cam", "campaign", "create", "Live", "--live", env={"AICMO_HOME": str(tmp_path / "home")})

    assert created.returncode == 0 and "created: LIVE" in created.stdout


def test_an_import_rejects_rows_with_control_characters_and_says_so_in_the_rejects_file(settings, tmp_path):
    env = env_for(settings)
    rows = (
        "email,first_name,company\r\n"
        'eve@x.io,"Eve\nBcc: victim@example.org",Eve Co\r\n'
        "nul@y.io,Nu\x00l,Y\r\n"
        "bo@z.io,Bo,Z\r\n"
    )
    (tmp_path / "leads.csv").write_bytes(rows.encode())

    aicmo("cam", "campaign", "create", "Coffee", env=env)
    imported = aicmo("cam", "import", str(tmp_path / "leads.csv"), "--campaign", "Coffee", env=env)
    leads = json.loads(aicmo("cam", "leads", "--json", env=env).stdout)

    assert imported.returncode == 0 and "read 3: accepted 1, duplicates 0, rejected 2" in imported.stdout, (
        imported.stderr
    )
    assert [lead["email"] for lead in leads] == ["bo@z.io"]
    rejects_file = imported.stdout.split("rejected rows with reasons: ")[1].strip()
    rejects = list(csv.reader(open(rejects_file, encoding="utf-8")))
    assert [row[:2] for row in rejects[1:]] == [
        ["2", "first_name holds a line break: a field is one line of text — remove it and import the row again"],
        ["4", "first_name holds a NUL byte: a field is one line of text — remove it and import the row again"],
    ]
    assert rejects[1][2] == "eve@x.io,Eve\\nBcc: victim@example.org,Eve Co"


def test_an_import_warns_of_duplicate_headers_and_names_the_line_of_an_unclosed_quote(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}
    (tmp_path / "twice.csv").write_text("Email,Company,Company\r\na@x.io,Acme,Other\r\n", encoding="utf-8")
    (tmp_path / "quote.csv").write_text(
        'email,company\r\na@x.io,Acme\r\nb@y.io,"Widgets\r\nc@z.io,Co\r\n', encoding="utf-8"
    )

    aicmo("cam", "campaign", "create", "Coffee", env=env)
    twice = aicmo("cam", "import", str(tmp_path / "twice.csv"), "--campaign", "Coffee", "--json", env=env)
    quote = aicmo("cam", "import", str(tmp_path / "quote.csv"), "--campaign", "Coffee", env=env)
    leads = json.loads(aicmo("cam", "leads", "--json", env=env).stdout)

    assert twice.returncode == 0 and json.loads(twice.stdout)["accepted"] == 1
    assert (
        "warning: twice.csv: columns 2 'Company', 3 'Company' all map to company: column 2 is imported" in twice.stderr
    )
    assert quote.returncode == 2 and "Traceback" not in quote.stderr
    assert "quote.csv: line 3 cannot be read (a quote opens a cell here and is never closed)" in quote.stderr
    assert [(lead["email"], lead["company"]) for lead in leads] == [("a@x.io", "Acme")], (
        "nothing of the unreadable file is stored"
    )


def test_an_import_names_the_columns_it_ignores_in_text_and_json(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}
    (tmp_path / "names.csv").write_text("Email,Name,Company Name,phone\r\na@x.io,Ann,Acme,555\r\n", encoding="utf-8")

    aicmo("cam", "campaign", "create", "Coffee", env=env)
    text = aicmo("cam", "import", str(tmp_path / "names.csv"), "--campaign", "Coffee", env=env)
    as_json = aicmo("cam", "import", str(tmp_path / "names.csv"), "--campaign", "Coffee", "--json", env=env)

    [warning] = [line for line in text.stderr.splitlines() if line.startswith("warning:")]
    assert "'Name', 'phone'" in warning and '--map "Name=FIELD,phone=FIELD"' in warning and "first_name" in warning
    assert json.loads(as_json.stdout)["ignored_columns"] == ["Name", "phone"]


def test_the_sample_leads_file_the_readme_imports_is_taken_whole_without_a_warning(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}

    aicmo("cam", "campaign", "create", "Coffee brands", "--industries", "Coffee,Food", "--titles", "CMO", env=env)
    imported = aicmo("cam", "import", str(ROOT / "examples" / "leads.csv"), "--campaign", "Coffee brands", env=env)
    leads = json.loads(aicmo("cam", "leads", "--json", env=env).stdout)

    assert imported.returncode == 0 and imported.stderr.strip() == "", imported.stderr
    assert "read 12: accepted 12, duplicates 0, rejected 0" in imported.stdout
    assert all(lead["first_name"] and lead["company"] and lead["title"] for lead in leads)
    assert {lead["email"].rsplit(".", 1)[1] for lead in leads} <= {"com", "org"}


def test_a_file_of_several_batches_is_stored_whole(tmp_path):
    env = {"AICMO_HOME": str(tmp_path / "home")}
    rows = "".join(f"lead{n}@company{n % 997}.io,Lead {n}\r\n" for n in range(12_000))
    (tmp_path / "big.csv").write_text("email,first name\r\n" + rows + "lead7@company7.io,Again\r\n", encoding="utf-8")

    aicmo("cam", "campaign", "create", "Big", env=env)
    imported = aicmo("cam", "import", str(tmp_path / "big.csv"), "--campaign", "Big", "--json", env=env)
    funnel = aicmo("cam", "worker", "--once", env=env)

    assert json.loads(imported.stdout) == {
        "read": 12_001,
        "accepted": 12_000,
        "duplicates": 1,
        "rejected": 0,
        "ignored_columns": [],
        "warnings": [],
    }
    assert "funnel: NEW 12000," in funnel.stdout


def test_pausing_and_resuming_from_the_command_line_is_in_the_audit_log(sqlite_settings):
    settings = sqlite_settings
    env = env_for(settings)
    assert aicmo("cam", "campaign", "create", "Coffee", env=env).returncode == 0

    paused = aicmo("cam", "pause", "Coffee", env=env)
    resumed = aicmo("cam", "resume", "--all", env=env)

    assert paused.returncode == 0 and resumed.returncode == 0
    with bootstrap(settings, launch_durable=False) as app:
        entries = [(entry.action, entry.target, entry.channel) for entry in app.audit.entries(10)]
    assert ("campaign.pause", "Coffee", "cli") in entries and ("campaign.resume", "Coffee", "cli") in entries
