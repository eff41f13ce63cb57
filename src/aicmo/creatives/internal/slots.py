"""The values the template writer's frames are filled from: each from a fact whose form fits.

A slot is None when the brief has no fact of that form, so every frame naming it is skipped.
Which pain point, outcome, proof or offer an item uses moves with its position in the pack.
"""

from __future__ import annotations

import re
from functools import cache

import inflect

from aicmo.creatives.api.dtos import BriefFacts, Fact, FactForm, OfferFact
from aicmo.platform.templating import lower_first


@cache
def _inflect() -> inflect.engine:
    return inflect.engine()


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def as_sentence(text: str) -> str:
    """A fact that is a whole clause, capitalised and closed with a full stop."""
    text = capitalised(text.strip())
    return text if text.endswith((".", "!", "?")) else text + "."


_QUALIFIERS = re.compile(
    r"\s*\([^)]*\)|\s+(?:sold|available|delivered|shipped|offered)\s+(?:online|nationwide|worldwide|locally)\s*$",
    re.IGNORECASE,
)
"""A bracketed aside ("(B2B)") or a trailing note on how the goods reach people ("sold online"): what the brief
tells the agency, not words for the client's copy."""


def without_qualifiers(text: str) -> str:
    """A product or industry as copy names it: "Bookkeeping services (B2B)" → "Bookkeeping services"."""
    return _QUALIFIERS.sub("", text).strip() or text


def _usable(facts: list[Fact]) -> list[Fact]:
    return [fact for fact in facts if not fact.banned]


def _nth(facts: list[Fact], position: int) -> Fact | None:
    usable = _usable(facts)
    return usable[position % len(usable)] if usable else None


def _of(fact: Fact | None, *forms: FactForm) -> Fact | None:
    return fact if fact is not None and fact.form in forms else None


DEMOGRAPHICS = frozenset(
    {"women", "men", "people", "parents", "families", "students", "adults", "seniors", "teens", "teenagers"}
    | {"kids", "children", "mums", "moms", "dads", "couples", "locals", "residents", "retirees", "singles"}
)
"""Head nouns that name who people are rather than what they do: "a tip for every new woman" does not read."""


def named_by_demographic(audience: str) -> bool:
    """The audience is named by who they are ("Women", "Young parents"), not by a role ("Home brewers")."""
    words = audience.casefold().split()
    return bool(words) and words[-1] in DEMOGRAPHICS


def _member(audience: Fact) -> str | None:
    """One member of the audience ("home brewers" → "home brewer"), or None when that does not read: a
    demographic ("women") is no group one joins or belongs to as a member."""
    if not audience.plural or named_by_demographic(audience.text):
        return None
    return _singular(lower_first(audience.text))


@cache
def _singular(text: str) -> str | None:
    if " and " in text:
        return None
    *head, last = text.split(" ")
    singular = _inflect().singular_noun(last)
    return " ".join([*head, singular]) if singular else None


def _stems(text: str) -> frozenset[str]:
    return frozenset(word.rstrip("s") for word in re.findall(r"[a-z]{4,}", text.casefold()))


def _offer_stems(offer: OfferFact) -> frozenset[str]:
    return _stems(" ".join(fact.text for fact in (offer.name, offer.usp) if fact is not None))


def _outcomes_for(facts: BriefFacts, offer: OfferFact | None) -> list[Fact]:
    """The outcomes that may follow `offer`: not one whose words tie it to another offer alone
    ("discover new origins" belongs with "a different origin every two weeks", not with an espresso box)."""
    if offer is None:
        return facts.desired_outcomes
    others = [_offer_stems(o) for o in facts.offers if o is not offer]
    own = _offer_stems(offer)
    return [
        outcome
        for outcome in facts.desired_outcomes
        if (stems := _stems(outcome.text)) & own or not any(stems & other for other in others)
    ]


def _be(fact: Fact | None) -> str | None:
    return None if fact is None else ("are" if fact.plural else "is")


def slot_values(facts: BriefFacts, position: int) -> dict[str, str | None]:
    """Slot values at `position` in the pack; None where no fact of the right form exists."""
    offer = facts.offers[position // 2 % len(facts.offers)] if facts.offers else None
    if offer is not None and offer.name.banned:
        offer = None
    usp = offer.usp if offer and offer.usp and not offer.usp.banned else None
    price = offer.price if offer and offer.price and not offer.price.banned else None
    pain = _nth(facts.pain_points, position)
    pain_topic = _of(pain, FactForm.PHRASE) or _of(_nth(facts.pain_points, position + 1), FactForm.PHRASE)
    outcome = _nth(_outcomes_for(facts, offer), position // 2)
    proof = _nth(facts.proof, position // 3 + position)
    objection = _nth(facts.objections, position // 2)
    current = facts.current_offer if facts.current_offer and not facts.current_offer.banned else None
    current_text = lower_first(current.text) if _of(current, FactForm.PHRASE, FactForm.NUMBER, FactForm.NAME) else None
    audience = lower_first(facts.audience_core.text)
    product = lower_first(without_qualifiers(facts.product.text))
    product_for = product if re.search(r"\bfor\b", product) else f"{product} for {audience}"
    return {
        "brand": facts.brand.text,
        "product": product,
        "product_cap": capitalised(product),
        "product_be": _be(facts.product),
        "product_for": product_for,
        "product_for_cap": capitalised(product_for),
        "industry": lower_first(without_qualifiers(facts.industry.text)),
        "audience": audience,
        "audience_cap": capitalised(audience),
        "audience_full": capitalised(facts.audience.text),
        "member": _member(facts.audience_core),
        "place": facts.locations[0].text.split(",")[0].strip() if facts.locations else None,
        "offer": offer.name.text if offer else None,
        "price": price.text if price else None,
        "price_line": f"The {offer.name.text}: {price.text}."
        if offer and price
        else "Ask us for a quote before you decide.",
        "usp": lower_first(usp.text) if _of(usp, FactForm.PHRASE, FactForm.NUMBER) else None,
        "usp_does": lower_first(usp.text) if _of(usp, FactForm.PREDICATE) else None,
        "usp_sentence": as_sentence(usp.text) if _of(usp, FactForm.SENTENCE) else None,
        "current_offer": current_text,
        "current_offer_cap": capitalised(current_text) if current_text else None,
        "pain": as_sentence(pain.text) if _of(pain, FactForm.SENTENCE) else None,
        "pain_clause": lower_first(pain.text).rstrip("?") if _of(pain, FactForm.SENTENCE) else None,
        "pain_topic": lower_first(pain_topic.text) if pain_topic else None,
        "pain_topic_cap": capitalised(lower_first(pain_topic.text)) if pain_topic else None,
        "pain_topic_be": _be(pain_topic),
        "outcome": lower_first(outcome.text) if _of(outcome, FactForm.PHRASE) else None,
        "outcome_cap": capitalised(outcome.text) if _of(outcome, FactForm.PHRASE) else None,
        "outcome_be": _be(_of(outcome, FactForm.PHRASE)),
        "outcome_action": lower_first(outcome.text) if _of(outcome, FactForm.ACTION) else None,
        "objection": as_sentence(objection.text) if objection else None,
        "objection_short": objection.text if objection and len(objection.text) <= 56 else None,
        "proof_line": (proof.text if proof.form == FactForm.NAME else lower_first(proof.text)) if proof else None,
        "proof_line_cap": capitalised(proof.text) if proof else None,
        "proof_clause": lower_first(proof.text) if _of(proof, FactForm.SENTENCE) else None,
        "proof_sentence": as_sentence(proof.text) if _of(proof, FactForm.SENTENCE) else None,
        "proof_number": proof.text if _of(proof, FactForm.NUMBER) else None,
        "proof_name": proof.text if _of(proof, FactForm.NAME) else None,
    }
