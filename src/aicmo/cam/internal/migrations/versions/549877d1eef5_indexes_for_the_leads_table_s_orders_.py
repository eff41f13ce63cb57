"""indexes for the leads table's orders, its text search and the funnel

Revision ID: 549877d1eef5
Revises: 19a5682505c3
Create Date: 2026-11-26 22:43:00.056501
"""

from alembic import op


revision = "549877d1eef5"
down_revision = "19a5682505c3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cam_leads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cam_leads_created_at"))
        batch_op.drop_index(batch_op.f("ix_cam_leads_stage"))
        batch_op.create_index(
            "ix_cam_leads_created_at_id_search", ["created_at", "id", "email_key", "company"], unique=False
        )
        batch_op.create_index("ix_cam_leads_score_id_search", ["score", "id", "email_key", "company"], unique=False)
        batch_op.create_index(
            "ix_cam_leads_stage_created_at_id_score",
            ["stage", "created_at", "id", "score", "campaign_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("cam_leads", schema=None) as batch_op:
        batch_op.drop_index("ix_cam_leads_stage_created_at_id_score")
        batch_op.drop_index("ix_cam_leads_score_id_search")
        batch_op.drop_index("ix_cam_leads_created_at_id_search")
        batch_op.create_index(batch_op.f("ix_cam_leads_stage"), ["stage"], unique=False)
        batch_op.create_index(batch_op.f("ix_cam_leads_created_at"), ["created_at"], unique=False)
