"""Copy a client would refuse, seen first with briefs that hold only the console form's required fields:
hooks that promise what the body never gives, a demographic made a "member", qualifiers pasted into
hashtags and copy, connectives before lines they cannot continue, a B2B blog point for a salon."""

import re
from pathlib import Path

import pytest

from aicmo.creatives.api import SectionSpec
from aicmo.creatives.internal.hashtags import hashtag_pool
from aicmo.creatives.internal.phrasing import phrasing
from aicmo.creatives.internal.slots import slot_values
from aicmo.creatives.internal.template_writer import TemplateWriter
from aicmo.platform.templating import sentences
from tests.briefs import writer_facts
from tests.unit.creatives.test_copy_fits_the_client import pack

HERE = Path(__file__).parent
SALON = HERE / "briefs" / "hair-salon.yaml"
CERAMICS = HERE / "briefs" / "ceramics-shop.yaml"
BOOKKEEPING = HERE.parent / "strategy" / "briefs" / "bookkeeping-firm.yaml"
PROMISES = re.compile(
    r"(?i)\b(story|in one post|behind the scenes|a day at|up close|the people behind|start to finish|"
    r"meet the (team|hands)|^inside)\b"
)
"""Hooks that promise a story, a tour or a look inside, which no body move gives."""


def _said(brief: Path) -> list[str]:
    return [s for fields in pack(brief) for value in fields.values() for s in sentences(value)]


def _blog_points(brief: Path) -> str:
    spec = SectionSpec(kind="blog_outline", index=0)
    return TemplateWriter().write(spec, writer_facts(brief)).fields["outline"]


def test_no_hook_in_any_voice_promises_a_story_or_a_look_behind_the_scenes():
    bank, generic = phrasing(), phrasing().generic
    hooks = [
        *(line for lines in bank.hooks.values() for line in lines),
        *(line for lines in generic.hooks.values() for line in lines),
        *generic.venue.get("hooks", []),
        *generic.care.get("hooks", []),
    ]

    assert not [hook for hook in hooks if PROMISES.search(hook)]


@pytest.mark.parametrize("brief", [SALON, CERAMICS, BOOKKEEPING])
def test_a_packs_hooks_promise_nothing_its_bodies_do_not_give(brief):
    hooks = [fields["hook"] for fields in pack(brief) if "hook" in fields]

    assert hooks
    assert not [hook for hook in hooks if PROMISES.search(hook)]


def test_an_audience_named_by_who_they_are_is_not_made_a_member_nor_a_hashtag():
    said = " ".join(_said(SALON))

    assert slot_values(writer_facts(SALON), 0)["member"] is None
    assert not re.search(r"(?i)\bnew woman\b|how-to for women", said)
    assert "#Women" not in hashtag_pool(writer_facts(SALON))
    assert "women lose" not in _blog_points(SALON).casefold()


def test_an_audience_named_by_a_role_still_has_a_member():
    assert slot_values(writer_facts(CERAMICS), 0)["member"] == "home cook"


@pytest.mark.parametrize(
    ("brief", "kept", "dropped"),
    [(CERAMICS, "#HomeGoods", "SoldOnline"), (BOOKKEEPING, "#BookkeepingServices", "B2B")],
)
def test_hashtags_drop_a_trailing_qualifier_of_the_product_or_industry(brief, kept, dropped):
    pool = hashtag_pool(writer_facts(brief))

    assert kept in pool
    assert not [tag for tag in pool if dropped in tag]


def test_copy_names_the_product_without_how_it_is_sold():
    kinds = ("calendar_entry", "email", "social_post", "landing_page", "ad")
    said = " ".join(value for fields in pack(CERAMICS, kinds=kinds) for value in fields.values())

    assert "handmade ceramic mugs and home goods" in said
    assert "sold online" not in said


@pytest.mark.parametrize("brief", [SALON, CERAMICS, BOOKKEEPING])
def test_no_connective_opens_a_greeting_thanks_an_invitation_or_a_fragment(brief):
    connectives = {c for words in phrasing().connectives.values() for c in words}
    opened = [(c, s) for s in _said(brief) for c in connectives if s.startswith(c + " ")]
    cannot_continue = re.compile(r"(?i)^(thank|thanks|hello|hi|good things|if|when|there is|questions|here is|worth)\b")

    assert not [s for c, s in opened if cannot_continue.search(s[len(c) + 1 :]) or len(s[len(c) + 1 :].split()) < 4]


def test_a_blog_for_a_local_business_asks_no_references_but_one_for_a_b2b_firm_may():
    assert "references" not in _blog_points(SALON)
    assert "Questions to ask references" in phrasing().blog.points_for("proof", "b2b")
    assert "Questions to ask references" not in phrasing().blog.points_for("proof", "local")
