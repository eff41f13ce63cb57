"""The values that fill the template writer's slots, rotated by position so items differ."""

from __future__ import annotations

from aicmo.creatives.api.dtos import BriefFacts
from aicmo.platform.templating import lower_first, sentence

SLOT_NAMES = frozenset(
    {
        "brand", "product", "product_lc", "industry_lc", "audience_short", "pain", "pain_lc", "outcome",
        "outcome_lc", "objection", "offer", "usp", "usp_lc", "price", "proof", "proof_all", "current_offer",
        "next_step", "adjective", "website", "benefits", "faq",
    }
)


def _pick(values: list[str], position: int, fallback: str) -> str:
    return values[position % len(values)] if values else fallback


def _clean(text: str) -> str:
    return text.strip().strip('"').strip()


def slots(facts: BriefFacts, position: int, fallbacks: dict[str, str]) -> dict[str, str | None]:
    """Slot values at `position`; None where the brief has no such fact (templates needing it are skipped)."""
    offer = facts.offers[(position // 3) % len(facts.offers)] if facts.offers else None
    pain = _optional(facts.pain_points, position)
    outcome = _optional(facts.desired_outcomes, position // 2)
    objection = _optional(facts.objections, position // 3)
    proof = _optional(facts.proof, position // 2 + 1)
    usp = _clean(offer.usp).rstrip(".") if offer and offer.usp else None
    current_offer = _clean(facts.current_offer).rstrip(".") if facts.current_offer else None
    audience_short = facts.audience.split(" who ")[0].split(" aged ")[0].split(",")[0].strip()
    product = facts.product.rstrip(".")
    return {
        "brand": facts.brand,
        "product": product,
        "product_lc": lower_first(product),
        "industry_lc": lower_first(facts.industry),
        "audience_short": lower_first(audience_short),
        "pain": sentence(pain) if pain else None,
        "pain_lc": lower_first(pain.rstrip(".")) if pain else None,
        "outcome": outcome[:1].upper() + outcome[1:] if outcome else None,
        "outcome_lc": lower_first(outcome) if outcome else None,
        "objection": objection,
        "offer": offer.name if offer else product,
        "usp": usp[:1].upper() + usp[1:] if usp else None,
        "usp_lc": lower_first(usp) if usp else None,
        "price": offer.price if offer and offer.price else None,
        "proof": proof,
        "proof_all": "\n".join(f"- {_clean(p)}" for p in facts.proof) or None,
        "current_offer": current_offer,
        "next_step": current_offer or fallbacks["next_step"],
        "adjective": _pick(facts.adjectives, position, fallbacks["adjective"]),
        "website": facts.website or facts.brand,
        "benefits": "\n".join(f"- {_clean(o)}" for o in facts.desired_outcomes)
        or "\n".join(f"- {o.name}: {o.usp}" for o in facts.offers if o.usp)
        or None,
        "faq": "\n\n".join(
            f"Q: {_question(q)}\nA: {_answer(facts, i)}" for i, q in enumerate(facts.objections) if _answer(facts, i)
        )
        or None,
    }


def _optional(values: list[str], position: int) -> str | None:
    return _clean(values[position % len(values)]).rstrip(".") if values else None


def _question(text: str) -> str:
    text = _clean(text)
    return text if text.endswith("?") else sentence(text)


def _answer(facts: BriefFacts, index: int) -> str | None:
    """An answer to an objection from the brief's own proof and offers; None when it has neither."""
    proof = _optional(facts.proof, index)
    offer = facts.offers[index % len(facts.offers)] if facts.offers else None
    parts = [proof] if proof else []
    if offer and offer.usp:
        parts.append(f"{offer.name}: {lower_first(_clean(offer.usp).rstrip('.'))}" + (f", for {offer.price}" if offer.price else ""))
    return ". ".join(parts) + "." if parts else None
