"""`aicmo brief schema` and `aicmo brief check`: the brief format, as a user meets it."""

import json

import jsonschema
import pytest
import yaml

from tests.briefs import BRIEFS, EXAMPLES

from .cli import aicmo

BAD_BRIEF = """\
brand:
  name: Zen Studio
  website: ftp://zen.example
goal:
  objective: fame
  timeline_weeks: 0
plan:
  deliverables: [strategy]
  start_date: 2027-02-30
"""


@pytest.fixture(scope="module")
def schema():
    result = aicmo("brief", "schema")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _as_json(path):
    """A YAML brief as a JSON document (dates as text), the way the schema sees it."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def test_brief_schema_prints_a_valid_json_schema(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["required"]) == {"brand", "audience", "goal", "plan"}


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_schema_accepts_every_bundled_brief(schema, name):
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(_as_json(BRIEFS / f"{name}.yaml"))]

    assert errors == []


def test_the_schema_rejects_a_bad_brief(schema):
    errors = list(
        jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(BAD_BRIEF.replace("2027-02-30", "'x'")))
    )

    assert {tuple(e.absolute_path)[:2] for e in errors} >= {
        ("goal", "objective"),
        ("goal", "timeline_weeks"),
        ("brand", "website"),
    }


def test_brief_check_says_ok_with_a_summary():
    result = aicmo("brief", "check", str(BRIEFS / "northwind.yaml"))

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")
    assert "Northwind Roasters — sales, 2 KPIs, 12 weeks from 2027-01-04" in result.stdout


def test_brief_check_names_every_problem_by_its_field_path_and_exits_2(tmp_path):
    brief = tmp_path / "zen.yaml"
    brief.write_text(BAD_BRIEF)

    result = aicmo("brief", "check", str(brief))

    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    for line in (
        "brand.industry: is required — add it (see examples/briefs/northwind.yaml)",
        "brand.website: must be a web address starting with https:// or http://, e.g. https://example.com",
        "audience: is required",
        "goal.objective: 'fame' is not an objective",
        "goal.timeline_weeks: must be at least 1",
        "plan.start_date: is not a real date",
    ):
        assert line in result.stderr
