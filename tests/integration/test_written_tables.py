import pytest

from aicmo.platform.db.ownership import written_tables


@pytest.mark.parametrize(
    ("sql", "tables"),
    [
        ("SELECT * FROM onboarding_briefs", []),
        ("INSERT INTO onboarding_briefs (id) VALUES (?)", ["onboarding_briefs"]),
        ('insert into "public"."Strategy_Versions" values (1)', ["strategy_versions"]),
        ("UPDATE qc_runs SET score = 1", ["qc_runs"]),
        ("  delete   from\n delivery_packages where 1", ["delivery_packages"]),
        ("INSERT OR REPLACE INTO cam_leads VALUES (1)", ["cam_leads"]),
        ("REPLACE INTO cam_leads VALUES (1)", ["cam_leads"]),
        ("TRUNCATE TABLE qc_findings", ["qc_findings"]),
        ("DROP TABLE IF EXISTS qc_findings", ["qc_findings"]),
        ("ALTER TABLE qc_runs ADD COLUMN x INT", ["qc_runs"]),
        ("MERGE INTO cam_leads USING x ON 1=1", ["cam_leads"]),
        ("WITH gone AS (SELECT 1) DELETE FROM qc_runs", ["qc_runs"]),
        ("UPDATE qc_runs SET a = 1; DELETE FROM qc_findings", ["qc_runs", "qc_findings"]),
    ],
)
def test_the_written_table_is_read_from_the_sql(sql, tables):
    assert written_tables(sql) == tables
