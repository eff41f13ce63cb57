"""How alike two clients' packs read, and how often a pack repeats itself.

For every pair of bundled briefs (examples/briefs), the share of one pack's sentences
whose skeleton — the sentence with each brief's own values masked, numbers and links
masked — also occurs in the other pack (goal: at most 25%). Sentences that are nothing
but the brief's own words (a proof line, a disclaimer) have no skeleton and are not
counted. Then, per pack, the sentences the product wrote (not the brief's own lines)
that occur more than twice (goal: none).

Run: .venv/bin/python bench/sameness.py [--shared N]   (N: print the N skeletons most packs share)
"""

from __future__ import annotations

import argparse
import itertools
import re
import tempfile
from collections import Counter
from pathlib import Path

from aicmo.onboarding.api import BriefRecord
from aicmo.operator.cli.brief_folder import BriefFolder
from aicmo.orchestration.composition import bootstrap, brief_parser
from aicmo.platform.settings import Settings
from aicmo.platform.templating import sentence_key, sentences
from aicmo.production.api import ContentPack
from aicmo.production.api.dtos import PLANNING_FIELDS

BRIEFS = Path(__file__).resolve().parents[1] / "examples" / "briefs"
GOAL_SHARE = 0.25
MAX_REPEATS = 2
_LINK = re.compile(r"https?://\S+")
_NUMBER = re.compile(r"[$€£]?\d[\d,.]*%?")
_MARK = re.compile(r"^(?:[-*] |Q: |A: |#+ )")


def brief_values(record: BriefRecord) -> list[str]:
    """Every text the brief gives, raw and as typed at intake, longest first."""
    values: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str) and len(value) > 1:
            values.add(value.strip().strip('"“”.').casefold())
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(record.brief.model_dump(mode="json"))
    walk(record.facts.model_dump(mode="json"))
    for place in record.facts.locations:
        values.add(place.text.split(",")[0].casefold())
    return sorted((v for v in values if len(v) > 2 and not v.isdigit()), key=len, reverse=True)


def published_sentences(pack: ContentPack) -> list[str]:
    return [
        _MARK.sub("", line).strip()
        for item in pack.items
        for name, text in item.fields.items()
        if name != "hashtags" and name not in PLANNING_FIELDS
        for line in sentences(text)
    ]


def skeleton(sentence: str, values: list[str]) -> str | None:
    """The sentence with brief values, links and numbers masked; None when nothing of ours is left."""
    text = _LINK.sub("<link>", sentence.casefold())
    for value in values:
        if value in text:
            text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", "<v>", text)
    text = _NUMBER.sub("<n>", text)
    ours = re.findall(r"[^\W\d_]+", re.sub(r"<\w+>", " ", text))
    return " ".join(text.split()) if len(ours) >= 3 else None


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--shared", type=int, default=0, metavar="N", help="print the N skeletons found in most packs")
    shown = options.parse_args().shared
    parser = brief_parser()
    skeletons: dict[str, set[str]] = {}
    repeats: dict[str, list[tuple[str, int]]] = {}
    most: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as home, bootstrap(Settings(home=Path(home)), launch_durable=False) as app:
        for path in sorted(BRIEFS.glob("*.yaml")):
            record = app.onboarding.capture(
                parser.parse_brief(path.read_bytes(), path.name, BriefFolder(path)), path.name
            )
            pack = app.production.generate_pack(record, app.strategy.generate(record))
            values = brief_values(record)
            written = published_sentences(pack)
            skeletons[path.stem] = {s for s in (skeleton(line, values) for line in written) if s}
            counts = Counter(sentence_key(line) for line in written if skeleton(line, values) is not None)
            repeats[path.stem] = [(line, n) for line, n in counts.most_common() if n > MAX_REPEATS]
            most[path.stem] = max(counts.values(), default=0)
    print("share of A's sentence skeletons also in B's pack (goal <= 25%)")
    shares = []
    for a, b in itertools.permutations(skeletons, 2):
        share = len(skeletons[a] & skeletons[b]) / max(len(skeletons[a]), 1)
        shares.append(share)
        print(f"  {a:18} in {b:18} {share:6.1%}  ({len(skeletons[a])} skeletons)")
    over = sum(share > GOAL_SHARE for share in shares)
    print(
        f"worst pair       : {max(shares):.1%}; mean {sum(shares) / len(shares):.1%};"
        f" {over} of {len(shares)} pairs over the goal"
    )
    if shown:
        spread = Counter(s for kept in skeletons.values() for s in kept)
        print(f"skeletons found in more than one pack, most shared first (top {shown})")
        for text, n in [(t, n) for t, n in spread.most_common() if n > 1][:shown]:
            print(f"  {n} packs: {text}")
    print(f"sentences written more than {MAX_REPEATS} times in a pack (goal: none)")
    for name, lines in repeats.items():
        print(
            f"  {name:18} {len(lines)} (most uses of one sentence: {most[name]})"
            + "".join(f"\n      {n}x {line}" for line, n in lines[:5])
        )


if __name__ == "__main__":
    main()
