"""Edit one item: the operator's own wording replaces the copy of the fields it names."""

from __future__ import annotations

import unicodedata

from aicmo.kernel.errors import InvalidInput, NotFound, Problem
from aicmo.production.api.dtos import ContentItemId, ContentPack, PackId
from aicmo.production.api.events import ContentRevised
from aicmo.production.internal.pack_repository import ProductionUnitOfWorkFactory
from aicmo.production.internal.packs import changeable_pack, content_pack

MAX_FIELD_CHARS = 10_000
"""Longer than any deliverable's field: a landing page body runs to a few thousand characters."""
OPERATOR = "operator"
"""The writer of an item whose current revision an operator typed."""
KEPT_CONTROLS = {"\n", "\t"}


def edit_item(
    uow: ProductionUnitOfWorkFactory, pack_id: PackId, item_id: ContentItemId, fields: dict[str, str]
) -> ContentPack:
    with uow() as unit:
        pack = changeable_pack(unit.repository, pack_id)
        rows = unit.repository.items_of(pack_id)
        row = next((r for r in rows if r.id == item_id), None)
        if row is None:
            raise NotFound(f"no item {item_id} in content pack {pack_id}")
        edited = {**row.fields, **{name: _plain(value) for name, value in fields.items()}}
        problems = _problems(row.fields, fields, edited)
        if problems:
            raise InvalidInput("the item was not changed", problems)
        if edited == row.fields:
            return content_pack(pack, rows)
        row.fields, row.writer, row.prompt_version, row.fallback_reason = edited, OPERATOR, None, None
        row.revision += 1
        unit.publish(ContentRevised(pack_id=pack.id, item_ids=[row.id]))
        unit.commit()
        return content_pack(pack, rows)


def _plain(value: str) -> str:
    """Line ends as a browser's or Windows' `\\r\\n` become `\\n`; trailing blanks go."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _problems(current: dict[str, str], given: dict[str, str], edited: dict[str, str]) -> list[Problem]:
    problems = []
    for name, value in given.items():
        field = f"fields.{name}"
        if name not in current:
            known = ", ".join(current)
            problems.append(Problem(field, f"this item has no field {name!r}: edit one of {known}"))
        elif len(value) > MAX_FIELD_CHARS:
            problems.append(Problem(field, f"is {len(value):,} characters long: keep it under {MAX_FIELD_CHARS:,}"))
        elif any(unicodedata.category(c) == "Cc" and c not in KEPT_CONTROLS for c in _plain(value)):
            problems.append(Problem(field, "holds a control character (NUL, escape…): type the text again without it"))
    if not problems and not any(edited.values()):
        problems.append(
            Problem("fields", "every field would be empty: write the item's copy, or request changes instead")
        )
    return problems
