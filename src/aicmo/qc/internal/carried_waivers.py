"""A waiver carries over to the pack's next report while its item keeps its wording: the same rule
finding the same thing in the same copy of the same item is the finding the operator already waived.
A rewritten item (a revision, an operator's edit) loses it: the wording it judged is gone."""

from __future__ import annotations

import hashlib
import json

from aicmo.production.api import ContentItem, ContentPack
from aicmo.qc.internal.models import QcFindingRow
from aicmo.qc.internal.run_repository import QcRunRepository


def wording(item: ContentItem) -> str:
    """The digest of the item's copy, kept with each checked item of a run."""
    return hashlib.sha256(json.dumps(item.fields, sort_keys=True).encode()).hexdigest()


def checked_items(pack: ContentPack) -> list[list[str]]:
    """[item id, kind, wording] of every item of `pack`, as a run keeps them."""
    return [[str(item.item_id), item.kind.value, wording(item)] for item in pack.items]


def with_wording(checked: list[list[str]], item: ContentItem) -> list[list[str]]:
    """A run's checked items with `item`'s wording as it reads now."""
    return [[entry[0], entry[1], wording(item)] if entry[0] == str(item.item_id) else entry for entry in checked]


def carry_waivers(repository: QcRunRepository, pack: ContentPack, rows: list[QcFindingRow]) -> None:
    """Give `rows` (the findings of a new check of `pack`) the waivers of the pack's latest run
    where the rule, the item, the message and the item's wording are the same."""
    earlier = repository.latest_run_of(pack.pack_id)
    if earlier is None:
        return
    judged = {entry[0]: entry[2] for entry in earlier.items if len(entry) > 2}
    now = {str(item.item_id): wording(item) for item in pack.items}
    waived = {
        (row.rule_id, str(row.item_id), row.message): row
        for row in repository.findings_of(earlier.id)
        if row.waived_at is not None
        and row.item_id is not None
        and judged.get(str(row.item_id)) == now.get(str(row.item_id))
    }
    for row in rows:
        given = waived.get((row.rule_id, str(row.item_id), row.message))
        if given is not None:
            row.waiver_reason, row.waived_by, row.waived_at = given.waiver_reason, given.waived_by, given.waived_at
