"""The pack as the client reads it on the portal: per deliverable, each item numbered and
named the same way on the page, in the stored comments and on the operator's run page.
QC scores and findings are the agency's and are left out."""

from __future__ import annotations

from dataclasses import dataclass

from aicmo.operator.web.console.run_view import PackView
from aicmo.production.api import ContentItem


@dataclass(frozen=True)
class ClientItem:
    item: ContentItem
    label: str
    """`Social posts 3 · linkedin`"""

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
    deliverables = []
    for group in pack.deliverables:
        items = []
        for number, view in enumerate(group.items, start=1):
            platform = f" · {view.item.platform}" if view.item.platform else ""
            items.append(ClientItem(view.item, f"{group.title} {number}{platform}"))
        deliverables.append(ClientDeliverable(group.kind, group.title, items))
    return deliverables
