"""The new-run form read into a brief document for the brief parser, and the parser's problems
placed beside the fields they name."""

from starlette.datastructures import FormData

from aicmo.kernel.errors import Problem
from aicmo.operator.web.console.brief_form import brief_document, defaults, placed, submitted


def test_typed_fields_become_the_briefs_sections_with_lists_one_per_line_and_numbers_as_numbers():
    form = FormData(
        [
            ("brand.name", "  Northwind Roasters "),
            ("brand.locations", "Berlin\r\n\r\n  Hamburg  \n"),
            ("goal.timeline_weeks", "6"),
            ("plan.deliverables", "strategy"),
            ("plan.deliverables", "ad_copy"),
        ]
    )

    document = brief_document(submitted(form))

    assert document["brand"] == {"name": "Northwind Roasters", "locations": ["Berlin", "Hamburg"]}
    assert document["goal"] == {"timeline_weeks": 6}
    assert document["plan"] == {"deliverables": ["strategy", "ad_copy"]}


def test_empty_fields_are_left_out_so_the_parser_names_the_required_ones():
    document = brief_document(submitted(FormData([("brand.name", "   "), ("voice.tone", "\n\n")])))

    assert all(fields == {} for fields in document.values())


def test_a_timeline_that_is_not_a_number_is_passed_on_as_typed_for_the_parser_to_name():
    assert brief_document({"goal.timeline_weeks": "six"})["goal"] == {"timeline_weeks": "six"}


def test_the_blank_form_offers_every_deliverable_and_file_and_leads_as_the_objective():
    values = defaults()

    assert values["goal.objective"] == "leads" and "landing_page" in values["plan.deliverables"]
    assert values["plan.formats"] == ("pdf", "docx", "pptx", "md", "ics", "csv", "zip") and values["brand.name"] == ""


def test_each_problem_goes_beside_its_field_list_entries_included_and_the_rest_apart():
    unknown = Problem("channels[0].platform", "pick a known platform")
    beside, apart = placed(
        [
            Problem("brand.name", "is required"),
            Problem("voice.tone[2]", "too long"),
            Problem("voice.tone[0]", "empty"),
            unknown,
        ]
    )

    assert beside == {"brand.name": ["is required"], "voice.tone": ["too long", "empty"]}
    assert apart == [unknown]
