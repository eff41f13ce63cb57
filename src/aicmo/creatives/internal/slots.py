"""The values that fill the template writer's slots, rotated by the section's index."""

from __future__ import annotations

from aicmo.creatives.api.dtos import BriefFacts


def _pick(values: list[str], index: int, fallback: str) -> str:
    return values[index % len(values)] if values else fallback


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) == 1 else text


def _short(text: str, limit: int = 40) -> str:
    """A clipped phrase for subjects and headlines, cut at a word boundary."""
    text = text.strip().strip('"').rstrip(".")
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:—-")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def slots(facts: BriefFacts, index: int, fallbacks: dict[str, str]) -> dict[str, str]:
    offer = facts.offers[index % len(facts.offers)] if facts.offers else None
    pain = _pick(facts.pain_points, index, fallbacks["pain"])
    outcome = _pick(facts.desired_outcomes, index, fallbacks["outcome"])
    objection = _pick(facts.objections, index, fallbacks["objection"]).strip('"')
    proof = _pick(facts.proof, index, fallbacks["proof"])
    current_offer = facts.current_offer or fallbacks["current_offer"]
    usp = (offer.usp if offer and offer.usp else fallbacks["usp"]).rstrip(".")
    audience_short = facts.audience.split(" who ")[0].split(" aged ")[0].split(",")[0].lower()
    return {
        "brand": facts.brand,
        "product": facts.product.rstrip("."),
        "product_lc": _lower_first(facts.product.rstrip(".")),
        "audience_short": audience_short,
        "pain": _sentence(pain),
        "pain_lc": _lower_first(pain.rstrip(".")),
        "pain_lc_nodot": _lower_first(pain.rstrip(".")),
        "pain_short": _short(_lower_first(pain), 30),
        "outcome": outcome.rstrip("."),
        "outcome_lc": _lower_first(outcome.rstrip(".")),
        "outcome_short": _short(outcome),
        "objection_plain": objection,
        "objection_short": _short(objection, 34),
        "offer": offer.name if offer else fallbacks["offer"],
        "usp": usp,
        "usp_lc": _lower_first(usp),
        "price": offer.price if offer and offer.price else fallbacks["price"],
        "proof": proof.rstrip("."),
        "proof_short": _short(proof, 38),
        "proof_all": "\n".join(f"- {p}" for p in facts.proof) or f"- {fallbacks['proof']}",
        "current_offer": current_offer.rstrip("."),
        "current_offer_short": _short(current_offer, 44),
        "adjective": _pick(facts.adjectives, index, fallbacks["adjective"]),
        "website": facts.website or facts.brand,
        "benefits": "\n".join(f"- {o}" for o in facts.desired_outcomes)
        or "\n".join(f"- {o.name}: {o.usp}" for o in facts.offers if o.usp)
        or f"- {facts.product}",
        "faq": "\n".join(
            f"Q: {q.strip(chr(34))}\nA: {_sentence(_pick(facts.proof, i, fallbacks['proof']))}"
            for i, q in enumerate(facts.objections)
        )
        or f"Q: How do I start?\nA: {_sentence(current_offer)}",
    }
