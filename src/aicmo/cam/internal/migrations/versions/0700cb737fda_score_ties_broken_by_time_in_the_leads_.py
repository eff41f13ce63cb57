"""score ties broken by time in the leads index

Revision ID: 0700cb737fda
Revises: 549877d1eef5
Create Date: 2026-11-26 23:49:03.845832
"""

from alembic import op


revision = "0700cb737fda"
down_revision = "549877d1eef5"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cam_leads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cam_leads_score_id_search"))
        batch_op.create_index(
            "ix_cam_leads_score_created_at_id_search",
            ["score", "created_at", "id", "email_key", "company"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("cam_leads", schema=None) as batch_op:
        batch_op.drop_index("ix_cam_leads_score_created_at_id_search")
        batch_op.create_index(
            batch_op.f("ix_cam_leads_score_id_search"), ["score", "id", "email_key", "company"], unique=False
        )
