import pytest

from aicmo.onboarding.api import FactForm
from aicmo.onboarding.internal.brief_reader import read_brief
from aicmo.onboarding.internal.fact_typing import audience_core, type_brief, type_fact
from tests.briefs import BRIEFS, example


@pytest.mark.parametrize(
    "raw,form,text",
    [
        (
            "Supermarket beans are stale by the time they are opened.",
            FactForm.SENTENCE,
            "Supermarket beans are stale by the time they are opened",
        ),
        ("Month-end close takes two weeks of spreadsheet work", FactForm.SENTENCE, None),
        ("Kids dread the dentist after one bad visit", FactForm.SENTENCE, None),
        ("Parents juggle the school run and work", FactForm.SENTENCE, None),
        ("Teams without the right tools", FactForm.PHRASE, None),
        ("Small businesses in the city centre", FactForm.PHRASE, None),
        ("Back pain from sitting all day", FactForm.PHRASE, None),
        ("Café-quality coffee at home", FactForm.PHRASE, None),
        ("Bread you can count on every weekend", FactForm.PHRASE, None),
        ("A close in five working days", FactForm.PHRASE, None),
        ("Six custard tarts still warm from the oven at 7 am", FactForm.PHRASE, None),
        ("Move without pain", FactForm.ACTION, None),
        ("Discover new origins without guesswork.", FactForm.ACTION, "Discover new origins without guesswork"),
        ("Reconciles bank and ledger entries overnight", FactForm.PREDICATE, None),
        ('"I can\'t taste the difference"', FactForm.QUOTE, "I can't taste the difference"),
        ("4.9 stars from 1,200 subscriber reviews", FactForm.NUMBER, None),
        ("Rated 4.9 from 310 Google reviews", FactForm.PHRASE, None),
        ("Roaster of the Year, Portland Coffee Guild 2025", FactForm.NAME, None),
        ("in 8 weeks", FactForm.TIMESPAN, None),
    ],
)
def test_each_fact_gets_its_form_and_loses_its_trailing_punctuation(raw, form, text):
    fact = type_fact(raw, [])

    assert fact.form == form
    assert fact.text == (text or raw)


def test_numbers_plurals_person_and_banned_words_are_noted():
    assert type_fact("4.9 stars from 1,200 subscriber reviews", []).number == 4.9
    assert type_fact("Small-group yoga classes and beginner courses", []).plural
    assert not type_fact("Family dentistry", []).plural
    assert type_fact("I'm not flexible enough", []).person == 1
    assert type_fact("Atlas Coffee Club, the cheap one", ["cheap"]).banned


def test_the_audience_core_is_its_head():
    assert audience_core("Home brewers aged 28-45 who own a grinder") == "Home brewers"
    assert audience_core("Finance controllers at companies with 50-500 employees") == "Finance controllers"


def test_a_brief_is_typed_whole_with_places_and_market():
    ledgerly, northwind = type_brief(example("ledgerly")), type_brief(example("northwind"))

    assert ledgerly.b2b and not northwind.b2b
    assert [place.text for place in northwind.locations] == ["Portland, OR"]
    assert all(o.form == FactForm.QUOTE for o in northwind.objections)


def test_without_a_time_zone_the_brands_city_settles_it_or_utc_is_said_to_be_a_default():
    zen = read_brief((BRIEFS / "zen-studio.yaml").read_bytes(), "zen-studio.yaml")
    minimal = read_brief((BRIEFS / "minimal.yaml").read_bytes(), "minimal.yaml")
    ledgerly = example("ledgerly")

    assert (zen.plan.timezone, zen.plan.timezone_from) == ("America/Los_Angeles", "locations")
    assert (minimal.plan.timezone, minimal.plan.timezone_from) == ("UTC", "default")
    assert (ledgerly.plan.timezone, ledgerly.plan.timezone_from) == ("Europe/Berlin", "brief")


def test_a_thin_brief_is_told_which_facts_would_make_its_copy_stronger():
    thin, rich = type_brief(example("minimal")), type_brief(example("northwind"))

    assert {"proof", "objections"} <= {gap.key for gap in thin.gaps}
    assert any(gap.say.startswith("Stronger with proof:") for gap in thin.gaps)
    assert "proof" not in {gap.key for gap in rich.gaps}
