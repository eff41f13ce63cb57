"""The pack as the client reads it on the portal: per deliverable, each item numbered and
named the same way on the page, in the stored comments and on the operator's run page.
QC scores and findings are the agency's and are left out."""

from __future__ import annotations

from dataclasses import dataclass

from aicmo.operator.web.console.labels import field_label
from aicmo.operator.web.console.run_view import PackView
from aicmo.operator.web.portal.text_blocks import Block, text_blocks
from aicmo.production.api import ContentItem


@dataclass(frozen=True)
class ClientItem:
    item: ContentItem
    label: str
    """`Social post 3 · LinkedIn`"""

    @property
    def fields(self) -> list[tuple[str, list[Block]]]:
        """Each field of the copy as the client reads it: a label in words, and the text's blocks."""
        return [(field_label(name), text_blocks(value)) for name, value in self.item.fields.items()]

    @property
    def field(self) -> str:
        """The name of the item's comment box."""
        return f"item-{self.item.item_id}"


@dataclass(frozen=True)
class ClientDeliverable:
    kind: str
    title: str
    items: list[ClientItem]


def client_pack(pack: PackView) -> list[ClientDeliverable]:
    return [
        ClientDeliverable(group.kind, group.title, [ClientItem(view.item, view.label) for view in group.items])
        for group in pack.deliverables
    ]
