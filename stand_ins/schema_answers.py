"""Answers a model could give: valid for a section's JSON schema, built from plain sentences."""

from __future__ import annotations

SENTENCES = [
    "Fresh beans roasted this week reach your door in two days, so every cup tastes the way the farm meant it to.",
    "Most supermarket coffee sat in a warehouse for months before it reached the shelf.",
    "Our roaster tastes every batch before it ships and writes the tasting notes on the bag.",
    "Subscribers pause, skip or swap origins from their account whenever they like.",
    "A bag lasts a household of two about ten days, which is why deliveries come every fortnight.",
    "Ethiopian, Colombian and Kenyan lots rotate through the year as each harvest arrives.",
    "Grinding right before brewing keeps the aromas that pre-ground coffee loses within hours.",
    "Every farm we buy from is named on the label, with the price we paid for its beans.",
]


def _text(name: str, spec: dict, number: int) -> str:
    limit = spec.get("maxLength", 10_000)
    text = SENTENCES[(number + len(name)) % len(SENTENCES)]
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "."


def _instance(schema: dict, node: dict, name: str, number: int) -> object:
    """A value valid for `node` (strings from SENTENCES, lists at their minimum length)."""
    if "$ref" in node:
        return _instance(schema, schema["$defs"][node["$ref"].rsplit("/", 1)[1]], name, number)
    if node.get("type") == "object":
        return {key: _instance(schema, sub, key, number + i) for i, (key, sub) in enumerate(node["properties"].items())}
    if node.get("type") == "array":
        return [_instance(schema, node["items"], name, number + i) for i in range(max(node.get("minItems", 1), 1))]
    return _text(name, node, number)


def valid_answer(schema: dict, number: int = 0) -> dict:
    """An answer that matches a section's schema, its sentences picked by `number`."""
    answer = _instance(schema, schema, "", number)
    assert isinstance(answer, dict)
    return answer
