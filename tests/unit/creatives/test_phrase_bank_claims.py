"""The phrase bank says nothing about a client's business that no brief said: its lines read the
same for every client, so history, hours, staff, terms, free offers, durations, guarantees or
outcomes in them would reach a client's audience unchecked."""

from pathlib import Path

import pytest
import yaml

from aicmo.creatives.internal.phrasing import Phrasing, invented_claims, phrasing

BANK = Path(__file__).parents[3] / "src/aicmo/creatives/internal/phrasing.yaml"

INVENTED_CLAIMS = [
    ("hooks.story", "What we learned in our first year."),
    ("generic.moves.awareness", "We have been part of {place} for years, and it shows."),
    ("generic.moves.awareness", "The recipe has not changed in years, and that is the point."),
    ("generic.moves.awareness", "Our day starts before sunrise, so yours can start well."),
    ("generic.moves.awareness", "Every day starts with the same ritual, and we never skip it."),
    ("generic.moves.awareness", "Everything is done fresh, in small batches, every day."),
    ("generic.moves.awareness", "We are open early and stay open late."),
    ("generic.email_fillers.awareness", "Our doors open early, and the first hour is the best one."),
    ("generic.moves.awareness", "We save the best seats for the early birds."),
    ("generic.moves.leads", "Early mornings and late afternoons are available."),
    ("generic.moves.leads", "Our team is small, and you will know every name."),
    ("generic.moves.awareness", "We know most of our regulars by name."),
    ("generic.moves.sales", "You are never locked in."),
    ("generic.moves.sales", "Changing your mind is easy, and free."),
    ("generic.moves.sales", "You can pause or change your plan whenever you like."),
    ("generic.moves.sales", "There is no long contract, just good reasons to stay."),
    ("generic.moves.leads", "The first conversation is free and without obligation."),
    ("generic.moves.sales", "It takes two minutes to sign up and no effort to keep going."),
    ("generic.moves.sales", "We check every detail before it reaches you."),
    ("generic.moves.b2b", "Training takes an afternoon, not a week."),
    ("generic.moves.b2b", "Setup takes days, not months, and your team keeps working while it happens."),
    ("generic.moves.b2b", "Teams usually see the difference within the first month."),
    ("generic.moves.b2b", "Every customer gets a named contact who knows their setup."),
    ("generic.moves.b2b", "Support is handled by people who know finance and operations."),
    ("generic.moves.leads", "A reminder arrives the day before, so nothing is missed."),
    ("generic.moves.leads", "Appointments run on time, because your day matters."),
    ("generic.moves.sales", "Most customers start small and stay for years."),
    ("ctas.local.leads", "Book a free first conversation"),
    ("landing.faq_answers.general", "We hear it often. {current_offer_cap}, guaranteed."),
    ("hooks.objection", "Someone asked us this last week: “{objection}”"),
    ("moves.proof", "Our clients keep saying it, and the record agrees: {proof_line}."),
    ("hooks.proof", "Our clients said it first: {proof_line}."),
    ("moves.problem", "We hear it every week: {pain_clause}."),
    ("hooks.contrast", "We keep hearing that {pain_clause}. Let us change that."),
    ("email.previews.proof", "What our clients found."),
    ("ads.primary_texts", "“{objection}” Fair question. Here is the honest answer: {proof_line}."),
    ("moves.answer", "You are right to ask."),
    ("moves.problem", "Here is what {audience} tell us: {pain_clause}."),
    ("moves.mechanism", "The part people like most about the {offer}: {usp}."),
    ("moves.mechanism", "People pick the {offer} for one reason: {usp}."),
]
"""Claims the bank once made about every client alike, and where: none may come back."""


def _planted(where: str, line: str) -> dict:
    bank = phrasing().model_dump(mode="json")
    *path, last = where.split(".")
    pool = bank
    for key in path:
        pool = pool[key]
    pool[last].append(line)
    return bank


def test_no_line_of_the_shipped_phrase_bank_claims_what_no_brief_said():
    bank = yaml.safe_load(BANK.read_text(encoding="utf-8"))

    assert invented_claims(bank) == []


@pytest.mark.parametrize(("where", "line"), INVENTED_CLAIMS)
def test_the_phrase_bank_refuses_a_line_that_claims_what_no_brief_said(where, line):
    with pytest.raises(ValueError, match="claim what no brief said") as refused:
        Phrasing.model_validate(_planted(where, line))

    assert repr(line) in str(refused.value)


@pytest.mark.parametrize(
    ("where", "line"),
    [("generic.moves.b2b", "Tell us how your team does it."), ("moves.offer", "Worth a look: {current_offer}.")],
)
def test_an_invitation_or_a_frame_for_a_brief_fact_is_accepted_whatever_the_fact_says(where, line):
    bank = Phrasing.model_validate(_planted(where, line))

    assert line in bank.model_dump_json()
