"""The rule-based reply classifier (reply_rules.yaml): behind the ReplyClassifier port, so
an LLM classifier can replace it."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from aicmo.cam.api.dtos import ReplyClass


class _Rules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    senders: list[str] = []
    patterns: list[str]


@cache
def _rules() -> dict[ReplyClass, tuple[list[str], re.Pattern[str]]]:
    data = yaml.safe_load(Path(__file__).with_name("reply_rules.yaml").read_text(encoding="utf-8"))["classes"]
    rules = {ReplyClass(name): _Rules.model_validate(spec) for name, spec in data.items()}
    return {kind: (r.senders, re.compile("|".join(f"(?:{p})" for p in r.patterns), re.I)) for kind, r in rules.items()}


class RuleClassifier:
    def classify(self, sender: str, subject: str, body: str) -> ReplyClass:
        text = f"{subject}\n{body}"
        for kind, (senders, pattern) in _rules().items():
            if any(s in sender.casefold() for s in senders) or pattern.search(text):
                return kind
        return ReplyClass.NEUTRAL
