"""Lead CSVs as they arrive from real exports: odd headers, BOMs, bad rows."""

import csv as csv_module
import io
from dataclasses import dataclass

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from aicmo.cam.internal.csv_import import ImportTally, check_mapping, email_problem, read_leads
from aicmo.kernel.errors import InvalidInput


def csv(*lines: str, bom: bool = False) -> bytes:
    return (("\ufeff" if bom else "") + "\r\n".join(lines) + "\r\n").encode()


@dataclass
class Parsed:
    accepted: list[dict]
    batches: list[int]
    read: int
    rejects: list[tuple[int, str, str]]
    warnings: list[str]


def parse(data: bytes, source: str = "leads.csv", mapping: dict[str, str] | None = None, batch: int = 5_000) -> Parsed:
    tally = ImportTally()
    batches = list(read_leads(io.BytesIO(data), source, mapping or {}, tally, batch))
    rejects = [
        (int(row), reason, line)
        for row, reason, line in list(csv_module.reader(io.StringIO(tally.rejects.content().decode())))[1:]
    ]
    return Parsed([lead for b in batches for lead in b], [len(b) for b in batches], tally.read, rejects, tally.warnings)


def test_common_header_names_map_whatever_their_case_and_punctuation():
    data = csv(
        "E-mail Address,First Name,Company Name,Job Title,Number of Employees",
        "jane@acme.io,Jane,Acme,CMO,40",
        bom=True,
    )

    [lead] = parse(data).accepted

    assert lead == {
        "email": "jane@acme.io",
        "first_name": "Jane",
        "company": "Acme",
        "title": "CMO",
        "company_size": "40",
        "email_key": "jane@acme.io",
    }


def test_lines_may_end_in_a_lone_carriage_return():
    result = parse(b'email,company\ra@x.io,Acme\rb@y.io,"Two\r\nlines"\r')

    assert [lead["email"] for lead in result.accepted] == ["a@x.io"] and [row for row, _, _ in result.rejects] == [3]


def test_an_explicit_mapping_wins_and_values_are_stored_trimmed_in_their_case():
    data = csv("Mail,Firma", "  Jane@Acme.IO ,Acme GmbH ")

    [lead] = parse(data, mapping={"Mail": "email", "Firma": "company"}).accepted

    assert lead["email"] == "Jane@Acme.IO" and lead["email_key"] == "jane@acme.io" and lead["company"] == "Acme GmbH"


def test_every_row_is_yielded_with_its_email_key_or_rejected_with_its_reason():
    data = csv("email,company", "a@x.io,X", "A@X.io,X again", "not-an-email,Y", "b@y.io,Y,extra", ",Z", "c@z.io,Z")

    result = parse(data)

    assert (result.read, [lead["email_key"] for lead in result.accepted], len(result.rejects)) == (
        6,
        ["a@x.io", "a@x.io", "c@z.io"],
        3,
    )
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
        parse(data)


def test_a_mapping_to_an_unknown_field_names_it():
    with pytest.raises(InvalidInput) as caught:
        check_mapping({"Mail": "email", "Firma": "organisation"})

    assert [p.field for p in caught.value.problems] == ["--map Firma=organisation"]


@settings(max_examples=150)
@given(
    st.lists(
        st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12), min_size=1, max_size=4),
        max_size=20,
    )
)
def test_counts_always_add_up_or_the_file_is_refused(rows):
    lines = ["email,company"] + [
        ",".join(cell.replace(",", " ").replace("\n", " ").replace("\r", " ").replace('"', " ") for cell in row)
        for row in rows
    ]
    try:
        result = parse(csv(*lines))
    except InvalidInput:
        return
    assert len(result.accepted) + len(result.rejects) == result.read


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        ('"Eve\nBcc: victim@example.org"', "first_name holds a line break"),
        ('"Eve\rBcc: x"', "first_name holds a carriage return"),
        ("Eve\x00", "first_name holds a NUL byte"),
        ("Eve\x1b[31m", "first_name holds the control character U+001B"),
        ("Eve\u2028Bcc", "first_name holds the control character U+2028"),
    ],
)
def test_a_control_character_in_a_field_rejects_that_row_only_and_says_why(cell, says):
    data = csv("email,first name", f"eve@x.io,{cell}", "bo@y.io,Bo")

    result = parse(data)

    assert [lead["email"] for lead in result.accepted] == ["bo@y.io"]
    [(row, reason, line)] = result.rejects
    assert row == 2 and reason.startswith(says) and "remove it" in reason
    assert line.isprintable(), "the rejects file shows the control character as an escape"


def test_columns_that_shadow_each_other_are_named_in_a_warning():
    data = csv("Email,First Name,email,Notes,notes,E-mail", "a@x.io,Ann,b@x.io,n1,n2,c@x.io")

    result = parse(data)

    assert [lead["email"] for lead in result.accepted] == ["a@x.io"]
    assert result.warnings == [
        "leads.csv: columns 1 'Email', 3 'email', 6 'E-mail' all map to email:"
        " column 1 is imported, the others are ignored",
        "leads.csv: columns 4 'Notes', 5 'notes' have the same header; none of them is imported",
    ]


def test_columns_no_lead_field_takes_are_named_in_one_warning_with_the_map_that_keeps_them():
    tally = ImportTally()
    data = csv("Email,Name,Company Name,Job Title,phone", "a@x.io,Ann,Acme,CMO,555")

    [[lead]] = read_leads(io.BytesIO(data), "leads.csv", {}, tally)

    assert (lead["company"], lead["title"]) == ("Acme", "CMO")
    assert tally.ignored_columns == ["Name", "phone"]
    assert tally.warnings == [
        "leads.csv: not imported, no lead field by that name: 'Name', 'phone' —"
        ' to keep them, map them: --map "Name=FIELD,phone=FIELD", FIELD one of email, first_name, last_name,'
        " company, title, website, industry, location, company_size"
    ]


def test_a_mapped_column_is_not_named_as_ignored():
    tally = ImportTally()

    [[lead]] = read_leads(io.BytesIO(csv("Email,Name", "a@x.io,Ann")), "leads.csv", {"Name": "first_name"}, tally)

    assert lead["first_name"] == "Ann"
    assert (tally.ignored_columns, tally.warnings) == ([], [])


@pytest.mark.parametrize(
    ("lines", "says"),
    [
        (
            ["email,company", "a@x.io,Acme", 'b@x.io,"Widgets', "c@x.io,Co"],
            "line 3 cannot be read (a quote opens a cell here and is never closed)",
        ),
        (["email,company", 'a@x.io,"Acme" Inc'], "line 2 cannot be read (a quote closes a cell in the middle"),
        (["email,company", "a@x.io,Acme", "b@x.io,\xff"], "line 3 is not UTF-8"),
    ],
)
def test_a_file_that_cannot_be_read_names_the_line(lines, says):
    data = csv(*lines).replace("\xff".encode(), b"\xff")

    with pytest.raises(InvalidInput) as caught:
        parse(data)

    assert caught.value.summary.startswith(f"leads.csv: {says}")


def test_a_large_file_is_read_in_batches():
    data = csv("email,first name", *(f"lead{n}@x{n % 7}.io,Lead {n}" for n in range(2_500)))

    result = parse(data, batch=1_000)

    assert result.batches == [1_000, 1_000, 500] and result.read == 2_500


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[a-zA-Z0-9-]{1,12}(\.[a-zA-Z0-9-]{1,12}){0,3}\.(test|local|[a-zA-Z0-9]{1,6})", fullmatch=True))
def test_the_import_accepts_exactly_the_domains_email_validator_accepts(domain):
    try:
        validate_email(f"a@{domain}", check_deliverability=False)
    except EmailNotValidError:
        assert email_problem(f"a@{domain}") is not None
    else:
        assert email_problem(f"a@{domain}") is None


@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("lead1@company1.example.org", True),
        ("anna@münchen.de", True),
        ("anna@xn--mnchen-3ya.de", True),
        ("anna@shop.test", False),
        ("anna@localhost", False),
        ("anna@ab--cd.com", False),
        ("anna@-shop.com", False),
        ("anna@shop.123", False),
    ],
)
def test_an_address_is_judged_as_email_validator_judges_it(address, valid):
    assert (email_problem(address) is None) is valid
