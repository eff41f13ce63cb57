"""delivery jobs: one row per target, keyed for idempotency

Revision ID: 31b522588512
Revises: 598405ed9738
Create Date: 2026-11-26 02:56:05.523203
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "31b522588512"
down_revision = "598405ed9738"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "delivery_jobs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("package_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=2000), nullable=False),
        sa.Column("idempotency_key", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("delivered_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["package_id"], ["delivery_packages.id"], name=op.f("fk_delivery_jobs_package_id_delivery_packages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_jobs")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_delivery_jobs_idempotency_key")),
    )
    with op.batch_alter_table("delivery_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_delivery_jobs_package_id"), ["package_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("delivery_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delivery_jobs_package_id"))

    op.drop_table("delivery_jobs")
