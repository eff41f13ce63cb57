"""The check behind each rule id: (item, context) → details of what is wrong; empty = fine.

A rule whose parameters have a model here gets them validated when the catalog loads, and
its check receives the model; other checks receive the parameters as written."""

from __future__ import annotations

from collections.abc import Callable

from aicmo.production.api import ContentItem
from aicmo.qc.internal.checks.agreement import AgreementParams, disagreeing_verbs
from aicmo.qc.internal.checks.articles import ArticleParams, wrong_articles
from aicmo.qc.internal.checks.casing import SentenceCaseParams, lower_case_starts
from aicmo.qc.internal.checks.channel import (
    LinkFreeParams,
    PostingHoursParams,
    ToneHashtagParams,
    caption_links,
    posting_hours,
    tone_hashtags,
)
from aicmo.qc.internal.checks.completeness import CutCopyParams, ThinSectionParams, cut_copy, thin_sections
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
from aicmo.qc.internal.checks.pack import RepeatedSentenceParams, near_duplicate, repeated_sentences
from aicmo.qc.internal.checks.params import RuleParams
from aicmo.qc.internal.checks.phrases import RepeatedPhraseParams, repeated_phrases
from aicmo.qc.internal.checks.verbs import BareVerbParams, bare_verbs
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
    "QC-ARTICLE": wrong_articles,
    "QC-BARE-VERB": bare_verbs,
    "QC-AGREEMENT": disagreeing_verbs,
    "QC-REPEATED-PHRASE": repeated_phrases,
    "QC-REPEATED-SENTENCE": repeated_sentences,
    "QC-CUT-COPY": cut_copy,
    "QC-THIN-SECTION": thin_sections,
    "QC-TONE-HASHTAG": tone_hashtags,
    "QC-CAPTION-LINK": caption_links,
    "QC-POSTING-HOURS": posting_hours,
    "QC-SENTENCE-CASE": lower_case_starts,
}

PARAMS: dict[str, type[RuleParams]] = {
    "QC-ARTICLE": ArticleParams,
    "QC-BARE-VERB": BareVerbParams,
    "QC-AGREEMENT": AgreementParams,
    "QC-REPEATED-PHRASE": RepeatedPhraseParams,
    "QC-REPEATED-SENTENCE": RepeatedSentenceParams,
    "QC-CUT-COPY": CutCopyParams,
    "QC-THIN-SECTION": ThinSectionParams,
    "QC-TONE-HASHTAG": ToneHashtagParams,
    "QC-CAPTION-LINK": LinkFreeParams,
    "QC-POSTING-HOURS": PostingHoursParams,
    "QC-SENTENCE-CASE": SentenceCaseParams,
}

__all__ = ["CHECKS", "PARAMS", "Check", "CheckContext"]
