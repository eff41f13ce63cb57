"""outreach: sequence steps, sends, suppressions

Revision ID: f2fd3365084f
Revises: 641f8a5250ad
Create Date: 2026-11-26 03:58:53.325822
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "f2fd3365084f"
down_revision = "641f8a5250ad"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cam_suppressions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("value", sa.String(length=320), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cam_suppressions")),
        sa.UniqueConstraint("value", name=op.f("uq_cam_suppressions_value")),
    )
    op.create_table(
        "cam_sequence_steps",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("delay_days", sa.Integer(), nullable=False),
        sa.Column("variants", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["cam_campaigns.id"], name=op.f("fk_cam_sequence_steps_campaign_id_cam_campaigns")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cam_sequence_steps")),
        sa.UniqueConstraint("campaign_id", "position", name=op.f("uq_cam_sequence_steps_campaign_id")),
    )
    with op.batch_alter_table("cam_sequence_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cam_sequence_steps_campaign_id"), ["campaign_id"], unique=False)

    op.create_table(
        "cam_sends",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("lead_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("variant", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("message_id", sa.String(length=300), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["lead_id"], ["cam_leads.id"], name=op.f("fk_cam_sends_lead_id_cam_leads")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cam_sends")),
        sa.UniqueConstraint("lead_id", "position", name=op.f("uq_cam_sends_lead_id")),
    )
    with op.batch_alter_table("cam_sends", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cam_sends_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_cam_sends_campaign_id"), ["campaign_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cam_sends_lead_id"), ["lead_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cam_sends", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cam_sends_lead_id"))
        batch_op.drop_index(batch_op.f("ix_cam_sends_campaign_id"))
        batch_op.drop_index(batch_op.f("ix_cam_sends_at"))

    op.drop_table("cam_sends")
    with op.batch_alter_table("cam_sequence_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cam_sequence_steps_campaign_id"))

    op.drop_table("cam_sequence_steps")
    op.drop_table("cam_suppressions")
