"""The slots a frame may name, and which fact each one shows."""

FACT_OF_SLOT = {
    "price": "price", "price_line": "price", "usp": "usp", "usp_does": "usp", "usp_sentence": "usp",
    "current_offer": "current", "current_offer_cap": "current", "pain": "pain", "pain_clause": "pain",
    "pain_topic": "pain_topic", "pain_topic_cap": "pain_topic", "outcome": "outcome", "outcome_cap": "outcome",
    "outcome_action": "outcome", "objection": "objection", "objection_short": "objection", "proof_line": "proof",
    "proof_clause": "proof", "proof_sentence": "proof", "proof_number": "proof", "proof_name": "proof",
}
"""Which fact each slot shows: an item shows each fact once, whatever the wording."""

SLOT_NAMES = frozenset(
    {
        "brand", "product", "product_cap", "product_be", "product_for", "product_for_cap", "industry", "audience", "audience_cap", "audience_full",
        "member", "place", "offer", "price", "price_line", "usp", "usp_does", "usp_sentence", "current_offer",
        "current_offer_cap", "pain", "pain_clause", "pain_topic", "pain_topic_cap", "pain_topic_be", "outcome", "outcome_cap", "outcome_be",
        "outcome_action", "objection", "objection_short", "proof_line", "proof_clause", "proof_sentence", "proof_number", "proof_name",
    }
)
