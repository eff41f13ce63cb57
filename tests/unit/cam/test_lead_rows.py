import uuid

from aicmo.cam.internal.lead_rows import random_ids


def test_imported_leads_get_distinct_random_uuids():
    ids = random_ids(10_000)

    parsed = [uuid.UUID(hex=lead_id) for lead_id in ids]
    assert len(set(ids)) == len(ids) and [p.hex for p in parsed] == ids
    assert {(p.version, p.variant) for p in parsed} == {(4, uuid.RFC_4122)}
