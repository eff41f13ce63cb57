"""Short ids on a real SQLite table and on keys listed in memory: the shortest unique prefix, and the
key a prefix names."""

import uuid

import pytest
from sqlalchemy import Uuid, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from aicmo.kernel.errors import InvalidInput, NotFound
from aicmo.platform.db.short_ids import ListedKeys, TableKeys, resolve_among, shortest_among

A = uuid.UUID("419e7a43-1111-4000-8000-000000000000")
B = uuid.UUID("419e7a43-1f00-4000-8000-000000000000")
C = uuid.UUID("8c000000-0000-4000-8000-000000000000")


class Base(DeclarativeBase):
    pass


class Thing(Base):
    __tablename__ = "things"
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)


@pytest.fixture(params=["table", "memory"])
def keys(request):
    if request.param == "memory":
        yield ListedKeys([C, A, B])
        return
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        session.add_all([Thing(id=A), Thing(id=B), Thing(id=C)])
        session.commit()
        yield TableKeys(session, Thing.id)


def resolve(keys, typed):
    return resolve_among(keys, typed, what="thing", listed_by="`things`")


def test_each_id_shows_one_digit_more_than_its_closest_neighbour_shares_and_8_at_least(keys):
    assert shortest_among(keys, [A, B, C]) == {A: "419e7a43-11", B: "419e7a43-1f", C: "8c000000"}


def test_a_prefix_is_taken_with_or_without_dashes_in_any_case(keys):
    assert resolve(keys, "419E7A43-11") == resolve(keys, "419e7a4311") == A
    assert resolve(keys, "8c00") == C


def test_an_ambiguous_unknown_short_or_foreign_prefix_is_refused(keys):
    with pytest.raises(InvalidInput, match="'419e7a43' is ambiguous, it starts 419e7a43-1111-.*, 419e7a43-1f00-"):
        resolve(keys, "419e7a43")
    with pytest.raises(NotFound, match="no thing id starts with 'ffff'"):
        resolve(keys, "ffff")
    for typed in ("419", "yesterday", "419e7a43-1111-4000-8000-0000000000001"):
        with pytest.raises(InvalidInput, match="is not a thing id"):
            resolve(keys, typed)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("zzzz", "'zzzz' is not a thing id: ids are hexadecimal (0-9, a-f) — list them with `things`"),
        ("419", "'419' is not a thing id: give at least 4 of its characters as `things` shows them"),
    ],
)
def test_a_refused_prefix_is_told_what_is_wrong_with_it(keys, typed, says):
    with pytest.raises(InvalidInput) as caught:
        resolve(keys, typed)

    assert str(caught.value) == says


def test_a_whole_id_is_returned_for_the_use_case_to_look_up(keys):
    unknown = uuid.uuid4()
    assert resolve(keys, str(unknown)) == unknown
