"""Emails of a sequence: a subject written to fit 60 characters, a preview, a greeting,
a body of 80-150 words built from the role's moves, one CTA and a sign-off."""

from __future__ import annotations

from aicmo.creatives.api.sections import EmailCopy
from aicmo.creatives.internal.composer import Composer
from aicmo.platform.templating import sentences, word_count

MIN_WORDS = 85
MAX_WORDS = 150


def _role(c: Composer) -> str:
    """The email's role in the sequence; one whose facts the brief lacks gives way to how-to.

    The welcome (story) and the closing offer email need no fact: they are written from what the brief has.
    """
    roles = c.data.email.roles
    role = c.spec.role if c.spec.role in roles else roles[c.spec.index % len(roles)]
    return role if role in ("story", "offer") or c.has_facts_for(role) else "how_to"


def _wording(c: Composer, role: str) -> str:
    """Whose subjects, previews and openers the email takes: its voice's when it writes to job seekers or existing
    customers, since the roles' own welcome newcomers."""
    return c.voice if c.to_people else role


def _body(c: Composer, role: str, disclaimer: str) -> str:
    email = c.data.email
    moves = c.data.roles[role].moves
    parts = [c.pick(email.openers[_wording(c, role)], f"email.opener.{role}") or ""]
    for move in [*moves, "mechanism", "outcome", "story", "proof"]:
        if word_count(" ".join([*parts, disclaimer])) >= MIN_WORDS:
            break
        if text := c.move(move, joined=True):
            parts.append(text)
    fillers = c.generic_lines("email_fillers")
    for _ in fillers:
        if word_count(" ".join([*parts, disclaimer])) >= MIN_WORDS:
            break
        if (text := c.pick(fillers, "email.filler", joined=True)) is None:
            break
        parts.append(text)
    kept = sentences(" ".join(p for p in parts if p))
    while word_count(" ".join([*kept, disclaimer])) > MAX_WORDS and len(kept) > 3:
        kept.pop()
    first, rest = kept[:2], kept[2:]
    paragraphs = [
        " ".join(first),
        " ".join(rest[: len(rest) // 2 + 1]),
        " ".join(rest[len(rest) // 2 + 1 :]),
        disclaimer,
    ]
    return "\n\n".join(p for p in paragraphs if p)


def write_email(c: Composer) -> EmailCopy:
    email = c.data.email
    role = _role(c)
    c.acts_now = role == "offer"
    limits = c.data.limits
    wording = _wording(c, role)
    subject = c.pick(email.subjects[wording], f"email.subject.{wording}", fits=limits.subject, reuse=True)
    subject = (
        subject
        or c.pick(email.subjects["story"], "email.subject.story", fits=limits.subject, reuse=True)
        or c.facts.brand.text
    )
    preview = (
        c.pick(email.previews[wording], f"email.preview.{wording}", fits=limits.preview, reuse=True)
        or "A short note from us."
    )
    closings, seed = email.closings_for(c.facts.tone), len(c.facts.brand.text)
    c.new_part()  # the body may tell what the subject and preview only announced
    return EmailCopy(
        subject=subject.rstrip("."),
        preview=preview,
        greeting=email.greetings[c.spec.index % len(email.greetings)],
        body=_body(c, role, c.disclaimer()),
        cta=c.cta(),
        signoff=f"{closings[seed % len(closings)]}\n{c.fill(email.signers[seed % len(email.signers)])}",
    )
