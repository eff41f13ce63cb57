"""The brief's budget text → an amount, a currency and a period, split across channels."""

from __future__ import annotations

import re

from aicmo.strategy.api.dtos import Budget
from aicmo.strategy.internal.channel_data import channel_data
from aicmo.strategy.internal.kpis import WEEKS_PER

_AMOUNT = re.compile(r"(?P<number>\d[\d,. ]*\d|\d)\s*(?P<scale>k|m)?\b", re.IGNORECASE)
_PERIODS = (
    ("week", r"\b(?:per|a|each|every|/)\s*week\b|\bweekly\b"),
    ("month", r"\b(?:per|a|each|every|/)\s*(?:month|mo)\b|\bmonthly\b|\bpcm\b"),
    ("quarter", r"\b(?:per|a|each|every|/)\s*quarter\b|\bquarterly\b"),
    ("year", r"\b(?:per|a|each|every|/)\s*(?:year|yr|annum)\b|\b(?:yearly|annual|annually)\b"),
)


def parse_budget(text: str | None, plan_weeks: int) -> Budget | None:
    """'8000 USD per month' → 8,000 USD a month; '$5k' → 5,000 USD for the plan; None when it names no amount."""
    if not text:
        return None
    match = _AMOUNT.search(text)
    if match is None:
        return None
    amount = _number(match.group("number")) * {"k": 1_000, "m": 1_000_000}.get((match.group("scale") or "").lower(), 1)
    if amount <= 0:
        return None
    period = next((name for name, pattern in _PERIODS if re.search(pattern, text, re.IGNORECASE)), "plan")
    total = amount if period == "plan" else amount * plan_weeks / WEEKS_PER[period]
    return Budget(amount=amount, currency=_currency(text), period=period, plan_total=round(total, 2))


def _number(text: str) -> float:
    """'8,000' and '8 000' are eight thousand; '1.500,50' and '1,500.50' are the same amount."""
    digits = text.replace(" ", "")
    decimal = re.search(r"[.,](\d{1,2})$", digits)
    whole = re.sub(r"[.,]", "", digits[: decimal.start()] if decimal else digits)
    return float(whole + ("." + decimal.group(1) if decimal else ""))


def _currency(text: str) -> str:
    data = channel_data()
    for symbol in sorted(data.currency_symbols, key=len, reverse=True):
        if symbol in text:
            return data.currency_symbols[symbol]
    return next((code for code in re.findall(r"\b[A-Z]{3}\b", text.upper()) if code in data.usd_rates), "")


def split_amount(amount: float, shares: list[int]) -> list[float]:
    """Amounts proportional to percentage shares that add up to `amount` exactly (whole units, or
    cents when it has them)."""
    unit = 1 if amount == int(amount) else 0.01
    units = round(amount / unit)
    raw = [units * share / 100 for share in shares]
    parts = [int(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)[: units - sum(parts)]:
        parts[i] += 1
    return [round(part * unit, 2) for part in parts]
