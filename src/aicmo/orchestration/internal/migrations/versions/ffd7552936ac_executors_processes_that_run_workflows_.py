"""executors: processes that run workflows and their heartbeats

Revision ID: ffd7552936ac
Revises: 9a0122473b4d
Create Date: 2026-11-26 03:21:56.970317
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "ffd7552936ac"
down_revision = "9a0122473b4d"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "orchestration_executors",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("host", sa.String(length=200), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("last_seen", UtcDateTime(), nullable=False),
        sa.Column("recovered_by", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orchestration_executors")),
    )
    with op.batch_alter_table("orchestration_executors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_orchestration_executors_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("orchestration_executors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orchestration_executors_status"))

    op.drop_table("orchestration_executors")
