"""Whatever bytes arrive, the reader returns a brief or a clear InvalidInput — never a crash."""

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aicmo.kernel.errors import InvalidInput
from aicmo.onboarding.internal.brief_reader import read_brief
from tests.briefs import BRIEFS

EXAMPLE = yaml.safe_load((BRIEFS / "northwind.yaml").read_text())
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30))
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def outcome(data: bytes, source: str) -> str:
    try:
        read_brief(data, source)
    except InvalidInput as error:
        assert error.render().strip()
        return "refused"
    return "accepted"


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash_the_reader(data):
    assert outcome(data, "brief.yaml") in ("accepted", "refused")


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(section=st.sampled_from(sorted(EXAMPLE)), key=st.text(min_size=1, max_size=12), value=values)
def test_any_value_in_any_field_is_accepted_or_refused_with_its_path(section, key, value):
    document = {**EXAMPLE, section: {**EXAMPLE[section], key: value}}
    data = yaml.safe_dump(document, allow_unicode=True).encode()

    try:
        read_brief(data, "brief.yaml")
    except InvalidInput as error:
        assert error.problems, error.render()
        assert all(problem.field for problem in error.problems)
