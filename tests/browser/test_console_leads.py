"""An operator works through the leads in the console: the dashboard's funnel, the leads table
paged by its Next link, narrowed by a search and a score range (HTMX swaps the table; a wrong
score is named beside its field), a lead's timeline, and pausing its campaign. Each page is
saved as a screenshot beside the test's files."""

import re

import pytest

from aicmo.accounts.api import Actor, Channel, Role
from aicmo.cam.api import IcpRules, NewCampaign
from aicmo.orchestration.composition import bootstrap
from tests.browser.signing_in import sign_in_page
from tests.e2e.serve import aicmo_serve

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.slow]
PASSWORD = "correct horse battery"
LEADS = 1_000
TITLES = ("CMO", "Head of Marketing", "Founder", "Engineer")


def leads_csv() -> bytes:
    rows = ["email,first name,last name,company,title,industry"]
    for n in range(LEADS):
        rows.append(f"ana{n:04d}@roastery{n % 97}.example,Ana,Silva {n},Roastery {n % 97},{TITLES[n % 4]},Coffee")
    return ("\r\n".join(rows) + "\r\n").encode()


def test_an_operator_pages_filters_and_opens_the_leads(sqlite_settings, tmp_path, chromium):
    with bootstrap(sqlite_settings, launch_durable=False) as app:
        app.accounts.create_user("op@agency.example", Role.OPERATOR, PASSWORD, Actor(who="test", channel=Channel.CLI))
        app.campaigns.create(NewCampaign(name="Coffee brands", icp=IcpRules(industries=["Coffee"], titles=["CMO"])))
        app.leads.import_csv("Coffee brands", leads_csv(), "leads.csv")
    shots = tmp_path / "screenshots"

    with aicmo_serve(sqlite_settings, tmp_path / "serve.log") as base:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(60_000)
        blocked = []
        page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(f"{base}/login")
        page.fill("#email", "op@agency.example")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/")
        page.screenshot(path=shots / "1-dashboard.png", full_page=True)
        assert "Leads by stage: new 1,000" in page.locator("svg.funnel title").text_content()

        page.get_by_role("link", name="Leads", exact=True).first.click()
        page.wait_for_url(f"{base}/cam/leads")
        first = page.locator("table.leads tbody tr").first.inner_text()
        page.screenshot(path=shots / "2-leads-first-page.png", full_page=True)
        assert page.locator("table.leads tbody tr").count() == 50 and "1,000 leads match" in page.content()

        page.click("#next-page")
        page.wait_for_url(re.compile(r".*cursor=.*"))
        page.wait_for_function("document.querySelector('table.leads tbody tr') !== null")
        page.screenshot(path=shots / "3-leads-second-page.png", full_page=True)
        assert page.locator("table.leads tbody tr").first.inner_text() != first
        assert page.get_by_role("link", name="« First page").count() == 1

        page.fill("#q", "roastery42.")
        page.wait_for_url(re.compile(r".*q=roastery42.*"))
        page.wait_for_function(
            "[...document.querySelectorAll('table.leads td:nth-child(3)')].every(c => c.textContent === 'Roastery 42')"
        )
        page.fill("#min_score", "lots")
        page.locator("#min_score").dispatch_event("change")
        page.wait_for_selector("#error-min_score:not(:empty)")
        page.screenshot(path=shots / "4-leads-wrong-score.png", full_page=True)
        assert "A whole number from 0 to 100" in page.locator("#error-min_score").inner_text()

        page.fill("#min_score", "50")
        page.locator("#min_score").dispatch_event("change")
        page.wait_for_selector("#error-min_score:empty", state="attached")
        page.wait_for_function("document.querySelector('table.leads') !== null")
        page.screenshot(path=shots / "5-leads-searched-and-scored.png", full_page=True)
        scores = [int(text.split()[0]) for text in page.locator("table.leads td.num").all_inner_texts()]
        assert scores and min(scores) >= 50 and f"{len(scores)} lead" in page.locator(".table-summary").inner_text()

        page.locator("table.leads tbody a").first.click()
        page.wait_for_url(re.compile(r".*/cam/leads/[0-9a-f-]+$"))
        page.screenshot(path=shots / "6-lead-timeline.png", full_page=True)
        assert "imported" in page.locator("table").last.inner_text()

        page.locator(".crumbs a", has_text="Coffee brands").click()
        page.click("#pause")
        page.wait_for_selector("#resume")
        page.screenshot(path=shots / "7-campaign-paused.png", full_page=True)

        page.get_by_role("link", name="Campaigns", exact=True).first.click()
        page.screenshot(path=shots / "8-campaigns.png", full_page=True)
        assert "paused" in page.locator("table.counts tbody tr").first.inner_text()
        page.get_by_role("link", name="Replies", exact=True).first.click()
        page.screenshot(path=shots / "9-replies-queue.png", full_page=True)
        assert "Nothing waits for review" in page.content()
        assert blocked == []


LONG = (
    "maximilian.vandenberghe{n}@specialty-coffee-roasters-international.example.com,Maximilian,"
    "Vandenberghe-Oosterhuis,Specialty Coffee Roasters International Holdings {n},CMO,Coffee"
)
FITS = """() => {
  const card = document.querySelector("#leads-table").getBoundingClientRect();
  const added = document.querySelector("table.leads td:last-child");
  return {
    page: document.documentElement.scrollWidth, window: window.innerWidth,
    table: document.querySelector("table.leads").getBoundingClientRect().right, card: card.right,
    added: added.getBoundingClientRect().right, addedCut: added.scrollWidth > added.clientWidth,
  };
}"""


@pytest.mark.parametrize("width", [1024, 1280])
def test_the_leads_table_fits_its_card_and_the_page_never_scrolls_sideways(sqlite_settings, tmp_path, chromium, width):
    rows = ["email,first name,last name,company,title,industry", *(LONG.format(n=n) for n in range(30))]
    with bootstrap(sqlite_settings, launch_durable=False) as app:
        app.accounts.create_user("op@agency.example", Role.OPERATOR, PASSWORD, Actor(who="test", channel=Channel.CLI))
        app.campaigns.create(NewCampaign(name="Specialty coffee roasters in the Benelux region"))
        app.leads.import_csv("Specialty coffee roasters in the Benelux region", "\n".join(rows).encode(), "leads.csv")

    with aicmo_serve(sqlite_settings, tmp_path / "serve.log") as base:
        page = chromium.new_page(viewport={"width": width, "height": 800})
        sign_in_page(page, base, "op@agency.example")
        page.goto(f"{base}/cam/leads")
        page.screenshot(path=tmp_path / "screenshots" / f"leads-{width}.png", full_page=True)
        measured = page.evaluate(FITS)

    assert measured["page"] <= measured["window"], f"the page scrolls sideways: {measured}"
    assert measured["table"] <= measured["card"] and measured["added"] <= measured["card"], measured
    assert not measured["addedCut"], f"the date a lead was added is cut off: {measured}"
