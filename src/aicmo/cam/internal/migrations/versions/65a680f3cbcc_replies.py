"""replies

Revision ID: 65a680f3cbcc
Revises: f2fd3365084f
Create Date: 2026-11-26 04:00:18.460979
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "65a680f3cbcc"
down_revision = "f2fd3365084f"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cam_replies",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("lead_id", sa.Uuid(), nullable=False),
        sa.Column("message_id", sa.String(length=300), nullable=False),
        sa.Column("sender", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("snippet", sa.Text(), nullable=False),
        sa.Column("classification", sa.String(length=20), nullable=False),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("received_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["lead_id"], ["cam_leads.id"], name=op.f("fk_cam_replies_lead_id_cam_leads")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cam_replies")),
        sa.UniqueConstraint("message_id", name=op.f("uq_cam_replies_message_id")),
    )
    with op.batch_alter_table("cam_replies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cam_replies_classification"), ["classification"], unique=False)
        batch_op.create_index(batch_op.f("ix_cam_replies_lead_id"), ["lead_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cam_replies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cam_replies_lead_id"))
        batch_op.drop_index(batch_op.f("ix_cam_replies_classification"))

    op.drop_table("cam_replies")
