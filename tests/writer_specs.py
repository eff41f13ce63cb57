"""What the model writers' tests ask for: a brief's typed facts (one of them holding a banned
word, so not to be built on) and the first email of a run's pack."""

from aicmo.creatives.api import BriefFacts, Fact, FactForm, SectionSpec

FACTS = BriefFacts(
    brand=Fact(text="Northwind Roasters", form=FactForm.NAME),
    industry=Fact(text="Specialty coffee"),
    product=Fact(text="Single-origin coffee subscriptions", plural=True),
    audience=Fact(text="Home brewers", plural=True),
    audience_core=Fact(text="home brewers", plural=True),
    proof=[Fact(text="Rated 4.9 from 310 Google reviews", form=FactForm.QUOTE)],
    objections=[Fact(text="Cheap beans taste the same", form=FactForm.SENTENCE, banned=True)],
    banned_words=["cheap"],
    disclaimers=["Free bag for new subscribers only."],
)
EMAIL = SectionSpec(kind="email", platform="email", index=0, needs_disclaimer=True, request_key="run-1:generate_pack:1")
