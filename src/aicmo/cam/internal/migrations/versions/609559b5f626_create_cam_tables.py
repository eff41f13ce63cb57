"""create cam tables: campaigns, leads, lead events, outbox

Revision ID: 609559b5f626
Revises:
Create Date: 2026-11-26 03:14:05.236186
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "609559b5f626"
down_revision = None
branch_labels = ("cam",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cam_campaigns",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("icp", sa.JSON(), nullable=False),
        sa.Column("daily_cap", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.Time(), nullable=False),
        sa.Column("window_end", sa.Time(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cam_campaigns")),
        sa.UniqueConstraint("name", name=op.f("uq_cam_campaigns_name")),
    )
    op.create_table(
        "cam_outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(length=120), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("occurred_at", UtcDateTime(), nullable=False),
        sa.Column("correlation_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cam_outbox")),
    )
    with op.batch_alter_table("cam_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cam_outbox_event_type"), ["event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_cam_outbox_occurred_at"), ["occurred_at"], unique=False)

    op.create_table(
        "cam_leads",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("email_key", sa.String(length=320), nullable=False),
        sa.Column("first_name", sa.String(length=200), nullable=True),
        sa.Column("last_name", sa.String(length=200), nullable=True),
        sa.Column("company", sa.String(length=200), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("website", sa.String(length=2000), nullable=True),
        sa.Column("industry", sa.String(length=200), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.Column("company_size", sa.String(length=50), nullable=True),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["cam_campaigns.id"], name=op.f("fk_cam_leads_campaign_id_cam_campaigns")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cam_leads")),
        sa.UniqueConstraint("campaign_id", "email_key", name=op.f("uq_cam_leads_campaign_id")),
    )
    with op.batch_alter_table("cam_leads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cam_leads_campaign_id"), ["campaign_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cam_leads_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_cam_leads_stage"), ["stage"], unique=False)

    op.create_table(
        "cam_lead_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("lead_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["lead_id"], ["cam_leads.id"], name=op.f("fk_cam_lead_events_lead_id_cam_leads")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cam_lead_events")),
    )
    with op.batch_alter_table("cam_lead_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cam_lead_events_lead_id"), ["lead_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cam_lead_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cam_lead_events_lead_id"))

    op.drop_table("cam_lead_events")
    with op.batch_alter_table("cam_leads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cam_leads_stage"))
        batch_op.drop_index(batch_op.f("ix_cam_leads_created_at"))
        batch_op.drop_index(batch_op.f("ix_cam_leads_campaign_id"))

    op.drop_table("cam_leads")
    with op.batch_alter_table("cam_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cam_outbox_occurred_at"))
        batch_op.drop_index(batch_op.f("ix_cam_outbox_event_type"))

    op.drop_table("cam_outbox")
    op.drop_table("cam_campaigns")
