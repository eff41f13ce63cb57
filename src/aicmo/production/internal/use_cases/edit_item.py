"""Edit one item: the operator's own wording replaces the copy of the fields it names."""

from __future__ import annotations

import unicodedata

from aicmo.kernel.errors import InvalidInput, NotFound, Problem
from aicmo.production.api.dtos import ContentItemId, ContentKind, ContentPack, PackId
from aicmo.production.api.events import ContentRevised
from aicmo.production.internal.item_fields import hashtags_problem, required_fields
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
        edited = {**row.fields, **{name: _plain(name, value) for name, value in fields.items()}}
        problems = _problems(ContentKind(row.kind), row.fields, edited, fields)
        if problems:
            raise InvalidInput("the item was not changed", problems)
        if edited == row.fields:
            return content_pack(pack, rows)
        row.fields, row.writer, row.prompt_version, row.fallback_reason = edited, OPERATOR, None, None
        row.revision += 1
        unit.publish(ContentRevised(pack_id=pack.id, item_ids=[row.id]))
        unit.commit()
        return content_pack(pack, rows)


def _plain(name: str, value: str) -> str:
    """Line ends as a browser's or Windows' `\\r\\n` become `\\n`; trailing blanks go; hashtags
    are kept one space apart, as writers write them."""
    plain = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return " ".join(plain.split()) if name == "hashtags" else plain


def _problems(
    kind: ContentKind, current: dict[str, str], edited: dict[str, str], given: dict[str, str]
) -> list[Problem]:
    """What is wrong with each field given; a field left as it was is not checked again."""
    problems = []
    for name, value in given.items():
        field, plain = f"fields.{name}", edited.get(name, "")
        if name not in current:
            known = ", ".join(current)
            problems.append(Problem(field, f"this item has no field {name!r}: edit one of {known}"))
        elif len(value) > MAX_FIELD_CHARS:
            problems.append(Problem(field, f"is {len(value):,} characters long: keep it under {MAX_FIELD_CHARS:,}"))
        elif any(unicodedata.category(c) == "Cc" and c not in KEPT_CONTROLS for c in plain):
            problems.append(Problem(field, "holds a control character (NUL, escape…): type the text again without it"))
        elif plain == current[name]:
            continue
        elif not plain and name in required_fields(kind):
            words = name.replace("_", " ")
            problems.append(Problem(field, f"write the {words}: every item of this kind has one, or request changes"))
        elif name == "hashtags" and (wrong := hashtags_problem(plain)):
            problems.append(Problem(field, wrong))
    return problems
