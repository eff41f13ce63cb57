"""Who wrote a pack, as the quality report and the manifest record it."""

from __future__ import annotations

from collections import Counter

from aicmo.production.api import ContentPack


def writers_of(pack: ContentPack) -> dict[str, int]:
    """Items per writer (`template`, or `provider:model`)."""
    return dict(Counter(item.writer for item in pack.items))


def prompt_versions_of(pack: ContentPack) -> list[str]:
    """The prompt versions the pack's items were asked with, each once."""
    return sorted({item.prompt_version for item in pack.items if item.prompt_version})
