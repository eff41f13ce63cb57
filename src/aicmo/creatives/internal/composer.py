"""Picks frames for one section: fillable from the facts, free of banned words, new to the pack.

Frames are tried in an order seeded by the brand and the place in the copy (never by the
item), so a pack reuses its few chosen frames with other facts before it reaches for more,
and another client's seed picks other frames; a variant (asked for when an item echoes an
earlier one) reshuffles that order. An item shows each fact once.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable
from functools import cache

from aicmo.creatives.api.dtos import BriefFacts, SectionSpec
from aicmo.creatives.internal.phrasing import VOICES, Phrasing, phrasing
from aicmo.creatives.internal.slot_names import FACT_OF_SLOT
from aicmo.creatives.internal.slots import capitalised, slot_values
from aicmo.platform.templating import fillable, sentence_key, sentences, slot_names, usable

_JOINABLE = frozenset({"mechanism", "outcome", "steps", "story"})
"""Moves whose sentences read well after a connective ("Plus, …")."""
_UNCONNECTED = frozenset(
    {"I", "So", "That", "It", "And", "But", "Step", "Think", "Imagine", "Picture", "Write", "Ask", "Start"}
    | {"Agree", "Begin", "Bring", "Check", "Choose", "Come", "Count", "Decide", "Do", "Enjoy", "Follow", "Forward"}
    | {"Keep", "Know", "Pass", "Pick", "Plan", "Prove", "Put", "Read", "Reply", "Say", "Send", "Share", "Stay"}
    | {"Stop", "Take", "Tell", "Try", "Use"}
    | {"Hello", "Hi", "Thank", "Thanks", "Welcome", "Good", "Everyone", "Here", "More", "There", "Questions", "Worth"}
    | {"If", "When"}
)
"""First words after which a connective would not read: "Plus, tell us…" or "Fun fact: come and find us." does
not, since an imperative adds no fact to the sentence before it; nor does a question, a greeting, thanks, an
invitation ("If a question comes up, reply") or a saying ("In practice, good things happen when neighbours meet.")."""
_CONNECTED_LEAST_WORDS = 4
"""A shorter line is a fragment ("Worth a closer look.") that a connective would only pad."""
_ROLE_NEEDS = {
    "objection": "objections",
    "proof": "proof",
    "problem": "pain_points",
    "outcome": "desired_outcomes",
    "offer": "offers",
}
"""The facts a role is built on; without them the item tells a story or shows how instead."""
_GIVE_WAY = ("how_to", "story")
"""The roles an item takes when the brief has no facts for its own: they need none."""
_TO_PEOPLE = frozenset({"hiring", "retention"})
"""Objectives whose copy speaks to people other than new customers (job seekers, existing customers): their voice's
own lines write it, since the frames built on the brief's facts (its pains, proof and offers) sell to newcomers."""


def _voice_of(facts: BriefFacts) -> str:
    """Job seekers and existing customers are spoken to as such, even by a B2B firm; else B2B, else the objective."""
    if facts.objective in _TO_PEOPLE:
        return facts.objective
    if facts.b2b:
        return "b2b"
    return facts.objective if facts.objective in VOICES else "awareness"


_ACTING_NOW_KINDS = frozenset({"calendar_entry", "social_post"})
"""Posts whose role is the offer lead with the current offer; emails and ads choose for themselves (`acts_now`)."""
_CONNECTED_ONE_IN = 3
"""About one joinable sentence in this many opens with a connective, so none reads as a tic."""
_POSITION_SPREAD = 7
"""Platforms start their fact rotation this far apart, so two platforms' posts use other facts."""


@cache
def _facts_of(frame: str) -> frozenset[str]:
    """The facts (FACT_OF_SLOT groups) a frame shows."""
    return frozenset(FACT_OF_SLOT[name] for name in slot_names(frame) if name in FACT_OF_SLOT)


def _rank(seed: str, frame: str) -> int:
    return zlib.crc32(f"{seed}\x1f{frame}".encode())


class Composer:
    def __init__(self, spec: SectionSpec, facts: BriefFacts) -> None:
        self.spec = spec
        self.facts = facts
        self.data: Phrasing = phrasing()
        offset = sum(map(ord, spec.platform or "")) % _POSITION_SPREAD
        self.values = slot_values(facts, spec.index + offset + spec.variant)
        self.voice = _voice_of(facts)
        self._avoid = {sentence_key(text) for text in spec.avoid}
        self._used: set[str] = set()
        self._facts_shown: set[str] = set()
        self._hook_kind: str | None = None
        self._openers: set[str] = set()
        """The connectives this item's sentences already open with: each opens one sentence at most."""
        self._banned = [re.compile(rf"(?i)(?<!\w){re.escape(word)}(?:s|es)?(?!\w)") for word in facts.banned_words]
        self.acts_now = spec.kind in _ACTING_NOW_KINDS and self.role == "offer"
        """Whether the item gives the reason to act now: its frames that state the brief's current offer come first."""

    @property
    def role(self) -> str:
        """The item's role, or the plan's role for its place; one the brief has no facts for gives way."""
        roles = self.data.plan_roles
        role = self.spec.role if self.spec.role in self.data.roles else roles[self.spec.index % len(roles)]
        return role if self.has_facts_for(role) else _GIVE_WAY[self.spec.index % 2]

    def has_facts_for(self, role: str) -> bool:
        """The brief gives a usable fact the role is built on (any role that needs none has them)."""
        needs = _ROLE_NEEDS.get(role)
        if needs == "offers":
            current = self.facts.current_offer
            return any(not offer.name.banned for offer in self.facts.offers) or bool(current and not current.banned)
        return not needs or any(not fact.banned for fact in getattr(self.facts, needs))

    @property
    def to_people(self) -> bool:
        """Whether the voice speaks to people other than new customers (job seekers, existing customers)."""
        return self.voice in _TO_PEOPLE

    def clean(self, text: str) -> bool:
        return not any(pattern.search(text) for pattern in self._banned)

    def fill(self, frame: str) -> str:
        return capitalised(frame.format(**self.values))

    def _shows(self, frame: str) -> frozenset[str]:
        return _facts_of(frame)

    def pick(
        self,
        frames: Iterable[str],
        place: str,
        *,
        fits: int | None = None,
        reuse: bool = False,
        dress: Callable[[str], str] = lambda text: text,
        joined: bool = False,
        facts_only: bool = False,
    ) -> str | None:
        """The first frame, in this brand's order for `place`, that reads new and fits `fits` characters.

        Frames built on the brief's own facts come first, those stating the current offer before them in an
        item that gives the reason to act now (`acts_now`); a frame that only names the brand, product,
        audience or place reads the same for any client, so it is the fallback (`facts_only` skips it). A voice
        for job seekers or existing customers writes only such lines, so each of its items takes its own order
        (else items drafted side by side would all open alike).
        """
        usable = [
            f
            for f in frames
            if fillable(f, self.values)
            and not self._shows(f) & self._facts_shown
            and (self.built_on_facts(f) or not facts_only)
        ]
        seed = f"{self.facts.brand.text}|{place}" + (f"|{self.spec.variant}" if self.spec.variant else "")
        if self.to_people:
            seed += f"|{self.spec.kind}|{self.spec.index}"
        ordered = sorted(
            usable, key=lambda f: (not self._states_current_offer(f), not self.built_on_facts(f), _rank(seed, f))
        )
        fallback = None
        for frame in ordered:
            written = self._connected(frame) if joined else frame
            text = dress(self.fill(written))
            if not self.clean(text) or (fits is not None and len(text) > fits):
                continue
            keys = [sentence_key(s) for s in sentences(text)]
            if any(k in self._used for k in keys + self._plain_keys(frame, written, dress)):
                continue
            if any(k in self._avoid for k in keys):
                fallback = fallback or (frame, text)
                continue
            return self._take(frame, text, self._plain_keys(frame, written, dress))
        if reuse and fallback:
            return self._take(*fallback)
        return None

    def _plain_keys(self, frame: str, written: str, dress: Callable[[str], str]) -> list[str]:
        """The sentence keys of the frame without the connective put before it: behind one, a
        sentence is still the same."""
        return [] if written == frame else [sentence_key(s) for s in sentences(dress(self.fill(frame)))]

    def _states_current_offer(self, frame: str) -> bool:
        return self.acts_now and "current" in _facts_of(frame)

    def built_on_facts(self, frame: str) -> bool:
        """The frame shows a fact of this brief (a pain, an outcome, proof, an offer…), not only its names."""
        return bool(_facts_of(frame)) or "offer" in slot_names(frame)

    def shows(self, fact: str) -> None:
        """Mark a fact (a FACT_OF_SLOT group) as shown elsewhere in the section."""
        self._facts_shown.add(fact)

    def new_part(self, *, still_shown: set[str] = frozenset()) -> None:
        """Start a part of the section that may show the facts again (an FAQ answer), except `still_shown`."""
        self._facts_shown &= set(still_shown)

    def _connected(self, frame: str) -> str:
        """The frame opened by one of the brand's connectives, or as it is: settled once per brand and frame,
        so a sentence reads the same wherever the pack repeats it."""
        first = re.match(r"[A-Za-z']*", frame)[0]
        if (
            not first
            or ":" in frame
            or "?" in frame
            or first in _UNCONNECTED
            or len(frame.split()) < _CONNECTED_LEAST_WORDS
        ):
            return frame
        connectives = self.data.connectives_for(self.facts.tone)
        choice = _rank(self.facts.brand.text, frame) % (len(connectives) * _CONNECTED_ONE_IN)
        if choice >= len(connectives) or connectives[choice] in self._openers:
            return frame
        return f"{connectives[choice]} {frame[:1].lower()}{frame[1:]}"

    def _take(self, frame: str, text: str, plain_keys: list[str] = ()) -> str:
        self._openers.update(c for c in self.data.connectives_for(self.facts.tone) if text.startswith(c))
        self._used.update(sentence_key(s) for s in sentences(text))
        self._used.update(plain_keys)
        self._facts_shown |= self._shows(frame)
        return text

    def hook(self, *, fits: int | None = None) -> str:
        """A hook of the kinds the item's role asks for, else one in the brief's voice (only that for a voice that
        speaks to people other than new customers: the kinds speak to buyers)."""
        generic = self.generic_lines("hooks")
        if self.to_people:
            return self.pick(generic, "hook.generic", fits=fits, reuse=True) or self.facts.brand.text
        kinds = self.data.roles[self.role].hooks
        for facts_only in (True, False):
            for kind in kinds:
                if text := self.pick(self.data.hooks[kind], f"hook.{kind}", fits=fits, facts_only=facts_only):
                    self._hook_kind = kind
                    return text
        if text := self.pick(generic, "hook.generic", fits=fits):
            return text
        every = [frame for frames in self.data.hooks.values() for frame in frames] + generic
        return self.pick(every, "hook.any", fits=fits, reuse=True) or self.facts.brand.text

    def generic_lines(self, pool: str) -> list[str]:
        """The brief's voice's lines of a generic pool ("moves"), those of in-person care only for such a business
        and those of a place to visit only for a local one."""
        return self.data.generic.lines(pool, self.voice, care=self.facts.care, local=self.facts.market == "local")

    def generic(self, place: str, *, fits: int | None = None, reuse: bool = False, joined: bool = True) -> str | None:
        return self.pick(self.generic_lines("moves"), f"generic.{place}", fits=fits, reuse=reuse, joined=joined)

    def _frames(self, move: str) -> list[str]:
        """A move's frames. An answer meets the doubt on its topic (a price with the price) where the brief allows;
        one that does not quote the doubt ("It is a fair question") follows only a quoted one."""
        if move == "steps":
            return self.generic_lines("steps")
        frames = self.data.moves[move]
        if move == "answer" and self.values["objection"]:
            landing = self.data.landing
            to_the_point = usable(landing.faq_answers.get(landing.topic_of(self.values["objection"]), []), self.values)
            frames = to_the_point or frames
        if move == "answer" and self._hook_kind != "objection":
            return [frame for frame in frames if self.built_on_facts(frame)]
        return frames

    def move(self, move: str, *, fits: int | None = None, joined: bool = False) -> str | None:
        """A sentence for `move` from the brief's facts, else one in the brief's voice (only that for a voice that
        speaks to people other than new customers)."""
        if self.to_people:
            return self.generic(move, fits=fits, joined=joined)
        return self.pick(
            self._frames(move), f"move.{move}", fits=fits, joined=joined and move in _JOINABLE
        ) or self.generic(move, fits=fits, joined=joined)

    def body(self, moves: list[str], *, most: int = 4, fits: int | None = None) -> str:
        """A sentence per move the facts can fill, then ones in the brief's voice until the body has two.

        With little room (`fits`), each of the first two sentences gets half of it.
        """
        parts: list[str] = []

        def room() -> int | None:
            if fits is None:
                return None
            left = fits - len(" ".join(parts)) - 1
            return left if len(parts) >= 1 else min(left, fits // 2)

        for move in [] if self.to_people else moves:
            enough = len(sentences(" ".join(parts))) >= 2
            text = self.pick(self._frames(move), f"move.{move}", fits=room(), joined=bool(parts) and move in _JOINABLE)
            if text is None and not enough:
                text = self.generic(move, fits=room(), joined=bool(parts))
            if text and len(sentences(" ".join([*parts, text]))) <= most:
                parts.append(text)
        while len(sentences(" ".join(parts))) < 2:
            if (text := self.generic("filler", fits=room()) or self._any_sentence(room())) is None:
                break
            parts.append(text)
        return " ".join(parts)

    def _any_sentence(self, fits: int | None) -> str | None:
        """Any body sentence of any move that fits and reads new; failing that, one used before. A move's frames
        are those `_frames` allows, so an answer that quotes no doubt ("We understand the doubt.") never stands
        in a body without one."""
        frames = [
            f
            for frames in (
                *map(self._frames, self.data.moves),
                self.generic_lines("moves"),
                self.generic_lines("steps"),
            )
            for f in frames
        ]
        return self.pick(frames, "any", fits=fits) or self.pick(frames, "any", fits=fits, reuse=True)

    def cta(self) -> str:
        """One call to action for the brief's market and objective, pointing to the link (or the bio on Instagram)."""
        frames = self.data.ctas_for(self.facts.market, self.facts.objective)
        return self.pick(frames, "cta", reuse=True, dress=self._pointed) or self._pointed("Get in touch")

    def _pointed(self, action: str) -> str:
        if self.spec.link:
            return f"{action}: {self.spec.link}"
        if action.split(maxsplit=1)[0].lower() in self.data.in_place:
            return f"{action}."
        pointers = self.data.no_link
        return f"{action} {pointers.get(self.spec.platform or '', pointers['default'])}."

    def disclaimer(self) -> str:
        return " ".join(self.facts.disclaimers) if self.spec.needs_disclaimer else ""
