"""leads found by campaign through the unique key

Revision ID: 19a5682505c3
Revises: c3c4a4bacb0c
Create Date: 2026-11-26 22:42:44.061272
"""

from alembic import op


revision = "19a5682505c3"
down_revision = "c3c4a4bacb0c"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cam_leads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cam_leads_campaign_id"))


def downgrade() -> None:
    with op.batch_alter_table("cam_leads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cam_leads_campaign_id"), ["campaign_id"], unique=False)
