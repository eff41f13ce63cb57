"""create delivery tables

Revision ID: 598405ed9738
Revises:
Create Date: 2026-11-26 02:19:35.959334
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "598405ed9738"
down_revision = None
branch_labels = ("delivery",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "delivery_outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(length=120), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("occurred_at", UtcDateTime(), nullable=False),
        sa.Column("correlation_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_outbox")),
    )
    with op.batch_alter_table("delivery_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_delivery_outbox_event_type"), ["event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_delivery_outbox_status"), ["status"], unique=False)

    op.create_table(
        "delivery_packages",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("run_key", sa.String(length=100), nullable=False),
        sa.Column("client_name", sa.String(length=200), nullable=False),
        sa.Column("folder", sa.String(length=2000), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("voided_at", UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_packages")),
        sa.UniqueConstraint("run_key", name=op.f("uq_delivery_packages_run_key")),
    )
    op.create_table(
        "delivery_artifacts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("package_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("path", sa.String(length=2000), nullable=False),
        sa.ForeignKeyConstraint(
            ["package_id"], ["delivery_packages.id"], name=op.f("fk_delivery_artifacts_package_id_delivery_packages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_artifacts")),
    )
    with op.batch_alter_table("delivery_artifacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_delivery_artifacts_package_id"), ["package_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("delivery_artifacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delivery_artifacts_package_id"))

    op.drop_table("delivery_artifacts")
    op.drop_table("delivery_packages")
    with op.batch_alter_table("delivery_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delivery_outbox_status"))
        batch_op.drop_index(batch_op.f("ix_delivery_outbox_event_type"))

    op.drop_table("delivery_outbox")
