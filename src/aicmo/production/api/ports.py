"""What other modules may ask of production."""

from __future__ import annotations

from typing import Protocol

from aicmo.onboarding.api import BriefRecord
from aicmo.production.api.dtos import ContentItemId, ContentPack, PackId
from aicmo.strategy.api import Strategy


class ContentProduction(Protocol):
    """Makes the content pack that a brief's generation plan asks for."""

    def generate_pack(self, brief: BriefRecord, strategy: Strategy, *, key: str | None = None) -> ContentPack:
        """Write every deliverable of `brief.brief.plan` from the brief and strategy, and store it.

        A second call with the same `key` returns the pack the first one stored.
        """
        ...

    def revise(
        self,
        brief: BriefRecord,
        strategy: Strategy,
        pack_id: PackId,
        notes: dict[ContentItemId, list[str]],
        *,
        key: str | None = None,
    ) -> ContentPack:
        """Rewrite the items named in `notes`, passing each its QC findings or an operator's comments.

        The brief and strategy are the versions the pack was made from. A revision already
        applied under the same `key` is not applied again.

        Raises:
            NotFound: no such pack.
            Conflict: the pack was discarded.
        """
        ...

    def edit_item(self, pack_id: PackId, item_id: ContentItemId, fields: dict[str, str]) -> ContentPack:
        """Store an operator's own wording of one item: each field named in `fields` takes its
        value, the others stay; the item's revision moves on and its writer becomes `operator`.
        Line ends are normalised and blanks around each value trimmed; the same wording again
        changes nothing.

        Raises:
            NotFound: no such pack, or no such item in it.
            Conflict: the pack was discarded.
            InvalidInput: a field the item does not have, one too long or holding a control
                character (each named `fields.<name>`), or every field left empty.
        """
        ...

    def get_pack(self, pack_id: PackId) -> ContentPack:
        """One stored pack; raises NotFound when there is none."""
        ...

    def discard(self, pack_id: PackId) -> None:
        """Compensation: mark the pack discarded. Idempotent."""
        ...
