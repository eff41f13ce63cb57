"""create production tables

Revision ID: f0b4f10e1bfb
Revises:
Create Date: 2026-11-26 02:19:33.883546
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "f0b4f10e1bfb"
down_revision = None
branch_labels = ("production",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "production_outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(length=120), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("occurred_at", UtcDateTime(), nullable=False),
        sa.Column("correlation_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_production_outbox")),
    )
    with op.batch_alter_table("production_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_production_outbox_event_type"), ["event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_production_outbox_status"), ["status"], unique=False)

    op.create_table(
        "production_packs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("client_name", sa.String(length=200), nullable=False),
        sa.Column("brief_version_id", sa.Uuid(), nullable=False),
        sa.Column("strategy_version_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("discarded_at", UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_production_packs")),
    )
    with op.batch_alter_table("production_packs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_production_packs_brief_version_id"), ["brief_version_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_production_packs_strategy_version_id"), ["strategy_version_id"], unique=False
        )

    op.create_table(
        "production_items",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("pack_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=40), nullable=True),
        sa.Column("scheduled_on", sa.Date(), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pack_id"], ["production_packs.id"], name=op.f("fk_production_items_pack_id_production_packs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_production_items")),
    )
    with op.batch_alter_table("production_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_production_items_pack_id"), ["pack_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("production_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_production_items_pack_id"))

    op.drop_table("production_items")
    with op.batch_alter_table("production_packs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_production_packs_strategy_version_id"))
        batch_op.drop_index(batch_op.f("ix_production_packs_brief_version_id"))

    op.drop_table("production_packs")
    with op.batch_alter_table("production_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_production_outbox_status"))
        batch_op.drop_index(batch_op.f("ix_production_outbox_event_type"))

    op.drop_table("production_outbox")
