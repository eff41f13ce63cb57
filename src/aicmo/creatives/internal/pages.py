"""The landing page (hero, proof, offer, FAQ from the objections, CTA) and the blog outline
(a title and 4-6 sections of 2-3 points each, drawn from the brief)."""

from __future__ import annotations

from aicmo.creatives.api.sections import BlogOutlineCopy, LandingPageCopy, OutlineSection
from aicmo.creatives.internal.composer import Composer
from aicmo.creatives.internal.slots import as_sentence, capitalised, slot_values
from aicmo.creatives.internal.phrasing import VoiceOutline
from aicmo.platform.templating import fillable, lower_first


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {capitalised(line)}" for line in lines)


def _offer_lines(c: Composer) -> list[str]:
    lines = []
    for offer in c.facts.offers:
        if offer.name.banned:
            continue
        usable = [f.text for f in (offer.usp, offer.price) if f is not None and not f.banned]
        lines.append(" — ".join([offer.name.text, *(lower_first(u) if i == 0 else u for i, u in enumerate(usable))]))
    current = c.facts.current_offer
    if current and not current.banned and not c.to_people:
        lines.append(f"For newcomers: {lower_first(current.text)}")
    return lines or [f"{capitalised(c.values['product'])}: ask us what is included and what it costs"]


def _faq(c: Composer, proof_shown: bool) -> str:
    """Each objection answered from the brief, by what it is about, without repeating the proof
    the page already lists."""
    pairs = []
    objections = [] if c.to_people else [o for o in c.facts.objections if not o.banned]
    for n, objection in enumerate(objections):
        c.new_part()
        if proof_shown:
            c.shows("proof")
        values = slot_values(c.facts, n)
        saved = c.values
        c.values = values
        answers = c.data.landing.faq_answers
        topic = c.data.landing.topic_of(objection.text)
        answer = c.pick(answers.get(topic, []), f"landing.faq.{topic}") or c.pick(
            answers["general"], "landing.faq", reuse=True
        )
        c.values = saved
        pairs.append((f"“{as_sentence(objection.text)}”", answer or "Ask us about it directly."))
    for question, answer in c.data.landing.faq_generic[c.voice]:
        if len(pairs) >= 3:
            break
        pairs.append((c.fill(question), c.fill(answer)))
    return "\n\n".join(f"Q: {q}\nA: {a}" for q, a in pairs)


def write_landing_page(c: Composer) -> LandingPageCopy:
    landing = c.data.landing
    proof = [p.text for p in c.facts.proof if not p.banned]
    cta = c.cta()
    disclaimer = c.disclaimer()
    metas = landing.voice_metas.get(c.voice, landing.metas)
    meta = c.pick(metas, "landing.meta", fits=c.data.limits.meta_description, reuse=True)
    heroes, subheads = (c.generic_lines("hooks"), []) if c.to_people else (landing.heroes, landing.subheads)
    return LandingPageCopy(
        hero=(c.pick(heroes, "landing.hero", reuse=True) or c.facts.brand.text).rstrip("."),
        subhead=c.pick(subheads, "landing.subhead", reuse=True) or c.body(["mechanism"], most=1),
        proof=_bullets(proof),
        offer=_bullets(_offer_lines(c)),
        faq=_faq(c, bool(proof)),
        cta=f"{cta}\n\n{disclaimer}" if disclaimer else cta,
        meta_description=meta or c.facts.brand.text,
    )


def _offer_points(c: Composer, heading: str) -> list[str]:
    """What each offer does, beside its name; under a heading that names one offer, that offer's facts alone,
    so no offer is credited with another's."""
    offers = [offer for offer in c.facts.offers if not offer.name.banned]
    named = [offer for offer in offers if offer.name.text in heading]
    if named:
        return [f.text for f in (named[0].usp, named[0].price) if f is not None and not f.banned]
    return [
        f"{offer.name.text}: {lower_first(offer.usp.text)}" if offer.usp and not offer.usp.banned else offer.name.text
        for offer in offers
    ]


def _points(c: Composer, section: str, heading: str) -> list[str]:
    points = _brief_points(c, section, heading)
    while len(points) < 2 and (
        generic := c.pick(c.data.blog.points_for(section, c.facts.market), f"blog.point.{section}")
    ):
        points.append(generic)
    return points


def _brief_points(c: Composer, section: str, heading: str) -> list[str]:
    """Up to three of the brief's facts for an outline section, free of banned words."""
    facts = c.facts
    from_brief = {
        "problem": [p.text for p in facts.pain_points if not p.banned],
        "outcome": [o.text for o in facts.desired_outcomes if not o.banned],
        "objections": [f"“{o.text}”" for o in facts.objections if not o.banned],
        "approach": _offer_points(c, heading),
        "proof": [p.text for p in facts.proof if not p.banned],
        "next": [facts.current_offer.text] if facts.current_offer and not facts.current_offer.banned else [],
    }[section]
    return [capitalised(p) for p in from_brief if c.clean(p)][:3]


def _voice_outline(c: Composer, outline: VoiceOutline, disclaimer: str) -> BlogOutlineCopy:
    """An outline for job seekers or existing customers: the brief's facts where a section takes two, else its own
    points."""
    sections = []
    for section in outline.sections:
        heading = c.fill(section.heading)
        from_brief = _brief_points(c, section.facts, heading) if section.facts else []
        own = [c.fill(p) for p in section.points if fillable(p, c.values) and c.clean(c.fill(p))]
        points = from_brief if len(from_brief) >= 2 else own
        if len(points) >= 2:
            sections.append(OutlineSection(heading=heading, points=points[:3]))
    limit = c.data.limits.meta_description
    return BlogOutlineCopy(
        title=(c.pick(outline.titles, "blog.title", reuse=True) or c.facts.brand.text).rstrip("."),
        sections=sections,
        meta_description=c.pick(outline.metas, "blog.meta", fits=limit, reuse=True) or c.facts.brand.text,
        disclaimer=disclaimer,
    )


def write_blog_outline(c: Composer) -> BlogOutlineCopy:
    blog = c.data.blog
    if outline := blog.voices.get(c.voice):
        return _voice_outline(c, outline, c.disclaimer())
    headings = {
        name: (c.pick(blog.headings[name], f"blog.{name}", reuse=True) or capitalised(name)).rstrip(".")
        for name in ("problem", "outcome", "objections", "approach", "proof", "next")
    }
    sections = [OutlineSection(heading=heading, points=_points(c, name, heading)) for name, heading in headings.items()]
    return BlogOutlineCopy(
        title=(c.pick(blog.titles, "blog.title", reuse=True) or c.facts.brand.text).rstrip("."),
        sections=sections,
        meta_description=c.pick(blog.metas, "blog.meta", fits=c.data.limits.meta_description, reuse=True)
        or c.facts.brand.text,
        disclaimer=c.disclaimer(),
    )
