"""The digest of a content pack's copy: a review link is bound to it, so any edit or
revision after the link was made (a new revision, a changed field, an item moved) closes it."""

from __future__ import annotations

import hashlib
import json

from aicmo.production.api import ContentPack


def pack_digest(pack: ContentPack) -> str:
    items = [
        [
            str(item.item_id),
            item.revision,
            item.position,
            item.platform,
            str(item.scheduled_on),
            str(item.scheduled_time),
            item.fields,
        ]
        for item in sorted(pack.items, key=lambda item: item.position)
    ]
    return hashlib.sha256(json.dumps([str(pack.pack_id), items], sort_keys=True).encode()).hexdigest()
