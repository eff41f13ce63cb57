"""Types the brief's facts at intake: each normalised and given its form (name, phrase, sentence…).

Short marketing facts are told apart by a few word lists (fact_words.yaml): an auxiliary or
a verb after a plural subject makes a clause, a first-person pronoun a quote, a leading base
verb a verb phrase, a leading number a quantity.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import inflect
import yaml
from pydantic import BaseModel, ConfigDict

from aicmo.onboarding.api.dtos import Brief
from aicmo.onboarding.api.facts import BriefFacts, BriefGap, Fact, FactForm, Market, OfferFacts

_QUOTES = "\"'“”‘’«»"
_TRAILING = ".,;:!…- "
_NUMBER = re.compile(r"^(?:(?P<lead>[a-z ]+?)\s+)?(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[^\s\d]+)?", re.IGNORECASE)
_TOKEN = re.compile(r"[\w$€£%][\w'’$€£%.-]*")


class FactWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    auxiliaries: frozenset[str]
    verbs: frozenset[str]
    prepositions: frozenset[str]
    irregular_past: frozenset[str]
    action_starters: frozenset[str]
    first_person: frozenset[str]
    second_person: frozenset[str]
    relative_markers: frozenset[str]
    determiners: frozenset[str]
    small_words: frozenset[str]
    number_leads: list[str]
    timespan: str
    audience_cuts: list[str]
    b2b_markers: frozenset[str]
    local_markers: frozenset[str]
    care_markers: frozenset[str]
    place_zones: dict[str, str]
    advice: list[BriefGap]


@cache
def fact_words() -> FactWords:
    path = Path(__file__).with_name("fact_words.yaml")
    return FactWords.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@cache
def _inflect() -> inflect.engine:
    return inflect.engine()


def normalised(text: str) -> str:
    """One line, no surrounding quotes, no trailing punctuation (a question mark stays)."""
    text = " ".join(text.split()).strip(_QUOTES + " ")
    return text.rstrip(_TRAILING).strip(_QUOTES + " ")


def _tokens(text: str) -> list[str]:
    return [token.lower().replace("’", "'").rstrip(".") for token in _TOKEN.findall(text)]


def _is_plural_noun(word: str) -> bool:
    return bool(word) and word.isalpha() and _inflect().singular_noun(word) not in (False, word)


def _verb_base(word: str) -> str | None:
    """The base form when `word` is a known verb's third-person form ("takes" → "take")."""
    verbs = fact_words().verbs
    for base in (word[:-1], word[:-2], word[:-3] + "y"):
        if word.endswith("s") and base in verbs:
            return base
    return None


def _has_finite_verb(tokens: list[str]) -> bool:
    words = fact_words()
    if tokens and tokens[0] in words.auxiliaries:
        return True
    for i in range(1, len(tokens)):
        word, before = tokens[i], tokens[i - 1]
        if before in words.determiners or before == "to" or before[:1].isdigit():
            continue
        relative = before in words.relative_markers
        if word in words.auxiliaries or word in words.irregular_past:
            if not relative:
                return True
        elif (
            word in words.verbs
            and _is_plural_noun(before)
            or _verb_base(word)
            and not relative
            and before not in ("and", "or")
        ):
            return True
        elif _takes_an_object(tokens, i):
            return True
    return False


def _takes_an_object(tokens: list[str], i: int) -> bool:
    """A word between a plural noun and a determiner is a verb with its object: "kids dread the dentist"."""
    words = fact_words()
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    return (
        following in words.determiners
        and tokens[i].isalpha()
        and tokens[i] not in words.prepositions
        and _is_plural_noun(tokens[i - 1])
    )


def _capitalised_share(text: str) -> float:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)[1:] if w.lower() not in fact_words().small_words]
    return sum(w[:1].isupper() for w in words) / len(words) if words else 0.0


def plural(text: str) -> bool:
    """Whether a noun phrase is plural: joined by "and", or its head noun is."""
    cut = re.split(
        r",| (?:of|for|from|with|at|in|on|by|who|that|to|without|every|before|after)\b ", text.lower(), maxsplit=1
    )[0]
    if " and " in cut:
        return True
    words = _tokens(cut)
    return _is_plural_noun(words[-1]) if words else False


def _person(tokens: list[str]) -> int:
    words = fact_words()
    if any(token in words.first_person for token in tokens):
        return 1
    return 2 if any(token in words.second_person for token in tokens) else 3


def _form(text: str, tokens: list[str], quoted: bool, person: int) -> FactForm:
    words = fact_words()
    if quoted or person == 1:
        return FactForm.QUOTE
    if re.match(words.timespan, text.lower()):
        return FactForm.TIMESPAN
    first = tokens[0] if tokens else ""
    if _verb_base(first):
        return FactForm.PREDICATE
    if first in words.action_starters:
        return FactForm.ACTION
    if _capitalised_share(text) >= 0.6:
        return FactForm.NAME
    if _has_finite_verb(tokens):
        return FactForm.SENTENCE
    if _number(text)[0] is not None:
        return FactForm.NUMBER
    return FactForm.PHRASE


def _number(text: str) -> tuple[float | None, str | None]:
    match = _NUMBER.match(text)
    if not match or (match["lead"] and match["lead"].lower() not in fact_words().number_leads):
        return None, None
    return float(match["number"].replace(",", "")), match["unit"]


def _banned(text: str, banned: list[str]) -> bool:
    return any(re.search(rf"(?i)(?<!\w){re.escape(word)}(?:s|es)?(?!\w)", text) for word in banned)


def type_fact(raw: str, banned: list[str], *, form: FactForm | None = None) -> Fact:
    """`raw` normalised and typed; `form` forces the form where the field settles it (a name, a quote)."""
    text = normalised(raw)
    tokens = _tokens(text)
    person = _person(tokens)
    quoted = raw.strip()[:1] in _QUOTES
    kind = form or _form(text, tokens, quoted, person)
    number, unit = _number(text)
    return Fact(
        text=text,
        form=kind,
        plural=plural(text) if kind in (FactForm.PHRASE, FactForm.NUMBER) else False,
        person=person,
        number=number,
        unit=unit,
        banned=_banned(text, banned),
    )


def audience_core(audience: str) -> str:
    """The head of an audience description: "Home brewers aged 28-45 who…" → "Home brewers"."""
    text = normalised(audience)
    cut = min((i for i in (text.find(marker) for marker in fact_words().audience_cuts) if i > 0), default=len(text))
    return text[:cut].strip()


def is_b2b(brief: Brief) -> bool:
    words = set(_tokens(f"{brief.brand.industry} {brief.audience.primary}"))
    return bool(words & fact_words().b2b_markers)


def market(brief: Brief) -> Market:
    """Who buys and how: a business (b2b), people who visit or book a place near them (local),
    or anyone online (b2c)."""
    if is_b2b(brief):
        return Market.B2B
    words = set(_tokens(f"{brief.brand.industry} {brief.brand.product} {brief.audience.primary}"))
    return Market.LOCAL if words & fact_words().local_markers else Market.B2C


def looks_after_people(brief: Brief) -> bool:
    """The business serves people in person, one at a time or in a class (a clinic, a studio, a salon, a coach):
    copy may speak of a first visit, nerves and who they will see."""
    words = set(_tokens(f"{brief.brand.industry} {brief.brand.product}"))
    return bool(words & fact_words().care_markers)


def type_brief(brief: Brief) -> BriefFacts:
    banned = brief.voice.banned_words

    def typed(values: list[str], form: FactForm | None = None) -> list[Fact]:
        return [type_fact(value, banned, form=form) for value in values if normalised(value)]

    def one(value: str | None, form: FactForm | None = None) -> Fact | None:
        return type_fact(value, banned, form=form) if value and normalised(value) else None

    return BriefFacts(
        brand=type_fact(brief.brand.name, banned, form=FactForm.NAME),
        industry=type_fact(brief.brand.industry, banned, form=FactForm.PHRASE),
        product=type_fact(brief.brand.product, banned, form=FactForm.PHRASE),
        audience=type_fact(brief.audience.primary, banned, form=FactForm.PHRASE),
        audience_core=type_fact(audience_core(brief.audience.primary), banned, form=FactForm.PHRASE),
        locations=typed(places(brief.brand.locations), FactForm.NAME),
        offers=[
            OfferFacts(
                name=type_fact(item.name, banned, form=FactForm.NAME),
                usp=one(item.usp),
                price=one(item.price, FactForm.NUMBER),
            )
            for item in brief.offer.items
        ],
        current_offer=one(brief.offer.current_offers),
        proof=typed(brief.offer.proof),
        pain_points=typed(brief.audience.pain_points),
        desired_outcomes=typed(brief.audience.desired_outcomes),
        objections=typed(brief.audience.objections, FactForm.QUOTE),
        competitors=typed(brief.constraints.competitors, FactForm.NAME),
        b2b=is_b2b(brief),
        market=market(brief),
        care=looks_after_people(brief),
        gaps=gaps(brief),
    )


def gaps(brief: Brief) -> list[BriefGap]:
    """The advice for what a thin brief leaves empty, each given when all its fields are empty."""
    return [gap for gap in fact_words().advice if all(not _value(brief, path) for path in gap.when_empty)]


def _value(brief: Brief, path: str) -> object:
    value: object = brief
    for part in path.split("."):
        value = getattr(value, part)
    return value


def places(locations: list[str]) -> list[str]:
    """Places with their region codes joined back: ["Portland", "OR"] → ["Portland, OR"]."""
    joined: list[str] = []
    for location in locations:
        code = location.strip()
        if joined and len(code) <= 3 and code.isupper():
            joined[-1] = f"{joined[-1]}, {code}"
        else:
            joined.append(code)
    return joined


def zone_of_places(places: list[str]) -> str | None:
    """The IANA time zone the brand's first known place lies in, if the place list knows it."""
    zones = fact_words().place_zones
    for place in places:
        key = " ".join(place.lower().split())
        for candidate in (key, key.split(",")[0].strip()):
            if candidate in zones:
                return zones[candidate]
    return None
