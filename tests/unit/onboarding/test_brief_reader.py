import json
import re
from pathlib import Path

import pytest
import yaml

from aicmo.kernel.errors import InvalidInput
from aicmo.onboarding.api import Objective, Platform
from aicmo.onboarding.internal.brief_reader import read_brief

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "briefs" / "northwind.yaml"


def example() -> dict:
    return yaml.safe_load(EXAMPLE.read_text())


def as_yaml(document: dict) -> bytes:
    return yaml.safe_dump(document, allow_unicode=True).encode()


def problems_of(data: bytes, source: str = "brief.yaml") -> dict[str, str]:
    with pytest.raises(InvalidInput) as caught:
        read_brief(data, source)
    return {problem.field: problem.message for problem in caught.value.problems}


def test_the_bundled_example_is_a_valid_brief():
    brief = read_brief(EXAMPLE.read_bytes(), EXAMPLE.name)

    assert brief.client_name == "Northwind Roasters"
    assert brief.goal.objective is Objective.SALES
    assert brief.constraints.avoid_platforms == [Platform.TIKTOK]
    assert str(brief.plan.start_date) == "2027-01-04"


def test_text_is_trimmed_lists_deduped_and_platforms_made_canonical():
    document = example()
    document["brand"]["name"] = "  Northwind Roasters  "
    document["voice"]["banned_words"] = ["cheap", "Cheap ", "best in the world"]
    document["constraints"]["focus_platforms"] = ["Instagram", "twitter", "instagram"]

    brief = read_brief(as_yaml(document), "brief.yaml")

    assert brief.brand.name == "Northwind Roasters"
    assert brief.voice.banned_words == ["cheap", "best in the world"]
    assert brief.constraints.focus_platforms == [Platform.INSTAGRAM, Platform.X]


def test_every_missing_required_field_is_reported_at_once():
    document = example()
    del document["brand"]["name"], document["brand"]["industry"], document["audience"]["primary"]
    del document["plan"]["start_date"]

    problems = problems_of(as_yaml(document))

    assert set(problems) == {"brand.name", "brand.industry", "audience.primary", "plan.start_date"}
    assert all("is required" in message for message in problems.values())


@pytest.mark.parametrize(("missing", "says"), [(["name"], "1 problem"), (["name", "industry"], "2 problems")])
def test_the_count_of_problems_reads_in_singular_or_plural(missing, says):
    document = example()
    for field in missing:
        del document["brand"][field]

    with pytest.raises(InvalidInput) as caught:
        read_brief(as_yaml(document), "brief.yaml")

    assert str(caught.value).startswith(f"brief.yaml: the brief has {says}")


def test_unknown_values_and_impossible_dates_name_field_and_fix():
    document = example()
    document["goal"]["objective"] = "fame"
    document["plan"]["start_date"] = "2027-02-30"
    document["plan"]["deliverables"] = ["strategy", "billboards"]
    document["plan"]["formats"] = ["pdf", "gif"]

    problems = problems_of(as_yaml(document))

    assert "awareness" in problems["goal.objective"]
    assert "YYYY-MM-DD" in problems["plan.start_date"]
    assert "calendar_30d" in problems["plan.deliverables[1]"]
    assert "docx" in problems["plan.formats[1]"]


def test_a_huge_name_is_refused_without_echoing_it():
    document = example()
    document["brand"]["name"] = "N" * 300_000

    with pytest.raises(InvalidInput) as caught:
        read_brief(as_yaml(document), "brief.yaml")

    assert [p.field for p in caught.value.problems] == ["brand.name"]
    assert "200" in caught.value.problems[0].message
    assert len(caught.value.render()) < 500


def test_a_platform_both_focused_and_avoided_is_an_error():
    document = example()
    document["constraints"]["focus_platforms"] = ["instagram", "tiktok"]

    problems = problems_of(as_yaml(document))

    assert "tiktok is both a focus and an avoided platform" in problems["constraints"]


def test_unknown_keys_are_reported_so_typos_do_not_vanish():
    document = example()
    document["brnad"] = {"name": "x"}

    assert "not a brief field" in problems_of(as_yaml(document))["brnad"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"brand: [unclosed\n", "not valid YAML/JSON (line"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        (b"brand: caf\xe9 in Latin-1\n", "not UTF-8"),
        (b"   \n", "empty"),
        (b"- just\n- a list\n", "a brief is a mapping"),
        (b"x" * (1024 * 1024 + 1), "limit is 1 MiB"),
    ],
)
def test_unreadable_files_get_one_clear_message(data, expected):
    with pytest.raises(InvalidInput, match=re.escape(expected)):
        read_brief(data, "brief.yaml")


def test_json_briefs_and_unicode_names_survive_unchanged():
    document = example()
    document["brand"]["name"] = "Café São Bento ☕ Müller"

    brief = read_brief(json.dumps(document, ensure_ascii=False, default=str).encode(), "brief.json")

    assert brief.client_name == "Café São Bento ☕ Müller"


def test_a_website_or_a_language_of_the_wrong_form_is_told_what_form_it_needs():
    document = example()
    document["brand"]["website"] = "northwindroasters.com"
    document.setdefault("voice", {})["language"] = "english"

    problems = problems_of(as_yaml(document))

    assert (
        problems["brand.website"] == "must be a web address starting with https:// or http://, e.g. https://example.com"
    )
    assert problems["voice.language"] == "must be a language code such as en, de or pt-br"


@pytest.mark.parametrize("budget", ["lots", "a healthy one", "TBD"])
def test_a_budget_without_an_amount_is_refused_with_an_example_of_one(budget):
    document = example()
    document["goal"]["budget"] = budget

    problems = problems_of(as_yaml(document))

    assert "names no amount" in problems["goal.budget"] and "8000 USD per month" in problems["goal.budget"]


@pytest.mark.parametrize("budget", ["8000 USD per month", "€2,500 a month", "$5k for the campaign", "1500 GBP"])
def test_a_budget_with_an_amount_is_read(budget):
    document = example()
    document["goal"]["budget"] = budget

    assert read_brief(as_yaml(document), "brief.yaml").goal.budget == budget
