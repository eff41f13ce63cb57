"""create onboarding tables

Revision ID: 57fd10a90500
Revises:
Create Date: 2026-11-26 02:19:31.615326
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "57fd10a90500"
down_revision = None
branch_labels = ("onboarding",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "onboarding_intakes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("client_name", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_onboarding_intakes")),
    )
    with op.batch_alter_table("onboarding_intakes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_onboarding_intakes_client_name"), ["client_name"], unique=False)

    op.create_table(
        "onboarding_outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(length=120), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("occurred_at", UtcDateTime(), nullable=False),
        sa.Column("correlation_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_onboarding_outbox")),
    )
    with op.batch_alter_table("onboarding_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_onboarding_outbox_event_type"), ["event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_onboarding_outbox_status"), ["status"], unique=False)

    op.create_table(
        "onboarding_briefs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("intake_id", sa.Uuid(), nullable=False),
        sa.Column("client_key", sa.String(length=200), nullable=False),
        sa.Column("client_name", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("archived_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["intake_id"], ["onboarding_intakes.id"], name=op.f("fk_onboarding_briefs_intake_id_onboarding_intakes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_onboarding_briefs")),
        sa.UniqueConstraint("client_key", name=op.f("uq_onboarding_briefs_client_key")),
    )
    op.create_table(
        "onboarding_brief_versions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("brief_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["brief_id"], ["onboarding_briefs.id"], name=op.f("fk_onboarding_brief_versions_brief_id_onboarding_briefs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_onboarding_brief_versions")),
        sa.UniqueConstraint("brief_id", "version", name=op.f("uq_onboarding_brief_versions_brief_id")),
    )
    with op.batch_alter_table("onboarding_brief_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_onboarding_brief_versions_brief_id"), ["brief_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("onboarding_brief_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_onboarding_brief_versions_brief_id"))

    op.drop_table("onboarding_brief_versions")
    op.drop_table("onboarding_briefs")
    with op.batch_alter_table("onboarding_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_onboarding_outbox_status"))
        batch_op.drop_index(batch_op.f("ix_onboarding_outbox_event_type"))

    op.drop_table("onboarding_outbox")
    with op.batch_alter_table("onboarding_intakes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_onboarding_intakes_client_name"))

    op.drop_table("onboarding_intakes")
