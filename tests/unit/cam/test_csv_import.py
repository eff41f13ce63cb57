"""Lead CSVs as they arrive from real exports: odd headers, BOMs, bad rows."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicmo.cam.internal.csv_import import check_mapping, parse
from aicmo.kernel.errors import InvalidInput


def csv(*lines: str, bom: bool = False) -> bytes:
    return (("\ufeff" if bom else "") + "\r\n".join(lines) + "\r\n").encode()


def test_common_header_names_map_whatever_their_case_and_punctuation():
    data = csv("E-mail Address,First Name,Company Name,Job Title,Number of Employees", "jane@acme.io,Jane,Acme,CMO,40", bom=True)

    [lead] = parse(data, "leads.csv", {}, set()).accepted

    assert lead == {"email": "jane@acme.io", "first_name": "Jane", "company": "Acme", "title": "CMO", "company_size": "40", "email_key": "jane@acme.io"}


def test_an_explicit_mapping_wins_and_values_are_stored_as_given():
    data = csv("Mail,Firma", "  Jane@Acme.IO ,Acme GmbH")

    [lead] = parse(data, "leads.csv", {"Mail": "email", "Firma": "company"}, set()).accepted

    assert lead["email"] == "  Jane@Acme.IO " and lead["email_key"] == "jane@acme.io" and lead["company"] == "Acme GmbH"


def test_every_row_is_accepted_a_duplicate_or_rejected_with_its_reason():
    data = csv("email,company", "a@x.io,X", "A@X.io,X again", "not-an-email,Y", "b@y.io,Y,extra", ",Z", "c@z.io,Z")

    result = parse(data, "leads.csv", {}, {"c@z.io"})

    assert (result.read, len(result.accepted), result.duplicates, len(result.rejects)) == (6, 1, 2, 3)
    assert [(row, reason.split(":")[0]) for row, reason, _ in result.rejects] == [
        (4, "email 'not-an-email' is not valid"),
        (5, "has 3 cells but the header has 2"),
        (6, "no email address"),
    ]


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"email\n\xff\xfe\xfa@x.io\n", "not UTF-8"),
        (b"name,company\nJane,Acme\n", "no email column"),
        (b"", "the file is empty"),
        (b"email,notes\na@x.io," + b"x" * 20_000 + b"\n", "over 10,000 characters"),
    ],
)
def test_unreadable_files_are_refused_whole_with_a_clear_reason(data, says):
    with pytest.raises(InvalidInput, match=says):
        parse(data, "leads.csv", {}, set())


def test_a_mapping_to_an_unknown_field_names_it():
    with pytest.raises(InvalidInput) as caught:
        check_mapping({"Mail": "email", "Firma": "organisation"})

    assert [p.field for p in caught.value.problems] == ["--map Firma=organisation"]


@settings(max_examples=150)
@given(st.lists(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12), min_size=1, max_size=4), max_size=20))
def test_counts_always_add_up_or_the_file_is_refused(rows):
    lines = ["email,company"] + [",".join(cell.replace(",", " ").replace("\n", " ").replace("\r", " ").replace('"', " ") for cell in row) for row in rows]
    try:
        result = parse(csv(*lines), "leads.csv", {}, set())
    except InvalidInput:
        return
    assert len(result.accepted) + result.duplicates + len(result.rejects) == result.read
