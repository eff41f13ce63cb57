"""The check behind each rule id: (item, context) → details of what is wrong; empty = fine."""

from __future__ import annotations

from collections.abc import Callable

from aicmo.qc.internal.checks.context import CheckContext
from aicmo.qc.internal.checks.form import (
    email_subject,
    hashtag_count,
    links,
    meta_description,
    missing_cta,
    platform_limit,
    readability,
)
from aicmo.qc.internal.checks.pack import near_duplicate
from aicmo.qc.internal.checks.wording import (
    banned_words,
    brand_spelling,
    cliches,
    competitors,
    disclaimers,
    personal_data,
    placeholders,
    unsupported_claims,
)
from aicmo.production.api import ContentItem

Check = Callable[[ContentItem, CheckContext], list[str]]

CHECKS: dict[str, Check] = {
    "QC-PLACEHOLDER": placeholders,
    "QC-BANNED-WORD": banned_words,
    "QC-DISCLAIMER": disclaimers,
    "QC-PLATFORM-LIMIT": platform_limit,
    "QC-HASHTAG-COUNT": hashtag_count,
    "QC-EMAIL-SUBJECT": email_subject,
    "QC-META-DESCRIPTION": meta_description,
    "QC-CLICHE": cliches,
    "QC-NEAR-DUPLICATE": near_duplicate,
    "QC-UNSUPPORTED-CLAIM": unsupported_claims,
    "QC-COMPETITOR": competitors,
    "QC-PERSONAL-DATA": personal_data,
    "QC-LINK": links,
    "QC-MISSING-CTA": missing_cta,
    "QC-BRAND-SPELLING": brand_spelling,
    "QC-READABILITY": readability,
}

__all__ = ["CHECKS", "Check", "CheckContext"]
