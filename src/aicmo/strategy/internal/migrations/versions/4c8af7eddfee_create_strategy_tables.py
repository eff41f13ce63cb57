"""create strategy tables

Revision ID: 4c8af7eddfee
Revises:
Create Date: 2026-11-26 02:19:32.676064
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "4c8af7eddfee"
down_revision = None
branch_labels = ("strategy",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "strategy_documents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("brief_id", sa.Uuid(), nullable=False),
        sa.Column("client_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strategy_documents")),
        sa.UniqueConstraint("brief_id", name=op.f("uq_strategy_documents_brief_id")),
    )
    op.create_table(
        "strategy_outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(length=120), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("occurred_at", UtcDateTime(), nullable=False),
        sa.Column("correlation_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strategy_outbox")),
    )
    with op.batch_alter_table("strategy_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_strategy_outbox_event_type"), ["event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_strategy_outbox_status"), ["status"], unique=False)

    op.create_table(
        "strategy_versions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("strategy_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("brief_version_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("approved_at", UtcDateTime(), nullable=True),
        sa.Column("discarded_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["strategy_id"], ["strategy_documents.id"], name=op.f("fk_strategy_versions_strategy_id_strategy_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strategy_versions")),
        sa.UniqueConstraint("strategy_id", "version", name=op.f("uq_strategy_versions_strategy_id")),
    )
    with op.batch_alter_table("strategy_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_strategy_versions_brief_version_id"), ["brief_version_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_strategy_versions_strategy_id"), ["strategy_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("strategy_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_strategy_versions_strategy_id"))
        batch_op.drop_index(batch_op.f("ix_strategy_versions_brief_version_id"))

    op.drop_table("strategy_versions")
    with op.batch_alter_table("strategy_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_strategy_outbox_status"))
        batch_op.drop_index(batch_op.f("ix_strategy_outbox_event_type"))

    op.drop_table("strategy_outbox")
    op.drop_table("strategy_documents")
