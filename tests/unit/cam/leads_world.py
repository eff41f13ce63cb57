"""CAM's lead pipeline booted on its fake unit of work: a campaign, leads imported from a CSV
as an operator imports them, and what the console and the CLI read back. No database."""

from __future__ import annotations

from aicmo.cam.api import IcpRules, LeadPage, LeadPipeline, LeadQuery, NewCampaign
from tests.unit.app import TestApp, bootstrap_test_app

CAMPAIGN = "Coffee"
ICP = IcpRules(industries=["Coffee"])


def booted() -> TestApp:
    """The application on fakes, with the campaign `CAMPAIGN`, which favours coffee roasters."""
    app = bootstrap_test_app()
    app.modules.campaigns.create(NewCampaign(name=CAMPAIGN, icp=ICP))
    return app


def csv_of(*rows: str, header: str = "email,company,industry") -> bytes:
    return "".join(f"{line}\n" for line in (header, *rows)).encode()


def every_page(leads: LeadPipeline, query: LeadQuery) -> tuple[list[str], list[LeadPage]]:
    """The addresses of every page, following each page's Next cursor from the first, and the pages."""
    seen: list[str] = []
    pages: list[LeadPage] = []
    while True:
        page = leads.page(query)
        pages.append(page)
        seen += [lead.email for lead in page.leads]
        if page.next_cursor is None:
            return seen, pages
        query = query.model_copy(update={"cursor": page.next_cursor})
