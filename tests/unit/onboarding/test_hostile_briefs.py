"""Briefs made to hurt: deep nesting, wide encodings, control characters, unknown choices.
Each is refused with a message that names the file or the field and the fix."""

import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from aicmo.kernel.errors import InvalidInput
from aicmo.onboarding.api import BriefLimits
from aicmo.onboarding.internal.brief_reader import read_brief
from aicmo.onboarding.internal.brief_text import json_nesting
from tests.briefs import BRIEFS

MINIMAL = (BRIEFS / "minimal.yaml").read_text()
MAX_NESTING = BriefLimits().max_nesting


def minimal() -> dict:
    return yaml.safe_load(MINIMAL)


def refusal(data: bytes, source: str = "brief.yaml") -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        read_brief(data, source)
    return caught.value


def problems_of(document: dict) -> dict[str, str]:
    data = json.dumps(document, default=str).encode()
    return {problem.field: problem.message for problem in refusal(data, "brief.json").problems}


@pytest.mark.parametrize(
    ("data", "source"),
    [
        (b"[" * 1000 + b"]" * 1000, "brief.yaml"),
        (b"brand: " + b"{a: " * 1000 + b"}" * 1000, "brief.yaml"),
        (b"[" * 100_000 + b"]" * 100_000, "brief.json"),
        (b'{"brand": ' + b'{"a": ' * 100_000 + b"1" + b"}" * 100_001, "brief.json"),
    ],
)
def test_deep_nesting_is_refused_before_it_is_built(data, source):
    error = refusal(data, source)

    assert f"nested more than {MAX_NESTING} levels deep" in error.summary and "flatten it" in error.summary


def test_aliases_that_stack_lists_are_counted_as_nesting():
    chain = ["a0: &a0 [x]"] + [f"a{i}: &a{i} [*a{i - 1}]" for i in range(1, 3000)]

    assert "nested more than" in refusal("\n".join(chain).encode()).summary


@pytest.mark.parametrize("data", [b"brand: &a [*a]\n", b"voice: {banned_words: &words [cheap, [free, *words]]}\n"])
def test_an_alias_inside_what_it_names_is_refused_as_a_loop(data):
    assert "sits inside what it names — remove the loop" in refusal(data).summary


def test_brackets_inside_json_strings_are_text_not_nesting():
    document = minimal()
    document["brand"]["product"] = '[[[[[[[[[[[[{{{{{{{{{{{{ \\" [[[[[[['

    brief = read_brief(json.dumps(document, default=str).encode(), "brief.json")

    assert brief.brand.product.startswith("[[[[")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_is_named_as_such(encoding):
    error = refusal(MINIMAL.encode(encoding))

    assert "is UTF-16 text — save it as UTF-8" in error.summary


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        (("brand", "name"), "Harbor\x00Dental", "contains the control character U+0000 — remove it"),
        (("brand", "name"), "Harbor\r\nBcc: victim@example.org", "contains a line break — keep it on one line"),
        (("brand", "name"), "Harbor\u2028Dental", "contains a line break"),
        (("brand", "industry"), "Dental\x1b]8;;https://evil.test\x1b\\", "U+001B"),
        (("audience", "primary"), "Parents\x00", "U+0000"),
        (("brand", "website"), "https://harbor.test/\x00", "U+0000"),
        (("brand", "description"), "Bell \x07 rings", "U+0007"),
    ],
)
def test_control_characters_are_refused_with_the_field_path(field, value, expected):
    document = minimal()
    section, key = field
    document[section][key] = value

    problems = problems_of(document)

    assert expected in problems[f"{section}.{key}"]


def test_text_fields_keep_their_paragraphs():
    document = minimal()
    document["brand"]["description"] = "First paragraph.\r\n\r\nSecond,\tindented."

    brief = read_brief(json.dumps(document, default=str).encode(), "brief.json")

    assert brief.brand.description == "First paragraph.\r\n\r\nSecond,\tindented."


def test_a_line_break_in_a_listed_name_names_its_place_in_the_list():
    document = minimal()
    document["voice"] = {"banned_words": ["cheap", "free\nX-Header: 1"]}

    assert "line break" in problems_of(document)["voice.banned_words[1]"]


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (
            ("plan", "deliverables"),
            ["strategy", "hologram"],
            ("plan.deliverables[1]", "'hologram' is not a deliverable; use one of 'strategy'"),
        ),
        (("plan", "formats"), ["pdf", "GIF"], ("plan.formats[1]", "'gif' is not a format; use one of 'pdf'")),
        (("goal", "objective"), "fame", ("goal.objective", "'fame' is not an objective; use one of 'awareness'")),
    ],
)
def test_an_unknown_choice_is_answered_with_the_value_given(path, value, expected):
    document = minimal()
    document[path[0]][path[1]] = value

    field, message = expected
    assert problems_of(document)[field].startswith(message)


def test_an_unknown_key_with_escape_codes_is_named_without_them():
    document = minimal()
    document["\x1b[2Jbrand"] = "x"

    assert "'\\x1b[2Jbrand'" in problems_of(document)


@settings(max_examples=100, deadline=None)
@given(depth=st.integers(min_value=1, max_value=3000), opener=st.sampled_from(["[", '{"k": ', "{k: "]))
def test_any_depth_is_refused_with_a_message_never_a_crash(depth, opener):
    closer = "]" if opener == "[" else "}"
    data = (opener * depth + "1" + closer * depth).encode()
    source = "brief.yaml" if opener == "{k: " else "brief.json"

    with pytest.raises(InvalidInput):
        read_brief(data, source)


@settings(max_examples=200)
@given(name=st.text(min_size=1, max_size=40))
def test_a_brand_name_is_stored_only_when_it_is_one_line_of_printable_text(name):
    document = minimal()
    document["brand"]["name"] = name

    try:
        stored = read_brief(json.dumps(document, default=str).encode(), "brief.json").brand.name
    except InvalidInput as error:
        assert [problem.field for problem in error.problems] == ["brand.name"]
        return
    assert all(ord(char) >= 0x20 and not 0x7F <= ord(char) <= 0x9F for char in stored)
    assert len(stored.splitlines()) == 1


def _nesting(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_nesting, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_nesting, value), default=0)
    return 0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet=st.sampled_from('[]{}"\\ab\n'), max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(alphabet=st.sampled_from('[]{}"\\k'), max_size=4), inner, max_size=3)
    ),
    max_leaves=30,
)


@settings(max_examples=300)
@given(value=json_values, ensure_ascii=st.booleans())
def test_the_json_pre_scan_counts_nesting_as_the_parser_sees_it(value, ensure_ascii):
    assert json_nesting(json.dumps(value, ensure_ascii=ensure_ascii)) == _nesting(value)
