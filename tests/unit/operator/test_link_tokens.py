"""A review link's signed token: it names its link, run, pack digest and end, and nothing forged passes."""

import datetime as dt
import uuid

from aicmo.accounts.api import ReviewLink, ReviewLinkId
from aicmo.operator.web.portal.link_tokens import ReviewLinkTokens

KEY = b"k" * 32
TOKENS = ReviewLinkTokens(KEY)
LINK = ReviewLink(
    link_id=ReviewLinkId.new(),
    run_id=uuid.uuid4(),
    client="Northwind Roasters",
    pack_digest="d1" * 32,
    created_by="op@agency.example",
    created_at=dt.datetime(2027, 1, 11, 9, tzinfo=dt.UTC),
    expires_at=dt.datetime(2027, 1, 18, 9, tzinfo=dt.UTC),
    sent_to=None,
    sent_at=None,
    revoked_at=None,
    decision=None,
    decided_at=None,
    decision_comment=None,
    comments=[],
)


def test_a_token_names_the_link_it_was_made_for_and_matches_it():
    claim = TOKENS.claim(TOKENS.token(LINK))

    assert claim is not None and claim.link_id == LINK.link_id and claim.matches(LINK)


def test_a_token_with_one_character_changed_or_signed_with_another_key_is_worthless():
    token = TOKENS.token(LINK)
    signed, _, signature = token.rpartition(".")
    # the signature's first character: all six of its bits count (the last one's may be padding)
    changed = f"{signed}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"

    assert TOKENS.claim(changed) is None
    assert TOKENS.claim(ReviewLinkTokens(b"other" * 8).token(LINK)) is None
    assert TOKENS.claim("") is None and TOKENS.claim("not-a-token") is None


def test_a_token_no_longer_matches_once_the_pack_changed_or_the_link_was_given_another_end():
    claim = TOKENS.claim(TOKENS.token(LINK))

    assert not claim.matches(LINK.model_copy(update={"pack_digest": "e2" * 32}))
    assert not claim.matches(LINK.model_copy(update={"expires_at": LINK.expires_at + dt.timedelta(days=1)}))
    assert not claim.matches(LINK.model_copy(update={"run_id": uuid.uuid4()}))


def test_a_link_token_is_not_accepted_as_a_form_token_nor_the_reverse():
    token = TOKENS.token(LINK)
    form = TOKENS.form_token(token)

    assert TOKENS.form_is_genuine(token, form)
    assert TOKENS.claim(form) is None and not TOKENS.form_is_genuine(token, token)


def test_a_form_token_of_another_link_or_none_at_all_is_refused():
    token = TOKENS.token(LINK)
    other = TOKENS.token(LINK.model_copy(update={"link_id": ReviewLinkId.new()}))

    assert not TOKENS.form_is_genuine(token, TOKENS.form_token(other))
    assert not TOKENS.form_is_genuine(token, None) and not TOKENS.form_is_genuine(token, "")
