"""An import's leads keep the file's order in the leads table, also among leads of one score."""

from pathlib import Path

from aicmo.cam.api import IcpRules, LeadQuery, LeadSort, NewCampaign
from aicmo.orchestration.composition import bootstrap
from aicmo.platform.settings import Settings

ROWS = [f"lead{n}@roastery.example" for n in range(7)]


def test_newest_first_and_equal_scores_list_the_files_last_row_first(tmp_path: Path):
    csv = ("email,company\n" + "".join(f"{email},Roastery\n" for email in ROWS)).encode()
    with bootstrap(Settings(home=tmp_path / "home"), launch_durable=False) as app:
        app.campaigns.create(NewCampaign(name="Coffee", icp=IcpRules(industries=["Coffee"])))
        app.leads.import_csv("Coffee", csv, "leads.csv")

        def emails(sort: LeadSort) -> list[str]:
            seen, cursor = [], None
            while True:
                page = app.leads.page(LeadQuery(campaign="Coffee", sort=sort, limit=3, cursor=cursor))
                seen += [lead.email for lead in page.leads]
                if (cursor := page.next_cursor) is None:
                    return seen

        assert emails(LeadSort.NEWEST) == ROWS[::-1]
        assert emails(LeadSort.OLDEST) == ROWS
        assert emails(LeadSort.SCORE_HIGH) == ROWS[::-1]
        assert emails(LeadSort.SCORE_LOW) == ROWS
